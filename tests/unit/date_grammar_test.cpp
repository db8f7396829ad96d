#include <doctest/doctest.h>

#include <string>

#include "support/u32_printing.h"

#include "grammar/date.h"
#include "text/fold.h"

using namespace nblint;
using grammar::DateMatch;
using grammar::MalformedDates;

namespace {
char32_t folded(char32_t c) {
  char32_t scratch = 0;
  const auto f = fold::of(c, scratch);
  return f.size() == 1 ? f[0] : U'\0';
}
}  // namespace

TEST_CASE("date grammar: the fold keeps 〇 and ○, so the grammar takes both") {
  CHECK(folded(U'〇') == U'〇');
  CHECK(folded(U'○') == U'○');
  CHECK(folded(U'零') == U'零');
}

TEST_CASE("date grammar: Chinese-numeral dates") {
  const auto d = grammar::find_dates(U"本报告于二〇二〇年一月一日发布，二○一二年二月二十日修订");
  REQUIRE(d.size() == 2);
  CHECK(d[0].form == DateMatch::Form::ChineseNumeral);
  CHECK(d[0].year == 2020);
  CHECK(d[0].month == 1);
  CHECK(d[0].day == 1);
  CHECK(d[0].begin == 4);
  CHECK(d[0].end == 4 + 9);
  CHECK(d[1].form == DateMatch::Form::ChineseNumeral);
  CHECK(d[1].year == 2012);
  CHECK(d[1].month == 2);
  CHECK(d[1].day == 20);

  const auto z = grammar::parse_date_at(U"二零二零年十二月三十一日止", 0);
  REQUIRE(z.has_value());
  CHECK(z->year == 2020);
  CHECK(z->month == 12);
  CHECK(z->day == 31);
  CHECK(z->end == 12);

  const auto teens = grammar::find_dates(U"二〇一九年十月十一号；二〇一九年十一月十日；二〇二一年度");
  REQUIRE(teens.size() == 3);
  CHECK(teens[0].month == 10);
  CHECK(teens[0].day == 11);
  CHECK(teens[1].month == 11);
  CHECK(teens[1].day == 10);
  CHECK(teens[2].year == 2021);
  CHECK(teens[2].month == 0);
  CHECK(teens[2].day == 0);
}

TEST_CASE("date grammar: Chinese-numeral years are exactly four numerals") {
  CHECK(grammar::find_dates(U"二〇年一月").empty());
  CHECK(grammar::find_dates(U"一二〇二〇年").empty());  // not from the middle of a run
  CHECK(grammar::find_dates(U"第三十一条").empty());
  // impossible values are for the rules, not the grammar
  const auto m = grammar::find_dates(U"二〇二〇年十三月四十日");
  REQUIRE(m.size() == 1);
  CHECK(m[0].month == 13);
  CHECK(m[0].day == 40);
}

TEST_CASE("date grammar: malformed digit runs are kept as malformed when asked") {
  const std::u32string_view text = U"公开日期：2018213，成文日期：20190305。";
  CHECK(grammar::find_dates(text).empty());
  const auto m = grammar::find_dates(text, MalformedDates::Keep);
  REQUIRE(m.size() == 2);
  CHECK(m[0].form == DateMatch::Form::Malformed);
  CHECK(m[0].malformed());
  CHECK(m[0].year == 2018);
  CHECK(m[0].month == 0);
  CHECK(m[0].day == 0);
  CHECK(m[0].begin == 5);
  CHECK(m[0].end == 12);
  CHECK(m[1].year == 2019);
  CHECK(m[1].end - m[1].begin == 8);
}

TEST_CASE("date grammar: malformed years before 年") {
  const auto m = grammar::find_dates(U"现将202020年度报告如下", MalformedDates::Keep);
  REQUIRE(m.size() == 1);
  CHECK(m[0].form == DateMatch::Form::Malformed);
  CHECK(m[0].year == 2020);
  CHECK(m[0].begin == 2);
  CHECK(m[0].end == 9);  // the digit run and its 年
}

TEST_CASE("date grammar: what is not malformed") {
  // longer or shorter runs, other leading digits, parts of numbers
  CHECK(grammar::find_dates(U"索引号123456789，20181234567", MalformedDates::Keep).empty());
  CHECK(grammar::find_dates(U"电话6366000，编号201821", MalformedDates::Keep).empty());
  CHECK(grammar::find_dates(U"金额2018213.50元，1,2018213", MalformedDates::Keep).empty());
  CHECK(grammar::find_dates(U"12020年", MalformedDates::Keep).empty());
  // a well-formed date stays well-formed; an impossible month is still a Cjk date
  const auto m = grammar::find_dates(U"2019年13月，2018-02-13", MalformedDates::Keep);
  REQUIRE(m.size() == 2);
  CHECK(m[0].form == DateMatch::Form::Cjk);
  CHECK(m[0].month == 13);
  CHECK(m[1].form == DateMatch::Form::Dashed);
}

