// The calendar and period logic of the date rules, the wording comparison of the heading
// rules, Pattern::find_all, and strict loading of the packs' date, heading and placeholder
// blocks.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/pack_errors.h"
#include "support/replace_once.h"
#include "support/u32_printing.h"

#include "parse/report_parser.h"
#include "rules/check_dates.h"
#include "rules/check_headings.h"
#include "rules/pack_loader.h"
#include "rules/pack_registry.h"
#include "text/normalizer.h"

using namespace nblint;
using nblint::test::check_error;
using nblint::test::replace_once;

namespace {
DateValue date(int year, int month, int day, bool malformed = false) {
  DateValue d;
  d.year = year, d.month = month, d.day = day, d.malformed = malformed;
  return d;
}
}  // namespace

TEST_CASE("date rules: days in a month, leap years, possible dates") {
  CHECK(days_in_month(2023, 2) == 28);
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(2023, 4) == 30);
  CHECK(days_in_month(2023, 12) == 31);
  CHECK(days_in_month(2023, 13) == 0);
  CHECK(is_possible_date(date(2024, 2, 29)));
  CHECK_FALSE(is_possible_date(date(2023, 2, 29)));
  CHECK_FALSE(is_possible_date(date(2018, 2, 30)));
  CHECK_FALSE(is_possible_date(date(2016, 13, 31)));
  CHECK(is_possible_date(date(2020, 0, 0)));       // 2020年
  CHECK(is_possible_date(date(2020, 12, 0)));      // 2020年12月
  CHECK_FALSE(is_possible_date(date(2020, 0, 5)));  // a day without a month
  CHECK_FALSE(is_possible_date(date(2018, 0, 0, true)));
}

TEST_CASE("date rules: days late across months and leap days") {
  CHECK(days_between(2012, 3, 31, 2012, 4, 18) == 18);
  CHECK(days_between(2024, 1, 31, 2024, 2, 20) == 20);
  CHECK(days_between(2024, 1, 31, 2024, 3, 1) == 30);  // 2024 has 29 February
  CHECK(days_between(2023, 1, 31, 2023, 3, 1) == 29);
  CHECK(days_between(2025, 3, 31, 2025, 3, 31) == 0);
  CHECK(days_between(2021, 1, 31, 2021, 1, 29) == -2);
}

namespace {
PeriodFact period(DateValue from, std::optional<DateValue> to) {
  PeriodFact p;
  p.from = from, p.to = to;
  return p;
}
}  // namespace

TEST_CASE("date rules: a stated period as calendar bounds") {
  SUBCASE("a whole year, written out") {
    const auto b = period_bounds(period(date(2023, 1, 1), date(2023, 12, 31)));
    REQUIRE(b);
    CHECK(b->whole_year());
  }
  SUBCASE("a year-only statement is that whole year") {
    const auto b = period_bounds(period(date(2019, 0, 0), std::nullopt));
    REQUIRE(b);
    CHECK(b->whole_year());
    CHECK(b->from_year == 2019);
  }
  SUBCASE("an end month without a day runs to the month's last day") {
    const auto b = period_bounds(period(date(2020, 1, 0), date(2020, 12, 0)));
    REQUIRE(b);
    CHECK(b->whole_year());
    const auto feb = period_bounds(period(date(2024, 1, 1), date(2024, 2, 0)));
    REQUIRE(feb);
    CHECK(feb->to_day == 29);
    CHECK_FALSE(feb->whole_year());
  }
  SUBCASE("a partial or two-year period is no whole year") {
    CHECK_FALSE(period_bounds(period(date(2023, 1, 1), date(2023, 12, 28)))->whole_year());
    CHECK_FALSE(period_bounds(period(date(2022, 1, 1), date(2023, 12, 31)))->whole_year());
  }
  SUBCASE("impossible, malformed or open-ended periods cannot be judged") {
    CHECK_FALSE(period_bounds(period(date(2016, 1, 1), date(2016, 13, 31))));
    CHECK_FALSE(period_bounds(period(date(2020, 1, 1), date(2020, 0, 0, true))));
    CHECK_FALSE(period_bounds(period(date(2019, 1, 1), std::nullopt)));
  }
}

