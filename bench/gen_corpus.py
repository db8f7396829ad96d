#!/usr/bin/env python3
"""Deterministic corpus generator for the nblint benchmark (Python standard library only).

Writes N invented annual reports per rule pack (reg2008, fmt2019, fmt2021) in the shapes real
reports arrive in: the statistics tables as pipe rows, tab rows, space-separated rows, one cell
per line, Markdown tables, section 四 as one line of 15 numbers; the defects real reports have
(missing or empty sections, broken sums, blank cells, late or malformed dates, a partial
statistical period, a one-line section 五, template leftovers, prose that disagrees with the
table); long 总体情况 sections for the large ones. Every report is written in each requested
format from the same content:

    OUT/txt/PACK/NAME.txt     UTF-8 text
    OUT/gbk/PACK/NAME.txt     the same text in GBK
    OUT/html/PACK/NAME.html   a government web page with real <table>s (rowspan, colspan)
    OUT/docx/PACK/NAME.docx   WordprocessingML with w:tbl (gridSpan, vMerge)
    OUT/md/PACK/NAME.md       a Markdown copy (headings ##, Markdown tables) for markdownlint,
                              with OUT/md/PACK/.markdownlint.jsonc enabling only MD043
    OUT/manifest.tsv          one line per report: name, pack, year, UTF-8 bytes, shape, defects

The output depends only on the arguments: each report draws from its own random stream seeded
by (seed, pack, index), so asking for more reports or fewer formats never changes the others.
All text is our own invention; nothing is copied from real reports.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import random
import sys
import zipfile
from dataclasses import dataclass, field

PACK_YEARS = {"reg2008": (2009, 2018), "fmt2019": (2019, 2020), "fmt2021": (2021, 2025)}
FORMATS = ("txt", "gbk", "html", "docx", "md")

# ---------------------------------------------------------------------------------------------
# Vocabulary (invented)

PLACE_CHARS = "青云石松柳白金平安兴永长东西南清碧华龙凤梅桃临新宁溪川岭山河湖阳泉林丰德"
DEPARTMENTS = [
    "交通运输局", "水利局", "市场监督管理局", "自然资源局", "生态环境局", "教育局", "卫生健康委员会",
    "财政局", "民政局", "人力资源和社会保障局", "住房和城乡建设局", "农业农村局", "文化和旅游局",
    "应急管理局", "统计局", "审计局", "司法局", "发展和改革委员会", "医疗保障局", "林业局",
]
TOPICS = [
    "重大建设项目批准和实施", "公共资源配置", "社会公益事业建设", "财政预决算", "行政执法公示",
    "“双随机、一公开”监管结果", "政策文件解读", "优化营商环境", "乡村振兴", "义务教育招生",
    "医疗卫生服务", "生态环境质量", "食品安全", "安全生产", "社会救助", "就业创业", "养老服务",
    "城乡住房保障", "征地补偿", "农村公路建设", "防汛抗旱", "公共法律服务", "市场主体登记",
    "耕地保护", "河湖管护", "城市更新", "惠农补贴发放", "农村饮水安全", "学生资助", "特种设备安全",
]
CHANNELS = [
    "门户网站", "政务新媒体", "政务服务大厅", "政府公报", "政务微信公众号", "政务微博", "政务公开专区",
    "村务公开栏", "新闻发布会", "在线访谈栏目", "政务服务热线", "便民服务中心",
]
ACTIONS = ["围绕", "聚焦", "紧扣", "结合", "立足"]
PROBLEMS = [
    "政策解读形式较为单一，图解、视频等解读方式运用不够",
    "部分栏目信息更新不够及时，个别栏目存在长期未更新的情况",
    "基层政务公开标准化规范化工作仍需深化",
    "依申请公开答复的说理还不够充分，答复文书格式不够统一",
    "工作人员业务水平有待提高，对公开范围的把握不够准确",
    "{topic}信息公开的及时性和完整性有待提高",
    "公众参与和互动回应的渠道还不够畅通",
]
IMPROVEMENTS = [
    "建立信息发布时限提醒机制，把栏目更新情况纳入季度通报",
    "对涉及群众切身利益的政策一律同步制作图解或问答",
    "按照基层政务公开标准目录逐项补齐{topic}领域的公开内容",
    "组织依申请公开答复专题培训，统一答复文书格式",
    "完善信息发布前的审核流程，明确各科室的报送责任",
    "拓展政务新媒体互动功能，及时回应公众关切",
]

# ---------------------------------------------------------------------------------------------
# Table labels (the national templates, spec tables.md)

APPLICANT_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
REQUEST_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
RESULT_GROUPS = [  # (group label or None, [item labels]) under 三、本年度办理结果
    (None, ["（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]),
    ("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
                   "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
                   "7.属于行政执法案卷", "8.属于行政查询事项"]),
    ("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
    ("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                   "5.要求行政机关确认或重新出具已获取信息"]),
    ("（六）其他处理", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                   "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]),
]
REVIEW_OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

FMT_SECTIONS = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"]
FMT_SECTION_VARIANTS = {  # wordings real reports use instead (structure/heading-wording)
    0: ["工作概述", "总体工作情况"], 1: ["主动公开政务信息情况"], 2: ["依申请公开政府信息情况"],
    3: ["因政府信息公开工作被申请行政复议和提起行政诉讼情况"], 4: ["存在问题及改进措施"], 5: ["其他事项"],
}
OVERVIEW_PARTS = ["主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"]
REG2008_ITEMS = [  # (key, heading variants)
    ("proactive", ["主动公开政府信息的情况", "主动公开政府信息情况"]),
    ("requests", ["依申请公开政府信息和不予公开政府信息的情况", "依申请公开政府信息情况"]),
    ("fees", ["政府信息公开的收费及减免情况", "政府信息公开收费及减免情况"]),
    ("review", ["因政府信息公开申请行政复议、提起行政诉讼的情况", "行政复议和行政诉讼情况"]),
    ("problems", ["政府信息公开工作存在的主要问题及改进情况", "存在的主要问题和改进措施"]),
    ("other", ["其他需要报告的事项"]),
]
CN_NUMERALS = "一二三四五六七八九十"

# ---------------------------------------------------------------------------------------------
# The document model every format is rendered from


@dataclass
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Table:
    """One statistics table: `grid` as a web page lays it out (spans; a rowspan label appears in
    its first row only), `header`/`rows` flattened for Markdown (group labels on rows of their own)."""
    grid: list[list[Cell]]
    header: list[str]
    rows: list[list[str]]
    caption: str = ""           # a caption line above the table (第二十条第（一）项)
    review: bool = False        # section 四: may be written as one line of 15 numbers


@dataclass
class Block:
    kind: str                   # title | meta | para | heading | table | signature
    text: str = ""
    level: int = 0              # headings: 1 section, 2 part
    table: Table | None = None


@dataclass
class Report:
    name: str
    pack: str
    year: int
    organ: str
    published: str              # as written, for page metadata
    blocks: list[Block] = field(default_factory=list)
    table_shape: str = "pipe"
    review_shape: str = "grid"
    defects: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Content


class Writer:
    """Builds one report from its own random stream."""

    def __init__(self, rng: random.Random, pack: str, index: int, target_bytes: int):
        self.rng = rng
        self.pack = pack
        self.target = target_bytes
        lo, hi = PACK_YEARS[pack]
        self.year = rng.randint(lo, hi)
        place = "".join(rng.sample(PLACE_CHARS, 2)) + rng.choice("县市区")
        kind = rng.random()
        if kind < 0.70:
            self.organ, self.level = place + rng.choice(DEPARTMENTS), "department"
            self.short = "本委" if self.organ.endswith("委员会") else "本局"
        elif kind < 0.85:
            self.organ, self.level = place + "人民政府", "government"
            self.short = "本" + place[-1] + "政府"
        else:
            town = "".join(rng.sample(PLACE_CHARS, 2))
            suffix = rng.choice(["镇人民政府", "乡人民政府", "街道办事处"])
            self.organ, self.level = place + town + suffix, "township"
            self.short = {"镇人民政府": "本镇", "乡人民政府": "本乡", "街道办事处": "本街道"}[suffix]
        self.name = f"{pack}-{index:04d}-{self.year}"
        self.defects = self.choose_defects()
        self.report = Report(self.name, pack, self.year, self.organ, "")
        shapes = ["pipe", "pipe", "tab", "space", "cell", "cell-dense", "markdown", "flat"]
        self.report.table_shape = rng.choice(shapes)
        self.report.review_shape = "oneline" if rng.random() < 0.3 else "grid"
        self.report.defects = self.defects

    # -- helpers ---------------------------------------------------------------------------

    def n(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def topic(self) -> str:
        return self.rng.choice(TOPICS)

    def choose_defects(self) -> list[str]:
        odds = [("missing-section", 0.08), ("empty-section", 0.08), ("broken-sum", 0.15),
                ("blank-cells", 0.15), ("late-date", 0.12), ("malformed-date", 0.06),
                ("partial-period", 0.06), ("no-period", 0.04), ("thin-problems", 0.10),
                ("placeholder", 0.04), ("prose-mismatch", 0.06), ("heading-wording", 0.06)]
        if self.pack == "fmt2021":
            odds.append(("old-template", 0.04))
        return [name for name, p in odds if self.rng.random() < p]

    def has(self, defect: str) -> bool:
        return defect in self.defects

    def add(self, kind: str, text: str = "", level: int = 0, table: Table | None = None) -> None:
        self.report.blocks.append(Block(kind, text, level, table))

    def size(self) -> int:
        return sum(len(b.text.encode()) + 1 for b in self.report.blocks) + sum(
            len(b.table.rows) * 60 for b in self.report.blocks if b.table)

    # -- dates -----------------------------------------------------------------------------

    def publication(self) -> tuple[str, str]:
        """(metadata form 2026-01-20, prose form 2026年1月20日), late or malformed by defect."""
        y = self.year + 1
        deadline_month = 3 if self.pack == "reg2008" or self.level == "government" else 1
        if self.has("late-date"):
            month, day = min(12, deadline_month + self.n(1, 4)), self.n(1, 28)
        else:
            month, day = deadline_month, self.n(5, 28)
        if self.has("malformed-date"):
            if self.rng.random() < 0.5:
                return f"{y}{month}{day:02d}"[:7], f"{y}{month}{day}"[:7]
            return f"{y}-02-30", f"{y}年2月30日"
        return f"{y}-{month:02d}-{day:02d}", f"{y}年{month}月{day}日"

    def period_sentence(self) -> str:
        y = self.year
        if self.has("no-period"):
            return ""
        end = f"{y}年12月{self.n(20, 29)}日" if self.has("partial-period") else f"{y}年12月31日"
        return self.rng.choice([
            f"本报告中所列数据的统计期限自{y}年1月1日起至{end}止。",
            f"本报告所列数据统计期限自{y}年1月1日至{end}止。",
        ])

    # -- prose -----------------------------------------------------------------------------

    def sentence(self) -> str:
        r, t, s, y = self.rng, self.topic(), self.short, self.year
        ch = r.sample(CHANNELS, 2)
        forms = [
            lambda: f"{y}年，{s}{r.choice(ACTIONS)}{t}等重点领域，通过{ch[0]}和{ch[1]}主动公开政府信息{self.n(20, 900)}条。",
            lambda: f"其中，{t}信息{self.n(3, 200)}条，{self.topic()}信息{self.n(3, 200)}条，{self.topic()}信息{self.n(1, 90)}条。",
            lambda: f"{r.choice(ACTIONS)}{t}，{s}召开专题会议{self.n(1, 9)}次，研究部署公开工作，明确责任科室和完成时限。",
            lambda: f"全年开展政务公开业务培训{self.n(1, 12)}次，参训人员{self.n(20, 600)}人次，工作人员的业务能力进一步提升。",
            lambda: f"在{ch[0]}开设“{t}”专栏，集中发布政策文件、办事指南和工作动态，累计发布信息{self.n(5, 400)}条。",
            lambda: f"对{t}相关政策采取图解、视频、问答等形式开展解读{self.n(2, 60)}篇，便于群众理解和使用。",
            lambda: f"严格执行信息发布前保密审查制度，全年审查拟公开信息{self.n(50, 2000)}条，未发生泄密事件。",
            lambda: f"对照基层政务公开标准目录，梳理{t}领域公开事项{self.n(5, 80)}项，逐项明确公开内容、时限和责任单位。",
            lambda: f"通过{ch[0]}回应公众关切{self.n(1, 90)}次，及时回应群众关心的{t}问题。",
            lambda: f"{self.n(1, 12)}月，{s}对{t}信息开展专项检查，发现问题{self.n(1, 20)}个，已全部整改到位。",
            lambda: f"依托{ch[0]}收集群众关于{t}的咨询{self.n(10, 900)}件，整理形成常见问题解答{self.n(5, 60)}条并在{ch[1]}公开。",
            lambda: f"{s}将{t}信息的公开纳入年度目标考核，每季度通报各科室信息报送情况。",
            lambda: f"全年{ch[0]}累计访问量{self.n(1, 90)}万人次，{t}栏目的浏览量同比增长{self.n(2, 60)}%。",
        ]
        return r.choice(forms)()

    def paragraph(self, sentences: int | None = None) -> str:
        return "".join(self.sentence() for _ in range(sentences or self.n(2, 5)))

    # -- tables ----------------------------------------------------------------------------

    def blank(self) -> str:
        return self.rng.choice(["", "/", "—", "-", "无"])

    def spoil(self, values: list[list[str]]) -> None:
        """The table defects, applied in place to rows of number strings."""
        rows = [row for row in values if row]
        if not rows:
            return
        if self.has("broken-sum"):
            row = self.rng.choice(rows)
            col = self.rng.randrange(len(row))
            if row[col].isdigit():
                row[col] = str(int(row[col]) + self.n(1, 3))
        if self.has("blank-cells"):
            for _ in range(self.n(1, 4)):
                row = self.rng.choice(rows)
                row[self.rng.randrange(len(row))] = self.blank()

    def request_table(self) -> tuple[Table, dict[str, int]]:
        """Section 三: 25 rows (fmt2021) or 23 (fmt2019) × 7 columns, consistent before spoiling."""
        fmt2019 = self.pack == "fmt2019"
        scale = self.rng.choice([0, 1, 2, 5, 20, 80])

        def applicant_row(weight: float) -> list[int]:
            cells = [self.n(0, max(0, int(scale * weight * k))) for k in (4, 1, 0.2, 0.2, 0.3, 0.3)]
            return cells + [sum(cells)]

        groups: list[tuple[str | None, list[tuple[str, list[int]]]]] = []
        for label, items in RESULT_GROUPS:
            if fmt2019 and label == "（六）其他处理":
                groups.append((None, [(label, applicant_row(0.1))]))
            else:
                groups.append((label, [(item, applicant_row(1.0 if label is None else 0.15)) for item in items]))
        results_total = [sum(row[c] for _, items in groups for _, row in items) for c in range(7)]
        carried_out = applicant_row(0.1)
        carried_in = [min(a, self.n(0, 2)) for a in results_total[:6]]
        carried_in.append(sum(carried_in))
        new = [results_total[c] + carried_out[c] - carried_in[c] for c in range(7)]

        def strs(v: list[int]) -> list[str]:
            return [str(x) for x in v]

        numbers = [strs(new), strs(carried_in)] + [strs(r) for _, items in groups for _, r in items] + [
            strs(results_total), strs(carried_out)]
        self.spoil(numbers)
        it = iter(numbers)
        grid = [
            [Cell(REQUEST_NOTE, 3, 3), Cell("申请人情况", 7)],
            [Cell("自然人", 1, 2), Cell("法人或其他组织", 5), Cell("总计", 1, 2)],
            [Cell(c) for c in APPLICANT_COLUMNS[1:6]],
            [Cell("一、本年新收政府信息公开申请数量", 3)] + [Cell(v) for v in next(it)],
            [Cell("二、上年结转政府信息公开申请数量", 3)] + [Cell(v) for v in next(it)],
        ]
        rows = [["一、本年新收政府信息公开申请数量"] + numbers[0], ["二、上年结转政府信息公开申请数量"] + numbers[1],
                ["三、本年度办理结果"]]
        result_rows = sum(len(items) for _, items in groups) + 1
        first = True
        for label, items in groups:
            if label:
                rows.append([label])
            for k, (item, _) in enumerate(items):
                values = next(it)
                row: list[Cell] = []
                if first:
                    row.append(Cell("三、本年度办理结果", 1, result_rows))
                    first = False
                if label and k == 0:
                    row.append(Cell(label, 1, len(items)))
                row.append(Cell(item, 1 if label else 2))
                grid.append(row + [Cell(v) for v in values])
                rows.append([item] + values)
        total = next(it)
        grid.append([Cell("（七）总计", 2)] + [Cell(v) for v in total])
        rows.append(["（七）总计"] + total)
        out = next(it)
        grid.append([Cell("四、结转下年度继续办理", 3)] + [Cell(v) for v in out])
        rows.append(["四、结转下年度继续办理"] + out)
        facts = {"new": new[6], "carried_in": carried_in[6], "carried_out": carried_out[6]}
        return Table(grid, ["项目"] + APPLICANT_COLUMNS, rows, REQUEST_NOTE), facts

    def review_table(self) -> tuple[Table, int, int]:
        groups = []
        for _ in range(3):
            outcomes = [self.n(0, 2) if self.rng.random() < 0.4 else 0 for _ in range(4)]
            groups.append(outcomes + [sum(outcomes)])
        values = [[str(v) for g in groups for v in g]]
        self.spoil(values)
        labels = REVIEW_OUTCOMES * 3
        grid = [
            [Cell("行政复议", 5, 2), Cell("行政诉讼", 10)],
            [Cell("未经复议直接起诉", 5), Cell("复议后起诉", 5)],
            [Cell(c) for c in labels],
            [Cell(v) for v in values[0]],
        ]
        header = [g if k == 0 else "" for g in ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")
                  for k in range(5)]
        return Table(grid, header, [labels, values[0]], review=True), groups[0][4], groups[1][4] + groups[2][4]

    def proactive_tables(self) -> list[Table]:
        """Section 二: the four (fmt2021) or five (fmt2019) small tables, one per 第二十条 item."""
        old = self.pack == "fmt2019" or self.has("old-template")
        amount = lambda: self.rng.choice(["0", "0", f"{self.n(0, 90)}.{self.n(0, 9)}", "0.00"])

        def count(lo: int, hi: int) -> str:
            v = self.n(lo, hi)
            if v >= 1000 and self.rng.random() < 0.4:
                return f"{v:,}"
            return str(v)

        if old:
            spec = [
                ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
                 [["规章", count(0, 1), count(0, 1), count(0, 5)], ["规范性文件", count(0, 6), count(0, 6), count(3, 60)]]),
                ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
                 [["行政许可", count(0, 60), str(self.n(-3, 3)), count(0, 3000)],
                  ["其他对外管理服务事项", count(0, 20), str(self.n(-2, 2)), count(0, 300)]]),
                ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
                 [["行政处罚", count(0, 90), str(self.n(-3, 3)), count(0, 900)],
                  ["行政强制", count(0, 20), str(self.n(-1, 1)), count(0, 40)]]),
                ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"],
                 [["行政事业性收费", count(0, 9), str(self.n(-1, 1))]]),
                ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额"],
                 [["政府集中采购", count(0, 30), amount()]]),
            ]
        else:
            spec = [
                ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                 [["规章", count(0, 1), count(0, 1), count(0, 5)], ["行政规范性文件", count(0, 6), count(0, 3), count(3, 60)]]),
                ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [["行政许可", count(0, 4000)]]),
                ("第二十条第（六）项", ["信息内容", "本年处理决定数量"],
                 [["行政处罚", count(0, 900)], ["行政强制", count(0, 40)]]),
                ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], [["行政事业性收费", amount()]]),
            ]
        tables = []
        for caption, header, rows in spec:
            numbers = [row[1:] for row in rows]
            if self.has("blank-cells") and self.rng.random() < 0.3:
                self.rng.choice(numbers)[0] = self.blank()
            rows = [[row[0]] + values for row, values in zip(rows, numbers)]
            grid = [[Cell(caption, len(header))], [Cell(h) for h in header]] + [[Cell(c) for c in r] for r in rows]
            tables.append(Table(grid, header, rows, caption))
        return tables

    def stats2014_table(self) -> Table:
        """The pre-2019 统计表 (国办发〔2014〕32号) with its arithmetic kept."""
        n = self.n
        channels = [n(0, 40), n(20, 400), n(0, 200), n(0, 200), n(0, 50)]
        proactive = max(channels) + n(0, 50)
        issued = n(0, 8)
        replies = [n(0, 10), n(0, 20), n(0, 5), 0, n(0, 5), n(0, 8), n(0, 3), n(0, 3)]
        refusal_kinds = [n(0, 1), n(0, 2), n(0, 1), 0, n(0, 1), 0]
        replies[3] = sum(refusal_kinds) + n(0, 1)
        received_by = [n(0, 10), n(0, 2), n(0, 30), n(0, 10)]
        received = sum(received_by)
        done_late = n(0, min(2, received))
        full, part = n(0, 3), n(1, 6)
        rows = [
            ("一、主动公开情况", "", ""),
            ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", proactive),
            ("其中：主动公开规范性文件数", "件", min(issued, n(0, issued))),
            ("制发规范性文件总数", "件", issued),
            ("（二）通过不同渠道和方式公开政府信息的情况", "", ""),
            ("1.政府公报公开政府信息数", "条", channels[0]), ("2.政府网站公开政府信息数", "条", channels[1]),
            ("3.政务微博公开政府信息数", "条", channels[2]), ("4.政务微信公开政府信息数", "条", channels[3]),
            ("5.其他方式公开政府信息数", "条", channels[4]),
            ("二、回应解读情况", "", ""),
            ("（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次", n(0, 20)),
            ("（二）通过不同渠道和方式回应解读的情况", "", ""),
            ("1.参加或举办新闻发布会总次数", "次", n(0, 6)), ("其中：主要负责同志参加新闻发布会次数", "次", 0),
            ("2.政府网站在线访谈次数", "次", n(0, 4)), ("其中：主要负责同志参加政府网站在线访谈次数", "次", 0),
            ("3.政策解读稿件发布数", "篇", n(0, 30)), ("4.微博微信回应事件数", "次", n(0, 10)),
            ("5.其他方式回应事件数", "次", n(0, 5)),
            ("三、依申请公开情况", "", ""),
            ("（一）收到申请数", "件", received),
            ("1.当面申请数", "件", received_by[0]), ("2.传真申请数", "件", received_by[1]),
            ("3.网络申请数", "件", received_by[2]), ("4.信函申请数", "件", received_by[3]),
            ("（二）申请办结数", "件", received), ("1.按时办结数", "件", received - done_late),
            ("2.延期办结数", "件", done_late),
            ("（三）申请答复数", "件", sum(replies)),
            ("1.属于已主动公开范围数", "件", replies[0]), ("2.同意公开答复数", "件", replies[1]),
            ("3.同意部分公开答复数", "件", replies[2]), ("4.不同意公开答复数", "件", replies[3]),
            ("其中：涉及国家秘密", "件", refusal_kinds[0]), ("涉及商业秘密", "件", refusal_kinds[1]),
            ("涉及个人隐私", "件", refusal_kinds[2]),
            ("危及国家安全、公共安全、经济安全和社会稳定", "件", refusal_kinds[3]),
            ("不是《条例》所指政府信息", "件", refusal_kinds[4]), ("法律法规规定的其他情形", "件", refusal_kinds[5]),
            ("5.不属于本行政机关公开数", "件", replies[4]), ("6.申请信息不存在数", "件", replies[5]),
            ("7.告知作出更改补充数", "件", replies[6]), ("8.告知通过其他途径办理数", "件", replies[7]),
            ("四、行政复议数量", "件", 0), ("（一）维持具体行政行为数", "件", 0), ("（二）被依法纠错数", "件", 0),
            ("（三）其他情形数", "件", 0),
            ("五、行政诉讼数量", "件", 0), ("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", 0),
            ("（二）被依法纠错数", "件", 0), ("（三）其他情形数", "件", 0),
            ("六、举报投诉数量", "件", n(0, 3)), ("七、依申请公开信息收取的费用", "万元", 0),
            ("八、机构建设和保障经费情况", "", ""),
            ("（一）政府信息公开工作专门机构数", "个", n(0, 2)), ("（二）设置政府信息公开查阅点数", "个", n(1, 4)),
            ("（三）从事政府信息公开工作人员数", "人", full + part),
            ("1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", full), ("2.兼职人员数", "人", part),
            ("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元",
             f"{n(0, 9)}.{n(0, 99):02d}"),
            ("九、政府信息公开会议和培训情况", "", ""),
            ("（一）召开政府信息公开工作会议或专题会议数", "次", n(0, 6)), ("（二）举办各类培训班数", "次", n(0, 4)),
            ("（三）接受培训人员数", "人次", n(0, 200)),
        ]
        numbers = [[str(v)] for _, _, v in rows if v != ""]
        self.spoil(numbers)
        it = iter(numbers)
        body = [[label, unit] + (next(it) if value != "" else [""]) for label, unit, value in rows]
        header = ["统计指标", "单位", "统计数"]
        grid = [[Cell(h) for h in header]] + [[Cell(c) for c in r] for r in body]
        return Table(grid, header, body, f"附表：{self.year}年度政府信息公开情况统计表")

    # -- sections --------------------------------------------------------------------------

    def heading(self, ordinal: int, title: str, level: int = 1) -> None:
        marker = CN_NUMERALS[ordinal] + "、" if level == 1 else f"（{CN_NUMERALS[ordinal]}）"
        self.add("heading", marker + title, level)

    def long_prose(self, budget: int) -> list[str]:
        """Paragraphs of about `budget` UTF-8 bytes in all (at least one)."""
        out, used = [], 0
        while used < budget or not out:
            p = self.paragraph()
            out.append(p)
            used += len(p.encode()) + 1
        return out

    def build(self) -> Report:
        pub_meta, pub_prose = self.publication()
        self.report.published = pub_meta
        title_year = f"{self.year}年度" if self.rng.random() < 0.2 else f"{self.year}年"
        self.add("title", f"{self.organ}{title_year}政府信息公开工作年度报告")
        self.add("meta", f"发布日期：{pub_meta}")
        intro = (f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）的要求，{self.short}编制了本报告。"
                 + self.period_sentence()
                 + f"本报告电子版可在{self.organ[:3]}人民政府门户网站查阅，如有疑问请与{self.short}办公室联系。")
        if self.has("placeholder"):
            intro += self.rng.choice(["联系电话：XXXX-XXXXXXX。", "联系人：××，地址：某某路××号。"])
        self.add("para", intro)
        body_start = len(self.report.blocks)
        if self.pack == "reg2008":
            self.build_reg2008()
        else:
            self.build_fmt()
        # The large reports: long 总体情况 parts, as real ones have (inserted before section 二).
        missing = self.target - self.size()
        if missing > 0:
            self.grow(body_start, missing)
        self.add("signature", self.organ)
        self.add("signature", pub_prose)
        return self.report

    def grow(self, body_start: int, missing: int) -> None:
        """Spreads `missing` bytes of prose over the paragraphs of the first section that has any
        (总体情况, or the first item of a 2008-era report), keeping empty sections empty."""
        blocks = self.report.blocks
        section: list[int] = []
        for i in range(body_start, len(blocks)):
            if blocks[i].kind == "heading" and blocks[i].level == 1:
                if section:
                    break
            elif blocks[i].kind == "para" and i > body_start:
                section.append(i)
        if not section:
            section = [len(blocks) - 1]
        extra = self.long_prose(missing)
        share = -(-len(extra) // len(section))
        for k, at in reversed(list(enumerate(section))):
            blocks[at + 1:at + 1] = [Block("para", p) for p in extra[k * share:(k + 1) * share]]

    def skipped_sections(self, count: int) -> tuple[set[int], set[int]]:
        missing = {self.n(1, count - 1)} if self.has("missing-section") else set()
        empty = {self.n(1, count - 1)} - missing if self.has("empty-section") else set()
        return missing, empty

    def build_fmt(self) -> None:
        missing, empty = self.skipped_sections(6)
        ordinal = 0
        for k, title in enumerate(FMT_SECTIONS):
            if k in missing:
                continue
            if self.has("heading-wording") and k in FMT_SECTION_VARIANTS and self.rng.random() < 0.4:
                title = self.rng.choice(FMT_SECTION_VARIANTS[k])
            self.heading(ordinal, title)
            ordinal += 1
            if k in empty:
                continue
            [self.overview, self.proactive, self.requests, self.review, self.problems, self.other][k]()

    def overview(self) -> None:
        for i, part in enumerate(OVERVIEW_PARTS):
            self.heading(i, part, 2)
            self.add("para", self.paragraph())

    def proactive(self) -> None:
        self.add("para", self.paragraph(2))
        for t in self.proactive_tables():
            self.add("table", table=t)

    def requests(self) -> None:
        table, facts = self.request_table()
        new = facts["new"] + (self.n(1, 5) if self.has("prose-mismatch") else 0)
        self.add("para", f"{self.year}年，{self.short}新收政府信息公开申请{new}件，上年结转{facts['carried_in']}件，"
                         f"结转下年度继续办理{facts['carried_out']}件。" + self.paragraph(1))
        self.add("table", table=table)

    def review(self) -> None:
        table, reviews, suits = self.review_table()
        self.add("para", f"{self.year}年，{self.short}因政府信息公开被申请行政复议{reviews}件，"
                         f"被提起行政诉讼{suits}件。")
        self.add("table", table=table)

    def problems(self) -> None:
        if self.has("thin-problems"):
            self.add("para", self.rng.choice(["无。", "本年度工作中存在的问题已及时整改。"]))
            return
        picks = self.rng.sample(PROBLEMS, 3)
        text = "".join(f"{CN_NUMERALS[i]}是{p.format(topic=self.topic())}；" for i, p in enumerate(picks))
        fixes = self.rng.sample(IMPROVEMENTS, 2)
        self.add("para", text[:-1] + "。")
        self.add("para", f"下一步，{self.short}将" + "，".join(f.format(topic=self.topic()) for f in fixes) + "。")

    def other(self) -> None:
        fee = "未收取信息处理费" if self.rng.random() < 0.8 else f"收取信息处理费{self.n(100, 5000)}元"
        self.add("para", f"本年度{self.short}{fee}。{self.short}按照{self.year}年政务公开工作要点的分工，"
                         f"完成了{self.topic()}领域公开事项的梳理。")

    def build_reg2008(self) -> None:
        missing, empty = self.skipped_sections(len(REG2008_ITEMS))
        ordinal = 0
        if self.rng.random() < 0.5:
            self.heading(ordinal, self.rng.choice(["概述", "基本情况", "工作概况"]))
            ordinal += 1
            self.add("para", self.paragraph())
        with_stats = self.year >= 2014 and self.rng.random() < 0.6
        for k, (key, variants) in enumerate(REG2008_ITEMS):
            if k in missing:
                continue
            self.heading(ordinal, self.rng.choice(variants))
            ordinal += 1
            if k in empty:
                continue
            if key == "proactive":
                self.add("para", self.paragraph())
            elif key == "requests":
                got = self.n(0, 60)
                self.add("para", f"全年共收到政府信息公开申请{got}件，均在规定期限内答复。" + self.paragraph(1))
            elif key == "fees":
                self.add("para", f"{self.short}办理政府信息公开申请未收取检索、复制、邮寄等费用，不存在减免情况。")
            elif key == "review":
                self.add("para", f"本年度{self.short}因政府信息公开被申请行政复议{self.n(0, 2)}件，"
                                 f"被提起行政诉讼{self.n(0, 1)}件。")
            elif key == "problems":
                self.problems()
            else:
                self.add("para", "本年度无其他需要报告的事项。" if not with_stats else "详见附表。")
                if with_stats:
                    t = self.stats2014_table()
                    self.add("table", table=t)


# ---------------------------------------------------------------------------------------------
# Rendering


def expand(grid: list[list[Cell]]) -> list[list[tuple[str, Cell | None]]]:
    """The grid's slots: ('start', cell), ('down', cell) under a rowspan, ('right', None) under a
    colspan. Rows are as wide as the widest."""
    slots: dict[tuple[int, int], tuple[str, Cell | None]] = {}
    for r, row in enumerate(grid):
        c = 0
        for cell in row:
            while (r, c) in slots:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    kind = "start" if dr == dc == 0 else ("down" if dc == 0 else "right")
                    slots[(r + dr, c + dc)] = (kind, cell if kind != "right" else None)
            c += cell.colspan
    width = max(c for _, c in slots) + 1
    return [[slots.get((r, c), ("right", None)) for c in range(width)] for r in range(len(grid))]


def table_text(t: Table, shape: str, review_shape: str) -> list[str]:
    if t.review and review_shape == "oneline":
        # Headers copied from a web page run together; the 15 numbers on one line.
        return ["".join(c.text for row in t.grid[:-1] for c in row), "  ".join(" ".join(t.rows[-1][i:i + 5]) for i in (0, 5, 10))]
    lines = [t.caption] if t.caption and not t.review and t.caption != REQUEST_NOTE else []
    grid = t.grid[1:] if lines and t.grid[0][0].text == t.caption else t.grid
    if shape == "markdown":
        rows = [t.header] + ([r for r in t.rows])
        width = max(len(r) for r in rows)
        out = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
        out.insert(1, "|" + "---|" * width)
        return lines + ([""] if lines else []) + out
    if shape == "flat":
        return lines + [" | ".join(t.header)] + [" | ".join(r) + (" |" if len(r) == 1 else "") for r in t.rows]
    if shape in ("cell", "cell-dense"):
        sep = [""] if shape == "cell" else []
        out = []
        for row in grid:
            for cell in row:
                out += [cell.text] + sep
        return lines + out
    joiner = {"pipe": " | ", "tab": "\t", "space": " "}[shape]
    return lines + [joiner.join(c.text for c in row) for row in grid]


def render_text(rep: Report) -> str:
    lines: list[str] = []
    spaced = rep.table_shape == "cell"  # reports copied from a page often have blank lines everywhere
    for b in rep.blocks:
        if b.kind == "table":
            lines += table_text(b.table, rep.table_shape, rep.review_shape)
        elif b.kind == "meta" and rep.pack == "reg2008":
            continue  # these carry the date in the signature only
        else:
            lines.append(b.text)
        if spaced:
            lines.append("")
    return "\n".join(lines) + "\n"


def render_markdown(rep: Report) -> str:
    out: list[str] = []
    for b in rep.blocks:
        if b.kind == "title":
            out.append("# " + b.text)
        elif b.kind == "heading":
            out.append("#" * (b.level + 1) + " " + b.text)
        elif b.kind == "table":
            out += table_text(b.table, "markdown", "grid")
        else:
            out.append(b.text)
        out.append("")
    return "\n".join(out)


def html_table(t: Table) -> str:
    rows = []
    for row in t.grid:
        cells = []
        for c in row:
            span = (f' colspan="{c.colspan}"' if c.colspan > 1 else "") + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "")
            text = html.escape(c.text) if c.text else "&nbsp;"
            cells.append(f"<td{span}>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table border="1" cellspacing="0" cellpadding="0" style="width:100%">\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


def render_html(rep: Report, rng: random.Random) -> str:
    site = rep.organ[:3] + "人民政府"
    body = []
    for b in rep.blocks:
        e = html.escape(b.text)
        if b.kind == "title":
            body.append(f'<h1 class="title">{e}</h1>\n<div class="info">发布日期：{html.escape(rep.published)}&nbsp;&nbsp;'
                        f'来源：{html.escape(rep.organ)}&nbsp;&nbsp;浏览次数：<span id="hits">{rng.randint(50, 9000)}</span>'
                        f'&nbsp;&nbsp;字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>\n'
                        '<div class="content" id="zoom">')
        elif b.kind == "meta":
            continue
        elif b.kind == "heading":
            body.append(f"<p><strong>{e}</strong></p>" if b.level > 1 or rng.random() < 0.5 else f"<h2>{e}</h2>")
        elif b.kind == "table":
            if b.table.caption and b.table.caption != REQUEST_NOTE and b.table.grid[0][0].text != b.table.caption:
                body.append(f"<p>{html.escape(b.table.caption)}</p>")
            body.append(html_table(b.table))
        elif b.kind == "signature":
            body.append(f'<p style="text-align:right">{e}</p>')
        else:
            body.append(f'<p style="text-indent:2em">{e}</p>')
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(rep.blocks[0].text)}_{site}</title>
<link rel="stylesheet" href="/static/css/article.css">
<script src="/static/js/jquery.min.js"></script>
</head>
<body>
<header class="site-top"><div class="logo"><img src="/static/img/logo.png" alt="{site}"> {site}</div>
<form class="search" action="/search" method="get"><input type="text" name="q" placeholder="请输入关键字"><button type="submit">搜索</button></form></header>
<nav class="menu"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/nb/">政府信息公开年报</a></div>
<div class="container"><div class="article">
{chr(10).join(body)}
</div></div></div>
<div class="footer"><p>上一篇：{html.escape(rep.organ)}{rep.year - 1}年政府信息公开工作年度报告</p><p>下一篇：无</p>
<p>扫一扫在手机打开当前页</p><p>主办单位：{site}办公室</p></div>
</body>
</html>
"""


