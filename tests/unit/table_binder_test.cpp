#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <vector>

#include "bind/analysis.h"
#include "bind/cell_stream.h"
#include "ingest/ingest.h"
#include "output/model_names.h"
#include "parse/text_scan.h"
#include "support/run.h"

using namespace nblint;

namespace {

Analysis analyze_text(const std::string& text) {
  auto ingested = ingest_bytes("report.txt", text, Format::Text, IngestOptions{});
  REQUIRE(std::holds_alternative<Document>(ingested));
  return analyze(std::get<Document>(ingested), nullptr);
}

const BoundTable& table(const Analysis& a, std::string_view key) {
  for (const BoundTable& t : a.report.tables)
    if (t.key == key) return t;
  FAIL("no table " << key);
  throw 0;
}

int count_notes(const BoundTable& t, BindIssue issue, std::string_view row = {}) {
  int n = 0;
  for (const BindNote& note : t.notes) n += note.issue == issue && (row.empty() || note.row == row) ? 1 : 0;
  return n;
}

int top_level_sections(const Analysis& a) {
  int n = 0;
  for (const Section& s : a.report.sections) n += s.parent < 0 ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("binder: a prose sentence naming a row is not the row's label") {
  const Analysis a = analyze_text(
      "青山县交通运输局2023年政府信息公开工作年度报告\n"
      "三、收到和处理政府信息公开申请情况\n"
      "本年新收政府信息公开申请3件。\n"
      "自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计\n"
      "一、本年新收政府信息公开申请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3\n");
  REQUIRE(a.choice.pack);
  const BoundRow* row = table(a, "requests").row("new");
  REQUIRE(row);
  CHECK(row->line == 5);
  REQUIRE(row->cells.size() == 7);
  CHECK(row->cells[0].value.integer() == 2);
  CHECK(row->cells[6].value.integer() == 3);
}

TEST_CASE("binder: a blank cell stays blank and a short row is noted") {
  const Analysis a = analyze_text(
      "青山县交通运输局2023年政府信息公开工作年度报告\n"
      "二、主动公开政府信息情况\n"
      "第二十条第（一）项\n"
      "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n"
      "规章 | 0 | / | 5\n"
      "行政规范性文件 | 3 |\n");
  const BoundTable& t = table(a, "proactive_rules");
  const BoundRow* rules = t.row("regulations");
  REQUIRE(rules);
  CHECK(rules->cells[1].state == CellState::Blank);
  CHECK(rules->cells[2].value.integer() == 5);
  const BoundRow* docs = t.row("normative_documents");
  REQUIRE(docs);
  CHECK(docs->cells[1].state == CellState::Missing);
  CHECK(count_notes(t, BindIssue::ShortRow, "normative_documents") == 1);
}

TEST_CASE("binder: digits that ran together are never read as values") {
  const Analysis a = analyze_text(
      "青山县交通运输局2023年政府信息公开工作年度报告\n"
      "三、收到和处理政府信息公开申请情况\n"
      "一、本年新收政府信息公开申请数量 640020470\n"
      "二、上年结转政府信息公开申请数量 230 000023\n"
      "（一）予以公开 0 0 0 0 0 0 0\n");
  const BoundTable& t = table(a, "requests");
  CHECK_FALSE(t.row("new"));
  CHECK_FALSE(t.row("carried_in"));
  const BoundRow* out = t.row("granted");
  REQUIRE(out);
  CHECK(out->cells[6].state == CellState::Number);
  CHECK(count_notes(t, BindIssue::Unreadable) == 2);
  // The rows are labels, not sections: section 三 holds the whole table.
  CHECK(top_level_sections(a) == 1);
}

TEST_CASE("binder: labels run together without a blank are two labels") {
  const Analysis a = analyze_text(
      "青山县交通运输局2023年政府信息公开工作年度报告\n"
      "三、收到和处理政府信息公开申请情况\n"
      "三、本年度办理结果（一）予以公开 20 0210023\n"
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 3 0 0 0 0 0 3\n"
      "（三）不予公开1.属于国家秘密 1 0 0 0 0 0 1\n");
  const BoundTable& t = table(a, "requests");
  CHECK_FALSE(t.row("granted"));
  CHECK(count_notes(t, BindIssue::Unreadable, "granted") == 1);
  const BoundRow* secret = t.row("withheld_secret");
  REQUIRE(secret);
  CHECK(secret->cells[0].value.integer() == 1);
  CHECK(secret->cells[6].value.integer() == 1);
  CHECK_FALSE(t.row("withheld"));
}

TEST_CASE("binder: a header naming the column's position beats template order") {
  // A 2021 report on the 2019 template: 处理决定数量 is the third of three numbers.
  const Analysis a = analyze_text(
      "青山县交通运输局2021年政府信息公开工作年度报告\n"
      "二、主动公开政府信息情况\n"
      "第二十条第（五）项\n"
      "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n"
      "行政许可 | 8 | 0 | 35\n"
      "第二十条第（八）项\n"
      "信息内容 | 上一年项目数量 | 本年增/减\n"
      "行政事业性收费 | 1 | 0\n");
  REQUIRE(a.choice.pack);
  CHECK(a.choice.pack->id == "fmt2021");
  const BoundTable& licensing = table(a, "proactive_licensing");
  REQUIRE(licensing.row("licensing"));
  CHECK(licensing.row("licensing")->cells[0].value.integer() == 35);
  REQUIRE(count_notes(licensing, BindIssue::ExtraCells, "licensing") == 1);
  for (const BindNote& n : licensing.notes)
    if (n.issue == BindIssue::ExtraCells) CHECK((n.expected == 1 && n.found == 3));
  // No header names 收费金额: template order, the first number.
  const BoundTable& fees = table(a, "proactive_fees");
  REQUIRE(fees.row("fees"));
  CHECK(fees.row("fees")->cells[0].value.integer() == 1);
}

TEST_CASE("binder: a label broken over two lines between empty lines is one label, not a heading") {
  const Analysis a = analyze_text(
      "青山县交通运输局2023年政府信息公开工作年度报告\n\n"
      "三、收到和处理政府信息公开申请情况\n\n"
      "一、本年新收政府信息\n公开申请数量\n\n"
      "3\n\n0\n\n0\n\n0\n\n0\n\n0\n\n3\n\n"
      "二、上年结转政府信息\n公开申请数量\n\n"
      "1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1\n");
  const BoundTable& t = table(a, "requests");
  REQUIRE(t.row("new"));
  CHECK(t.row("new")->cells[6].value.integer() == 3);
  REQUIRE(t.row("carried_in"));
  CHECK(t.row("carried_in")->cells[0].value.integer() == 1);
  CHECK(top_level_sections(a) == 1);
}

TEST_CASE("binder: notes in words name the row, or the table when the whole table ran together") {
  BindNote whole{BindIssue::Unreadable, "", "", Span{}, 0, 0};
  CHECK(model_names::bind_note_message(whole, Lang::Zh) == "该表格的单元格连在一起（数字串或编码），无法读取，未取其值");
  CHECK(model_names::bind_note_message(whole, Lang::En) ==
        "the cells of this table ran together (digit runs or codes); no values were taken");
  BindNote row{BindIssue::Unreadable, "new", "", Span{}, 0, 0};
  CHECK(model_names::bind_note_message(row, Lang::Zh) == "行 new 的单元格连在一起（数字串或编码），无法读取，未取其值");
  BindNote extra{BindIssue::ExtraCells, "licensing", "", Span{}, 1, 3};
  CHECK(model_names::bind_note_message(extra, Lang::Zh) == "行 licensing 有 3 个数字单元格，多于 1 列");
}

TEST_CASE("binder: a run-on line gives the one-column rows and leaves digit runs unread") {
  // A crawler's whole report on one line: captions, headers, labels and numbers run together.
  std::string line = "青山县交通运输局2023年政府信息公开工作年度报告。一、总体情况本局全年公开各类信息。"
                     "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
                     "规章000行政规范性文件3110第二十条第（五）项信息内容本年处理决定数量行政许可2629"
                     "第二十条第（六）项信息内容本年处理决定数量行政处罚1330行政强制54"
                     "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
                     "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
                     "一、本年新收政府信息公开申请数量801000081二、上年结转政府信息公开申请数量0000000"
                     "（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000"
                     "四、政府信息公开行政复议、行政诉讼情况本年度未发生行政复议和行政诉讼。";
  for (int i = 0; i < 8; ++i) line.insert(line.find("二、主动"), "本局按照县政务公开办的要求做好公开工作。");  // a long line
  const Analysis a = analyze_text(line + "\n");
  REQUIRE(a.choice.pack);
  REQUIRE(table(a, "proactive_licensing").row("licensing"));
  CHECK(table(a, "proactive_licensing").row("licensing")->cells[0].value.integer() == 2629);
  const BoundTable& penalties = table(a, "proactive_penalties");
  REQUIRE(penalties.row("punishment"));
  CHECK(penalties.row("punishment")->cells[0].value.integer() == 1330);
  REQUIRE(penalties.row("enforcement"));
  CHECK(penalties.row("enforcement")->cells[0].value.integer() == 54);
  // 000 for three columns, 3110 for three: unreadable, nothing taken.
  const BoundTable& rules = table(a, "proactive_rules");
  CHECK_FALSE(rules.found);
  CHECK(count_notes(rules, BindIssue::Unreadable, "regulations") == 1);
  CHECK(count_notes(rules, BindIssue::Unreadable, "normative_documents") == 1);
  // 1. is the label's numbering, not a number; 00000002 swallowed the next label's 2.
  const BoundTable& requests = table(a, "requests");
  CHECK_FALSE(requests.found);
  CHECK(count_notes(requests, BindIssue::Unreadable, "carried_in") == 1);
  CHECK(count_notes(requests, BindIssue::Unreadable, "withheld_secret") == 1);
  CHECK(count_notes(requests, BindIssue::Unreadable, "withheld_law") == 1);
}

TEST_CASE("binder: fewer numbers than columns go under the header cells that name them") {
  // A 2020 report (the 2019 pack: 上一年项目数量 · 本年增/减 · 处理决定数量) on the 2021 columns.
  const Analysis a = analyze_text(
      "青山县交通运输局2020年政府信息公开工作年度报告\n"
      "二、主动公开政府信息情况\n"
      "第二十条第（五）项\n"
      "信息内容 | 本年处理决定数量\n"
      "行政许可 | 35\n"
      "第二十条第（六）项\n"
      "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n"
      "行政处罚 | 7 |\n");
  REQUIRE(a.choice.pack);
  CHECK(a.choice.pack->id == "fmt2019");
  const BoundTable& licensing = table(a, "proactive_licensing");
  const BoundRow* row = licensing.row("licensing");
  REQUIRE(row);
  CHECK(row->cells[0].state == CellState::Missing);
  CHECK(row->cells[1].state == CellState::Missing);
  CHECK(row->cells[2].value.integer() == 35);
  CHECK(count_notes(licensing, BindIssue::ShortRow, "licensing") == 1);
  // A row split by a blank under header cells one per line: one number under one data header
  // cell ran into nothing, so it is placed, not unreadable.
  const Analysis pdf = analyze_text(
      "青山县交通运输局2020年政府信息公开工作年度报告\n"
      "二、主动公开政府信息情况\n"
      "第二十条第（五）项\n"
      "信息内容\n"
      "本年处理决定数量\n"
      "行政许可 35\n");
  const BoundRow* pdf_row = table(pdf, "proactive_licensing").row("licensing");
  REQUIRE(pdf_row);
  CHECK(pdf_row->cells[2].value.integer() == 35);
  // A row short of cells under the full header stays in template order.
  const BoundRow* punishment = table(a, "proactive_penalties").row("punishment");
  REQUIRE(punishment);
  CHECK(punishment->cells[0].value.integer() == 7);
  CHECK(punishment->cells[2].state == CellState::Missing);
}

TEST_CASE("binder: a note bracketed after a label may hold digits, digits before it may not") {
  const Analysis a = analyze_text(
      "禹溪镇人民政府2016年政府信息公开工作年度报告\n"
      "政府信息公开情况统计表\n"
      "统计指标 | 单位 | 统计数\n"
      "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条） | 条 | 40\n"
      "其中：主动公开规范性文件数 | 件 | 2\n"
      "制发规范性文件总数 | 件 | 5\n"
      "（政府网站公开政府信息按1条计） | 条 | 9\n"
      "2.政府网站公开政府信息数 | 条 | 40\n"
      "其中微博公开政府信息3条 | 条 | 3\n"
      "5.其他方式公开政府信息数 | 条 | 0\n");
  REQUIRE(a.choice.pack);
  CHECK(a.choice.pack->id == "reg2008");
  const BoundTable& t = table(a, "stats2014");
  const BoundRow* published = t.row("proactive_published");
  REQUIRE(published);
  CHECK(published->line == 4);
  CHECK(published->cells.at(0).value.integer() == 40);
  // A cell that is only a bracketed note is no label, though it holds the next row's words.
  const BoundRow* website = t.row("channel_website");
  REQUIRE(website);
  CHECK(website->line == 8);
  CHECK(website->cells.at(0).value.integer() == 40);
  // Digits before any bracket: prose, not the label of 微博公开政府信息数.
  CHECK_FALSE(t.row("channel_weibo"));
  const BoundRow* other = t.row("channel_other");
  REQUIRE(other);
  CHECK(other->cells.at(0).value.integer() == 0);
}

TEST_CASE("binder: section 四's row left all blank is the row, unfilled, a lone 无 is not") {
  const std::string head =
      "青山县交通运输局2023年政府信息公开工作年度报告\n"
      "四、政府信息公开行政复议、行政诉讼情况\n"
      "行政复议 | 行政诉讼\n"
      "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n";
  const Analysis blank = analyze_text(head + "/ | / | / | / | / | / | / | / | / | / | / | / | / | / | /\n");
  const BoundTable& review = table(blank, "review");
  CHECK(review.found);
  REQUIRE(review.rows.size() == 1);
  CHECK(review.rows[0].line == 5);
  REQUIRE(review.rows[0].cells.size() == 15);
  for (const BoundCell& c : review.rows[0].cells) CHECK(c.state == CellState::Blank);

  // Fewer blanks than columns (a 无 in the prose, a short line of dashes) are no row.
  const Analysis prose = analyze_text(head + "无\n/ | /\n");
  CHECK_FALSE(table(prose, "review").found);
}

TEST_CASE("cell stream: folded_lines gives the lines for_each_line numbers, from any first line") {
  // Examples, fixtures and the corpus (blank lines, run-on lines, headings with body text on
  // their line, CRLF, HTML): every range of lines against counting them all from the top.
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const fs::path& dir : {test::source_dir() / "examples", test::source_dir() / "tests/fixtures"})
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.path().extension() == ".txt" || e.path().extension() == ".html") files.push_back(e.path());
  if (test::have_shared_corpus()) {
    for (const auto& e : fs::recursive_directory_iterator(test::shared_dir() / "corpus"))
      if (e.path().extension() == ".txt" || e.path().extension() == ".html") files.push_back(e.path());
  } else {
    MESSAGE("../shared/corpus absent: checked on the examples and fixtures only");
  }
  REQUIRE(files.size() > 10);
  std::mt19937 random(3);
  int ranges = 0;
  for (const fs::path& f : files) {
    CAPTURE(f);
    auto ingested = ingest_file(f.string(), IngestOptions{});
    if (!std::holds_alternative<Document>(ingested)) continue;
    const Analysis a = analyze(std::get<Document>(ingested), nullptr);
    std::vector<FoldedLine> all;
    std::uint32_t number = 0;
    for_each_line(a.report.folded, [&](std::size_t b, std::size_t e) { all.push_back({b, e, ++number}); });
    const auto count = static_cast<std::uint32_t>(all.size());
    for (int round = 0; round < 30; ++round) {
      std::uint32_t first = random() % (count + 2), last = random() % (count + 3);
      if (round == 0) first = 1, last = count + 1;
      if (first > last) std::swap(first, last);
      const std::vector<FoldedLine> got = folded_lines(a.report, first, last);
      std::vector<FoldedLine> want;
      for (const FoldedLine& l : all)
        if (l.number >= first && l.number < last) want.push_back(l);
      REQUIRE(got.size() == want.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].begin == want[i].begin);
        CHECK(got[i].end == want[i].end);
        CHECK(got[i].number == want[i].number);
      }
      ++ranges;
    }
  }
  CHECK(ranges > 300);
}