TEST_CASE("heading rules: wording is compared without the pack's ignored differences") {
  const Pack& fmt2021 = *PackRegistry::builtin().find("fmt2021");
  const auto& ignore = fmt2021.wording_ignore;
  CHECK(without(U"主动公开政府信息的情况", ignore) == without(U"主动公开政府信息情况", ignore));
  CHECK(without(U"政府信息公开行政复议行政诉讼情况", ignore) == without(U"政府信息公开行政复议、行政诉讼情况", ignore));
  CHECK(without(U"主动公开政务信息情况", ignore) != without(U"主动公开政府信息情况", ignore));
  CHECK(without(U"工作概述", ignore) != without(U"总体情况", ignore));
}

TEST_CASE("heading rules: without() with one scanner removes what each pattern alone removes, in order") {
  // The plain version it replaced: a fresh Pattern::find_all for each pattern on what the
  // patterns before it left.
  const auto plain_without = [](std::u32string_view text, const std::vector<Pattern>& ignore) {
    std::u32string out(text);
    for (const Pattern& p : ignore) {
      const auto found = p.find_all(out);
      for (auto it = found.rbegin(); it != found.rend(); ++it) out.erase(it->first, it->second - it->first);
    }
    return out;
  };
  std::vector<Pattern> made;  // the second pattern only matches once the first has removed 的
  made.emplace_back("的");
  made.emplace_back("信息情况");
  made.emplace_back("[、，]");
  const std::vector<Pattern>& made_ignore = made;
  for (const Pack& pack : PackRegistry::builtin().packs()) {
    for (const std::vector<Pattern>* ignore : {&pack.wording_ignore, &made_ignore}) {
      for (const SectionSpec& spec : pack.sections) {
        for (const std::u32string& text : {normalize(spec.title).text, std::u32string(U"主动公开政府信息的情况、其他"),
                                           std::u32string(U"信息的情况"), std::u32string()}) {
          CAPTURE(text);
          CHECK(without(text, *ignore) == plain_without(text, *ignore));
        }
      }
    }
  }
  CHECK(without(U"信息的情况", made).empty());
}

TEST_CASE("pattern: find_all gives code-point offsets, also after characters outside the BMP") {
  const Pattern xx("(?<![A-Za-z])XX+(?![A-Za-z])");
  const auto hits = xx.find_all(U"𠀀𠀁XX镇，XXL码，XXX");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0] == std::pair<std::size_t, std::size_t>{2, 4});
  CHECK(hits[1] == std::pair<std::size_t, std::size_t>{11, 14});
  CHECK(Pattern("某某").find_all(U"无").empty());
}

TEST_CASE("packs: the built-in packs carry deadlines for every organ level, and placeholders") {
  const PackRegistry& packs = PackRegistry::builtin();
  const Pack& reg2008 = *packs.find("reg2008");
  for (OrganLevel level : {OrganLevel::Government, OrganLevel::Department, OrganLevel::Township}) {
    REQUIRE(reg2008.dates.deadline_for(level));
    CHECK(reg2008.dates.deadline_for(level)->month == 3);
  }
  for (const char* id : {"fmt2019", "fmt2021"}) {
    const Pack& p = *packs.find(id);
    CHECK(p.dates.deadline_for(OrganLevel::Department)->month == 1);
    CHECK(p.dates.deadline_for(OrganLevel::Department)->day == 31);
    CHECK(p.dates.deadline_for(OrganLevel::Township)->month == 1);
    CHECK(p.dates.deadline_for(OrganLevel::Government)->month == 3);
    CHECK(p.dates.deadline_for(OrganLevel::Unknown) == nullptr);
    CHECK(p.dates.latest()->month == 3);  // the lenient one, for an unknown level
    CHECK(p.dates.deadline_for(OrganLevel::Government)->basis.zh.find("第四十九条第二款") != std::string::npos);
    REQUIRE(p.thin_sections.size() == 1);
    CHECK(p.thin_sections[0].section == "problems");
  }
  for (const Pack& p : packs.packs()) {
    CHECK_FALSE(p.placeholders.empty());
    CHECK_FALSE(p.numbering_ends_at.empty());
    CHECK(std::find(p.dates.fields.begin(), p.dates.fields.end(), U"填报日期") != p.dates.fields.end());
  }
}

