#include <doctest/doctest.h>

#include <string>

#include "support/u32_printing.h"

#include "parse/report_parser.h"

using namespace nblint;

namespace {
std::string_view text_of(std::string_view src, Span s) { return src.substr(s.begin, s.end - s.begin); }
}  // namespace

TEST_CASE("parser: the section tree nests by numbering rank") {
  const std::string src =
      "某镇2021年政府信息公开工作年度报告\n"
      "一、总体情况\n"
      "（一）组织领导\n"
      "正文一。\n"
      "1.具体措施\n"
      "正文二。\n"
      "（二）制度建设\n"
      "二、主动公开政府信息情况\n";
  const Report r = parse_report(src);
  REQUIRE(r.sections.size() == 5);
  CHECK(r.sections[0].parent == -1);
  CHECK(r.sections[1].parent == 0);
  CHECK(r.sections[2].parent == 1);
  CHECK(r.sections[3].parent == 0);
  CHECK(r.sections[4].parent == -1);
  CHECK(r.sections[0].children == std::vector<int>{1, 3});
  CHECK(r.sections[4].heading.ordinal == 2);
  CHECK(r.sections[4].heading.line == 8);
  CHECK(text_of(src, r.sections[1].heading.text) == "组织领导");
  CHECK(r.sections[1].body_chars == 4);  // 正文一。
  CHECK(r.sections[4].body_chars == 0);
  CHECK(r.sections[4].children.empty());
}

TEST_CASE("parser: a sentence heading is split into heading text and body") {
  const std::string src = "（二）抓好机构健全，落实工作责任。我镇切实加强领导。\n";
  const Report r = parse_report(src);
  REQUIRE(r.sections.size() == 1);
  CHECK(text_of(src, r.sections[0].heading.text) == "抓好机构健全，落实工作责任");
  CHECK(r.sections[0].body_chars == 9);
  REQUIRE(r.paragraphs.size() == 1);
  CHECK(r.paragraphs[0].section == 0);
}

TEST_CASE("parser: heading keys are folded, with blanks removed, for matching") {
  const Report r = parse_report("五、存在問題及改進 措施\n");
  REQUIRE(r.sections.size() == 1);
  CHECK(r.sections[0].heading.key == U"存在问题及改进措施");
}

TEST_CASE("parser: title, statistical period and publication date") {
  const std::string src =
      "当前位置：首页 > 政务公开 > 2019年年报\n"
      "发布日期：2020-01-15\n"
      "青山县交通运输局2019年政府信息公开工作年度报告\n"
      "本报告中所列数据的统计期限自2019年1月1日起至12月31日止。\n"
      "一、总体情况\n";
  const Report r = parse_report(src);
  REQUIRE(r.title);
  CHECK(r.title->line == 3);
  REQUIRE(r.title->year);
  CHECK(r.title->year->year == 2019);
  CHECK(text_of(src, r.title->year->span) == "2019年");
  REQUIRE(r.period);
  CHECK(r.period->from->year == 2019);
  CHECK(r.period->to->year == 2019);  // 至12月31日 inherits the year
  CHECK(r.period->to->month == 12);
  REQUIRE(r.published);
  CHECK(r.published->date.year == 2020);
  CHECK(r.published->date.day == 15);
}

TEST_CASE("parser: a statement in the opening names the year when no title does") {
  const Report r = parse_report("现将我办2022年度政府信息公开情况报告如下：\n一、总体情况\n2022年，我办……\n");
  CHECK_FALSE(r.title);
  REQUIRE(r.preamble_year);
  CHECK(r.preamble_year->year == 2022);
  CHECK(r.year_mentions.at(2022).count == 2);
}

TEST_CASE("parser: spans point into the original traditional text, not the folded one") {
  const std::string src = "一、總體情況\n";
  const Report r = parse_report(src);
  REQUIRE(r.sections.size() == 1);
  CHECK(text_of(src, r.sections[0].heading.text) == "總體情況");
  CHECK(r.sections[0].heading.key == U"总体情况");
}

