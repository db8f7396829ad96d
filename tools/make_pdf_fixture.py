#!/usr/bin/python3
"""Generate the PDF fixtures in tests/fixtures/pdf/ (run by hand, not part of the build).

Debian packages needed only to regenerate them (not build dependencies):
    apt-get install python3-reportlab fonts-wqy-zenhei qpdf
Use Debian's /usr/bin/python3 (the Debian reportlab is installed for it).

    /usr/bin/python3 tools/make_pdf_fixture.py [OUTDIR]

The report is a fictional one written for these tests (青山县交通运输局 does not publish it).
Fixtures written:
    qingshan-2023.pdf          one A4 page, 五号 text: title, period sentence, six headings,
                               （一） sub-headings, wrapped paragraphs, a ruled table, footer "- 1 -"
    qingshan-2023-2p.pdf       the same report in larger type over two pages, a running header on
                               each page and a footer "第 1 页 共 2 页"; one paragraph breaks across
                               the page boundary
    qingshan-2023-locked.pdf   qingshan-2023.pdf encrypted with a user password (qpdf, AES-256;
                               the only file that differs on each run: qpdf salts it randomly)
    scanned.pdf                a page with only drawn shapes and no text (stands in for a scan)
    garbled.pdf                qingshan-2023.pdf with its fonts' /ToUnicode maps disabled: poppler
                               then gives Latin-1 garbage instead of Chinese
The font (WenQuanYi Zen Hei) is embedded as a subset, so each file stays small.
"""
import os
import subprocess
import sys

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

rl_config.invariant = 1  # no time stamps or random ids: regenerating gives the same files

FONT = "WQY"
pdfmetrics.registerFont(TTFont(FONT, "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", subfontIndex=0))

TITLE = "青山县交通运输局2023年政府信息公开工作年度报告"

INTRO = (
    "本报告依据《中华人民共和国政府信息公开条例》和政府信息公开工作年度报告格式的要求，由青山县"
    "交通运输局办公室汇总编制，分为总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
    "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分。"
    "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。对本报告如有疑问，请与本局"
    "办公室联系（地址：青山县城南路18号）。"
)

# (kind, text): kind is "h1", "h2" or "p"; ("table", None) places the table.
BODY = [
    ("h1", "一、总体情况"),
    ("p", "2023年，青山县交通运输局围绕农村公路建设、道路运输服务和交通安全监管等重点工作，"
          "把政务公开作为转变作风、接受监督的日常功课，公开内容更加具体，回应关切更加及时。"),
    ("h2", "（一）主动公开"),
    ("p", "全年通过县政府门户网站交通运输局专栏主动公开政府信息326条，其中机构职能、政策文件和规划"
          "计划等基础信息41条，农村公路养护、道路客运和治超执法等业务信息213条，财政预决算信息9条，"
          "其他信息63条；在“青山交通”政务新媒体发布政策解读和办事指南28篇。"),
    ("h2", "（二）依申请公开"),
    ("p", "本年度新收政府信息公开申请12件，上年结转1件，均在法定期限内答复，其中予以公开7件，部分"
          "公开2件，本机关不掌握相关政府信息3件，结转下年度继续办理1件，未收取任何费用。"),
    ("h2", "（三）政府信息管理"),
    ("p", "对本局2015年以来制发的行政规范性文件逐件清理，废止1件、修改2件，清理结果在专栏集中公布；"
          "坚持公开前保密审查，全年审查拟公开信息340余条，未发生泄密或者不当公开的情况。"),
    ("h2", "（四）平台建设"),
    ("p", "完成专栏栏目调整，新增“农村公路”“客运班线”两个专题，汇集线路调整、养护计划和通行提示"
          "等信息；专栏全年访问量约4.6万人次，未出现错链、断链问题。"),
    ("h2", "（五）监督保障"),
    ("p", "调整政务公开工作领导小组，明确办公室一名工作人员专门负责，把政务公开纳入科室年度考核，"
          "全年组织业务培训2次，参训人员46人次。"),
    ("h1", "二、主动公开政府信息情况"),
    ("table", None),
    ("h1", "三、收到和处理政府信息公开申请情况"),
    ("p", "本年度共收到自然人申请11件、法人或者其他组织申请1件，申请内容主要集中在道路改建征地补偿"
          "和客运班线经营许可两个方面；所有申请均按照《条例》规定的程序和期限办理。"),
    ("h1", "四、政府信息公开行政复议、行政诉讼情况"),
    ("p", "本年度因政府信息公开引起的行政复议1件，复议机关维持原答复；未发生行政诉讼。"),
    ("h1", "五、存在的主要问题及改进情况"),
    ("p", "1.部分业务科室对主动公开的范围把握不准，农村公路项目进度信息更新偏慢。下一步将按季度梳理"
          "公开清单，明确每条信息的责任科室和更新时限。"),
    ("p", "2.政策解读以文字为主，群众阅读不便。2024年将增加图表解读和短视频解读的比例。"),
    ("h1", "六、其他需要报告的事项"),
    ("p", "本年度未收取信息处理费。本局没有需要报告的人大代表建议和政协委员提案办理结果公开情况以外的"
          "其他事项。"),
]

