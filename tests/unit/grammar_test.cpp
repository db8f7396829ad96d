#include <doctest/doctest.h>

#include <string>

#include "support/u32_printing.h"

#include "grammar/date.h"
#include "grammar/heading.h"
#include "parse/chinese_numeral.h"

using namespace nblint;
using grammar::parse_heading_marker;

namespace {
NumberingStyle style_of(std::u32string_view line) {
  const auto m = parse_heading_marker(line);
  REQUIRE(m.has_value());
  return m->style;
}
std::u32string numeral_of(std::u32string_view line) {
  const auto m = parse_heading_marker(line);
  REQUIRE(m.has_value());
  return std::u32string(line.substr(m->numeral_begin, m->numeral_end - m->numeral_begin));
}
}  // namespace

TEST_CASE("heading grammar: every numbering style (folded input)") {
  CHECK(style_of(U"一、总体情况") == NumberingStyle::ChineseComma);
  CHECK(style_of(U"十二、需要说明的事项") == NumberingStyle::ChineseComma);
  CHECK(numeral_of(U"十二、需要说明的事项") == U"十二");
  CHECK(style_of(U"一.概述") == NumberingStyle::ChineseDot);
  CHECK(style_of(U"(一)组织领导") == NumberingStyle::ParenChinese);
  CHECK(style_of(U"(一)、指导思想") == NumberingStyle::ParenChinese);
  CHECK(style_of(U"1.层层签订承诺书") == NumberingStyle::ArabicDot);
  CHECK(style_of(U"1、统一认识") == NumberingStyle::ArabicComma);
  CHECK(style_of(U"(1)说明") == NumberingStyle::ParenArabic);
  CHECK(style_of(U"①各类服务电话") == NumberingStyle::Circled);
  CHECK(style_of(U"第一部分 概述") == NumberingStyle::Part);
  CHECK(style_of(U"  三、 存在问题") == NumberingStyle::ChineseComma);
}

TEST_CASE("heading grammar: text starts after the marker and its blanks") {
  const std::u32string line = U"(二)、 抓好机构健全";
  const auto m = parse_heading_marker(line);
  REQUIRE(m);
  CHECK(line.substr(m->text_begin) == U"抓好机构健全");
}

TEST_CASE("heading grammar: Markdown headings, with and without numbering") {
  const auto numbered = parse_heading_marker(U"## 一、总体情况");
  REQUIRE(numbered);
  CHECK(numbered->style == NumberingStyle::ChineseComma);
  CHECK(numbered->markdown_level == 2);
  const auto plain = parse_heading_marker(U"# 年度报告");
  REQUIRE(plain);
  CHECK(plain->style == NumberingStyle::MarkdownOnly);
  CHECK(plain->markdown_level == 1);
}

TEST_CASE("heading grammar: numbers, dates, enumerations and tags are not headings") {
  CHECK_FALSE(parse_heading_marker(U"1.5万元用于"));
  CHECK_FALSE(parse_heading_marker(U"2020.1.1起施行"));
  CHECK_FALSE(parse_heading_marker(U"2019年，我镇"));
  CHECK_FALSE(parse_heading_marker(U"一是扩大公开范围"));
  CHECK_FALSE(parse_heading_marker(U"#tag"));
  CHECK_FALSE(parse_heading_marker(U"123.abc"));
  CHECK_FALSE(parse_heading_marker(U""));
}

TEST_CASE("date grammar: the forms reports use") {
  const auto dates = grammar::find_dates(U"统计期限自2020年1月1日起至2020年12月31日止");
  REQUIRE(dates.size() == 2);
  CHECK(dates[0].year == 2020);
  CHECK(dates[0].month == 1);
  CHECK(dates[0].day == 1);
  CHECK(dates[1].month == 12);
  CHECK(dates[1].day == 31);

  const auto dashed = grammar::find_dates(U"发布日期:2018-01-29 00:00:00");
  REQUIRE(dashed.size() == 1);
  CHECK(dashed[0].form == grammar::DateMatch::Form::Dashed);
  CHECK(dashed[0].day == 29);

  const auto mixed = grammar::find_dates(U"2020.1.1和2020/01/02，2018年度，至12月28日");
  REQUIRE(mixed.size() == 4);
  CHECK(mixed[0].form == grammar::DateMatch::Form::Dotted);
  CHECK(mixed[1].form == grammar::DateMatch::Form::Slashed);
  CHECK(mixed[2].year == 2018);
  CHECK(mixed[2].month == 0);
  CHECK(mixed[3].form == grammar::DateMatch::Form::MonthDay);
  CHECK(mixed[3].year == 0);
}

TEST_CASE("date grammar: no date starts inside a run of digits") {
  CHECK(grammar::find_dates(U"12020年").empty());
  CHECK(grammar::find_dates(U"电话6366000").empty());
}

TEST_CASE("chinese numerals") {
  CHECK(chinese_numeral_value(U"一") == 1);
  CHECK(chinese_numeral_value(U"十") == 10);
  CHECK(chinese_numeral_value(U"十二") == 12);
  CHECK(chinese_numeral_value(U"二十") == 20);
  CHECK(chinese_numeral_value(U"九十九") == 99);
  CHECK(chinese_numeral_value(U"二〇二〇") == 2020);
  CHECK_FALSE(chinese_numeral_value(U"十十"));
  CHECK_FALSE(chinese_numeral_value(U""));
  CHECK(numbering_value(U"③") == 3);
  CHECK(numbering_value(U"12") == 12);
}