TEST_CASE("parser: pipe and tab table rows are not headings, even with a numbering label") {
  const Report r = parse_report(
      "三、收到和处理政府信息公开申请情况\n"
      "一、本年新收政府信息公开申请数量 | 19 | 4 | 0 | 0 | 1 | 0 | 24\n"
      "（一）予以公开\t9\t2\t0\t0\t1\t0\t12\n"
      "| 规章 | 0 | 0 | 5 |\n"
      "四、政府信息公开行政复议、行政诉讼情况\n");
  REQUIRE(r.sections.size() == 2);
  CHECK(r.sections[0].heading.ordinal == 3);
  CHECK(r.sections[0].body_chars > 0);
  CHECK(r.sections[1].heading.ordinal == 4);
}

TEST_CASE("parser: a publication line that names a statistics bureau is not a period statement") {
  const Report r = parse_report("发布时间：2013-03-20　　信息来源：县统计局\n本报告统计数据的时间范围自2012年1月1日至2012年12月31日。\n");
  REQUIRE(r.period);
  CHECK(r.period->from->year == 2012);
  REQUIRE(r.published);
  CHECK(r.published->date.year == 2013);
}

TEST_CASE("parser: the title names the organ and its level") {
  const std::string src = "青山县交通运输局2025年政府信息公開工作年度報告\n一、总体情况\n";
  const Report r = parse_report(src);
  REQUIRE(r.title);
  REQUIRE(r.title->organ);
  CHECK(text_of(src, r.title->organ->span) == "青山县交通运输局");
  CHECK(r.title->organ->level == OrganLevel::Department);
}

TEST_CASE("parser: labelled metadata, spaced labels, several per line, table cells, malformed dates") {
  const std::string src =
      "  • 索引号：006382986K/2018-1309079\n"
      "索 引 号: | pjsrmzf-2019-000223 | 主题分类: | 年度报告 |\n"
      "发布机构: 广东省人民政府 成文日期: 2025-03-31\n"
      "填报单位（盖章）：禹山镇    填报日期：2018213\n"
      "审查、发布时间节点要求定期抽查。\n";
  const Report r = parse_report(src);
  REQUIRE(r.metadata.size() == 7);
  CHECK(r.metadata[0].label == U"索引号");
  CHECK(text_of(src, r.metadata[0].value_span) == "006382986K/2018-1309079");
  CHECK(r.metadata[1].label == U"索引号");
  CHECK(text_of(src, r.metadata[1].value_span) == "pjsrmzf-2019-000223");
  CHECK(text_of(src, r.metadata[2].value_span) == "年度报告");
  CHECK(text_of(src, r.metadata[3].value_span) == "广东省人民政府");
  REQUIRE(r.metadata[4].date);
  CHECK(r.metadata[4].date->year == 2025);
  CHECK(r.metadata[5].label == U"填报单位");
  CHECK(text_of(src, r.metadata[5].value_span) == "禹山镇");
  REQUIRE(r.metadata[6].date);
  CHECK(r.metadata[6].date->malformed);
}

TEST_CASE("parser: a paragraph holding a cell separator ('|' or a tab) is marked as table cells, prose is not") {
  const Report r = parse_report(
      "一、总体情况\n本年度主动公开信息 120 条。\n| 项目 | 数量 |\n新收申请\t35\n全年办理申请，均已按时答复。\n");
  REQUIRE(r.paragraphs.size() == 4);
  const auto text = [&](const Paragraph& p) { return std::u32string(r.paragraph_text(p)); };
  for (const Paragraph& p : r.paragraphs) {
    const std::u32string t = text(p);
    CAPTURE(t);
    CHECK(p.cells == (t.find(U'|') != std::u32string::npos || t.find(U'\t') != std::u32string::npos));
  }
  CHECK_FALSE(r.paragraphs[0].cells);
  CHECK(r.paragraphs[1].cells);
  CHECK(r.paragraphs[2].cells);
  CHECK_FALSE(r.paragraphs[3].cells);
}