def xml_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx_paragraph(text: str, style: str = "", bold: bool = False, center: bool = False) -> str:
    ppr = ""
    if style or center:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + ('<w:jc w:val="center"/>' if center else "") + "</w:pPr>"
    rpr = '<w:rPr><w:b/><w:rFonts w:hint="eastAsia"/></w:rPr>' if bold else '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r></w:p>'


def docx_table(t: Table) -> str:
    slots = expand(t.grid)
    width = len(slots[0])
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
           + '<w:gridCol w:w="900"/>' * width + "</w:tblGrid>"]
    for row in slots:
        cells = []
        for kind, cell in row:
            if kind == "right":
                continue
            props = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
            if cell.rowspan > 1:
                props += '<w:vMerge w:val="restart"/>' if kind == "start" else "<w:vMerge/>"
            tcpr = f"<w:tcPr>{props}</w:tcPr>" if props else ""
            text = cell.text if kind == "start" else ""
            run = f'<w:r><w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>' if text else ""
            cells.append(f"<w:tc>{tcpr}<w:p>{run}</w:p></w:tc>")
        out.append("<w:tr>" + "".join(cells) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


DOCX_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"""
DOCX_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""
DOCX_DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"""
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>"""


def render_docx(rep: Report, rng: random.Random) -> bytes:
    styled = rng.random() < 0.5  # half use heading styles, half bold paragraphs, as Word users do
    parts = []
    for b in rep.blocks:
        if b.kind == "title":
            parts.append(docx_paragraph(b.text, bold=True, center=True))
        elif b.kind == "meta":
            continue  # a Word file has no page metadata: the date is in the signature
        elif b.kind == "heading":
            parts.append(docx_paragraph(b.text, style=str(b.level) if styled else "", bold=not styled))
        elif b.kind == "table":
            if b.table.caption and b.table.caption != REQUEST_NOTE and b.table.grid[0][0].text != b.table.caption:
                parts.append(docx_paragraph(b.table.caption))
            parts.append(docx_table(b.table))
        else:
            parts.append(docx_paragraph(b.text))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}"><w:body>'
                + "".join(parts) + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", DOCX_CONTENT_TYPES), ("_rels/.rels", DOCX_RELS),
                           ("word/_rels/document.xml.rels", DOCX_DOCUMENT_RELS), ("word/styles.xml", DOCX_STYLES),
                           ("word/document.xml", document)):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # fixed: reproducible bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode())
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# MD043 configurations for markdownlint (only that rule: the required headings)


def markdownlint_config(pack: str) -> dict:
    if pack == "reg2008":
        # The 2008 regulation fixed no headings: only a title and at least one section.
        headings = ["?", "+"]
    else:
        headings = ["?"]  # "?": exactly one heading of any wording, the title
        for k, title in enumerate(FMT_SECTIONS):
            headings += [f"## {CN_NUMERALS[k]}、{title}", "*"]
    return {"default": False, "MD043": {"headings": headings}}


# ---------------------------------------------------------------------------------------------


def target_size(rng: random.Random, index: int, min_size: int, max_size: int) -> int:
    """Mostly small reports, a few large ones; report 0 of each pack is the largest."""
    if index == 0:
        return max_size
    return int(min_size * (max_size / min_size) ** (rng.random() ** 2))


def parse_size(s: str) -> int:
    s = s.strip().upper()
    for suffix, factor in (("K", 1024), ("M", 1024 * 1024)):
        if s.endswith(suffix):
            return int(float(s[:-1]) * factor)
    return int(s)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output directory (created; existing files are replaced)")
    ap.add_argument("--reports", type=int, default=20, help="reports per pack (default 20)")
    ap.add_argument("--seed", default="1", help="seed (any string; default 1)")
    ap.add_argument("--min-size", default="2K", help="smallest target size of a report's UTF-8 text (default 2K)")
    ap.add_argument("--max-size", default="2M", help="largest target size (default 2M); report 0 of each pack gets it")
    ap.add_argument("--formats", default=",".join(FORMATS), help=f"comma-separated subset of {','.join(FORMATS)}")
    ap.add_argument("--packs", default=",".join(PACK_YEARS), help="comma-separated packs (default all three)")
    args = ap.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    packs = [p for p in args.packs.split(",") if p]
    for f in formats:
        if f not in FORMATS:
            ap.error(f"unknown format {f!r}")
    for p in packs:
        if p not in PACK_YEARS:
            ap.error(f"unknown pack {p!r}")
    min_size, max_size = parse_size(args.min_size), parse_size(args.max_size)
    if not 0 < min_size <= max_size:
        ap.error("need 0 < --min-size <= --max-size")

    manifest = ["name\tpack\tyear\tutf8_bytes\ttable_shape\treview_shape\tdefects"]
    for pack in packs:
        for fmt in formats:
            os.makedirs(os.path.join(args.out, fmt, pack), exist_ok=True)
        if "md" in formats:
            with open(os.path.join(args.out, "md", pack, ".markdownlint.jsonc"), "w", encoding="utf-8") as f:
                json.dump(markdownlint_config(pack), f, ensure_ascii=False, indent=2)
        for i in range(args.reports):
            rng = random.Random(f"{args.seed}/{pack}/{i}")
            size = target_size(rng, i, min_size, max_size)
            rep = Writer(rng, pack, i, size).build()
            text = render_text(rep)
            base = os.path.join(args.out, "{fmt}", pack, rep.name)
            if "txt" in formats:
                with open(base.format(fmt="txt") + ".txt", "w", encoding="utf-8") as f:
                    f.write(text)
            if "gbk" in formats:
                with open(base.format(fmt="gbk") + ".txt", "wb") as f:
                    f.write(text.encode("gbk"))
            if "html" in formats:
                with open(base.format(fmt="html") + ".html", "w", encoding="utf-8") as f:
                    f.write(render_html(rep, rng))
            if "docx" in formats:
                with open(base.format(fmt="docx") + ".docx", "wb") as f:
                    f.write(render_docx(rep, rng))
            if "md" in formats:
                with open(base.format(fmt="md") + ".md", "w", encoding="utf-8") as f:
                    f.write(render_markdown(rep))
            manifest.append("\t".join([rep.name, pack, str(rep.year), str(len(text.encode())), rep.table_shape,
                                       rep.review_shape, ",".join(rep.defects) or "-"]))
    with open(os.path.join(args.out, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