TABLE = [
    ["第二十条第（一）项", "", "", ""],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "0", "0", "0"],
    ["行政规范性文件", "2", "1", "14"],
    ["第二十条第（五）项", "", "", ""],
    ["信息内容", "本年处理决定数量", "", ""],
    ["行政许可", "1826", "", ""],
]


def styles(size, leading):
    base = dict(fontName=FONT, fontSize=size, leading=size * leading, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", alignment=TA_CENTER, spaceAfter=size, **{**base, "fontSize": size * 1.3,
                                                                                  "leading": size * 2}),
        "h1": ParagraphStyle("h1", firstLineIndent=2 * size, spaceBefore=size * 0.3, **base),
        "h2": ParagraphStyle("h2", firstLineIndent=2 * size, **base),
        "p": ParagraphStyle("p", firstLineIndent=2 * size, alignment=TA_JUSTIFY, allowOrphans=1, **base),
        "cell": ParagraphStyle("cell", alignment=TA_CENTER, **{**base, "fontSize": size * 0.9, "leading": size * 1.3}),
    }


def story(size, leading):
    st = styles(size, leading)
    out = [Paragraph(TITLE, st["title"]), Paragraph(INTRO, st["p"])]
    for kind, text in BODY:
        if kind == "table":
            rows = [[Paragraph(c, st["cell"]) if c else "" for c in r] for r in TABLE]
            t = Table(rows, colWidths=[None] * 4)
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("SPAN", (0, 0), (3, 0)), ("SPAN", (0, 4), (3, 4)),
                ("SPAN", (1, 5), (3, 5)), ("SPAN", (1, 6), (3, 6)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]))
            out += [Spacer(1, size * 0.3), t, Spacer(1, size * 0.3)]
        else:
            out.append(Paragraph(text, st[kind]))
    return out


def build(path, size, footer, header=None, top=25 * mm, bottom=22 * mm, leading=1.6):
    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 9)
        w, h = A4
        if header:
            canvas.drawCentredString(w / 2, h - 14 * mm, header)
            canvas.line(doc.leftMargin, h - 16 * mm, w - doc.rightMargin, h - 16 * mm)
        canvas.drawCentredString(w / 2, 12 * mm, footer(doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=28 * mm, rightMargin=26 * mm, topMargin=top,
                            bottomMargin=bottom, title=TITLE, author="nblint test fixture")
    doc.build(story(size, leading), onFirstPage=decorate, onLaterPages=decorate)


def scanned(path):
    c = rl_canvas.Canvas(path, pagesize=A4)
    c.setFillGray(0.85)
    c.rect(30 * mm, 40 * mm, 150 * mm, 220 * mm, fill=1, stroke=0)
    c.setFillGray(0.3)
    for i in range(30):  # grey bars where the lines of a scanned page would be
        c.rect(40 * mm, (250 - 7 * i) * mm, (130 - (i % 4) * 9) * mm, 3 * mm, fill=1, stroke=0)
    c.showPage()
    c.save()


def garbled(src, dst):
    qdf, broken = dst + ".qdf", dst + ".broken"
    subprocess.run(["qpdf", "--qdf", "--deterministic-id", "--object-streams=disable", src, qdf], check=True)
    with open(qdf, "rb") as f:
        data = f.read().replace(b"/ToUnicode", b"/ToUnicodX")  # same length: offsets stay valid
    with open(broken, "wb") as f:
        f.write(data)
    subprocess.run(["qpdf", "--deterministic-id", "--compress-streams=y", "--recompress-flate", broken, dst], check=True)
    os.remove(qdf)
    os.remove(broken)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "pdf")
    os.makedirs(out, exist_ok=True)
    one = os.path.join(out, "qingshan-2023.pdf")
    build(one, 10, lambda n: f"- {n} -", top=15 * mm, bottom=18 * mm, leading=1.4)
    build(os.path.join(out, "qingshan-2023-2p.pdf"), 13, lambda n: f"第 {n} 页 共 2 页",
          header="青山县交通运输局政府信息公开工作年度报告", bottom=26 * mm)
    subprocess.run(["qpdf", "--encrypt", "nblint-user", "nblint-owner", "256", "--", one,
                    os.path.join(out, "qingshan-2023-locked.pdf")], check=True)
    scanned(os.path.join(out, "scanned.pdf"))
    garbled(one, os.path.join(out, "garbled.pdf"))


if __name__ == "__main__":
    main()