namespace {
const std::string kPack =
    "pack: custom\n"
    "name: {zh: 自定义}\n"
    "basis: {zh: 依据}\n"
    "years: {from: 2021}\n"
    "sections:\n"
    "  order: template\n"
    "  match: headings\n"
    "  items:\n"
    "    - {key: problems, number: 五, title: 存在的主要问题及改进情况, headings: ['问题']}\n"
    "dates:\n"
    "  deadlines:\n"
    "    - {levels: [department, township], by: {month: 1, day: 15}, basis: {zh: 本省规定}}\n"
    "    - {levels: [government], by: {month: 3, day: 31}, basis: {zh: 第四十九条第二款}}\n"
    "  fields: [发布日期]\n"
    "thin_sections:\n"
    "  - {section: problems, max_sentences: 1, min_chars: 40}\n"
    "placeholders:\n"
    "  - {pattern: 'XX', what: {zh: 占位符}}\n"
    "rules:\n"
    "  date/publish-deadline: warning\n";

}  // namespace

TEST_CASE("pack loader: a user pack's stricter deadline loads") {
  const Pack p = load_pack(kPack, "custom.yaml", Catalogue::builtin());
  CHECK(p.dates.deadline_for(OrganLevel::Department)->day == 15);
  CHECK(p.dates.deadline_for(OrganLevel::Department)->basis.zh == "本省规定");
  CHECK(p.thin_sections.at(0).min_chars == 40);
  CHECK(p.placeholders.at(0).what.zh == "占位符");
}

TEST_CASE("pack loader: mistakes in the date, thin-section and placeholder blocks name the line") {
  check_error(replace_once(kPack, "levels: [government]", "levels: [ministry]"), 13, "organ level must be");
  check_error(replace_once(kPack, "    - {levels: [government], by: {month: 3, day: 31}, basis: {zh: 第四十九条第二款}}\n", ""),
              12, "no deadline for organ level 'government'");
  check_error(replace_once(kPack, "levels: [government]", "levels: [government, township]"), 13, "two deadlines");
  check_error(replace_once(kPack, "month: 3, day: 31", "month: 13, day: 31"), 13, "month must be between 1 and 12");
  check_error(replace_once(kPack, "day: 15}", "day: 15, hour: 9}"), 12, "unknown key 'hour'");
  check_error(replace_once(kPack, "month: 1, day: 15", "month: 2, day: 29"), 12, "month 2 has no day 29 every year");
  check_error(replace_once(kPack, "section: problems", "section: summary"), 16, "no section 'summary'");
  check_error(replace_once(kPack, "min_chars: 40", "min_chars: 0"), 16, "at least 1");
  check_error(replace_once(kPack, "max_sentences: 1, ", ""), 16, "missing required key 'max_sentences'");
  check_error(replace_once(kPack, "pattern: 'XX'", "pattern: 'X('"), 18, "not a valid ICU regular expression");
  check_error(replace_once(kPack, "dates:\n", "datez:\n"), 10, "unknown key 'datez'");
}

TEST_CASE("report facts: every date with a year and a month in the text, impossible ones included") {
  const Report r = parse_report(
      "白沙镇人民政府2016年政府信息公开工作年度报告\n"
      "一、概述\n2016年，全镇于2016年2月30日召开专题会议，2016年3月起开展检查，电话0730-4780053。\n");
  REQUIRE(r.dates.size() == 2);
  CHECK(r.dates[0].year == 2016);
  CHECK(r.dates[0].month == 2);
  CHECK(r.dates[0].day == 30);
  CHECK_FALSE(is_possible_date(r.dates[0]));
  CHECK(r.dates[1].month == 3);
  CHECK(r.dates[1].day == 0);
  CHECK(is_possible_date(r.dates[1]));
}