TEST_CASE("date grammar: ranges with 自…起至…止, 至 and 到") {
  const std::u32string_view text = U"统计期限自2021年1月1日起至2021年12月31日止。";
  const auto r = grammar::find_date_ranges(text);
  REQUIRE(r.size() == 1);
  CHECK(r[0].begin == 4);
  CHECK(r[0].end == text.size() - 1);
  CHECK(r[0].from.year == 2021);
  CHECK(r[0].from.month == 1);
  CHECK(r[0].to.month == 12);
  CHECK(r[0].to.day == 31);

  const auto plain = grammar::find_date_ranges(U"自2019年1月1日至2019年12月31日；2020年3月1日到2020年6月30日");
  REQUIRE(plain.size() == 2);
  CHECK(plain[0].begin == 0);
  CHECK(plain[0].to.year == 2019);
  CHECK(plain[1].from.month == 3);
  CHECK(plain[1].to.day == 30);

  const auto cn = grammar::find_date_ranges(U"自二〇二〇年一月一日起至二〇二〇年十二月三十一日止");
  REQUIRE(cn.size() == 1);
  CHECK(cn[0].from.form == DateMatch::Form::ChineseNumeral);
  CHECK(cn[0].to.year == 2020);
  CHECK(cn[0].to.day == 31);
}

TEST_CASE("date grammar: range ends without a year or a day") {
  const auto yearless = grammar::find_date_ranges(U"数据期间为2022年1月1日至12月28日");
  REQUIRE(yearless.size() == 1);
  CHECK(yearless[0].to.year == 0);
  CHECK(yearless[0].to.month == 12);
  CHECK(yearless[0].to.day == 28);

  const auto dayless = grammar::find_date_ranges(U"2020年1月至12月，2018年1月到2018年6月");
  REQUIRE(dayless.size() == 2);
  CHECK(dayless[0].to.year == 0);
  CHECK(dayless[0].to.month == 12);
  CHECK(dayless[0].to.day == 0);
  CHECK(dayless[1].to.year == 2018);
  CHECK(dayless[1].to.month == 6);
  CHECK(dayless[1].to.day == 0);

  const auto cn = grammar::find_date_ranges(U"二〇二〇年一月一日至十二月三十一日");
  REQUIRE(cn.size() == 1);
  CHECK(cn[0].to.year == 0);
  CHECK(cn[0].to.month == 12);
  CHECK(cn[0].to.day == 31);
}

TEST_CASE("date grammar: dash ranges need two full dates") {
  const auto r = grammar::find_date_ranges(U"2021年1月1日—2021年12月31日，2021-01-01-2021-12-31，2021.1.1 ~ 2021.6.30");
  REQUIRE(r.size() == 3);
  CHECK(r[0].to.month == 12);
  CHECK(r[1].from.form == DateMatch::Form::Dashed);
  CHECK(r[1].to.day == 31);
  CHECK(r[2].to.month == 6);
  CHECK(r[2].end - r[2].begin == 20);

  CHECK(grammar::find_date_ranges(U"2021年1月—12月").empty());
  CHECK(grammar::find_date_ranges(U"2021年1月1日—12月31日").empty());
  CHECK(grammar::find_date_ranges(U"2020年，至12月28日").empty());
  CHECK(grammar::find_date_ranges(U"截至2020年12月31日").empty());
}

TEST_CASE("date grammar: malformed dates that lost 年 and 月, and a doubled year with its month and day") {
  const auto lost = grammar::find_dates(U"自201911日起至20191231日止", MalformedDates::Keep);
  REQUIRE(lost.size() == 2);
  CHECK(lost[0].form == DateMatch::Form::Malformed);
  CHECK(lost[0].year == 2019);
  CHECK(lost[0].month == 0);
  CHECK(lost[0].begin == 1);
  CHECK(lost[0].end == 1 + 7);  // the digits and 日
  CHECK(lost[1].form == DateMatch::Form::Malformed);
  CHECK(lost[1].end - lost[1].begin == 9);
  CHECK(grammar::find_dates(U"自201911日起至20191231日止").empty());  // only when asked

  const auto month = grammar::find_dates(U"截至201912月", MalformedDates::Keep);
  REQUIRE(month.size() == 1);
  CHECK(month[0].malformed());

  const auto doubled = grammar::find_dates(U"起至202020年12月31日止", MalformedDates::Keep);
  REQUIRE(doubled.size() == 1);
  CHECK(doubled[0].malformed());
  CHECK(doubled[0].year == 2020);
  CHECK(doubled[0].month == 0);  // not read: the date is malformed
  CHECK(doubled[0].end == 2 + 13);  // 202020年12月31日 in full

  // Not malformed: other leading digits, runs too long, numbers with a unit.
  CHECK(grammar::find_dates(U"共30191日，2019123456日，12019日", MalformedDates::Keep).empty());
}
