#include <doctest/doctest.h>

#include "bind/analysis.h"
#include "ingest/ingest.h"

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
  bool short_row = false;
  for (const BindNote& n : t.notes) short_row = short_row || (n.issue == BindIssue::ShortRow && n.row == "normative_documents");
  CHECK(short_row);
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
  int unreadable = 0;
  for (const BindNote& n : t.notes) unreadable += n.issue == BindIssue::Unreadable ? 1 : 0;
  CHECK(unreadable == 2);
  // The rows are labels, not sections: section 三 holds the whole table.
  int top_level = 0;
  for (const Section& s : a.report.sections) top_level += s.parent < 0 ? 1 : 0;
  CHECK(top_level == 1);
}

TEST_CASE("binder: a note bracketed after a label may hold digits; digits before it may not") {
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
