#include <doctest/doctest.h>

#include <string>

#include "support/pack_errors.h"
#include "support/u32_printing.h"

#include "rules/message_format.h"
#include "rules/pack_loader.h"
#include "rules/pack_registry.h"
#include "rules/pack_selector.h"
#include "parse/report_parser.h"

using namespace nblint;
using nblint::test::check_error;
using nblint::test::replace;

TEST_CASE("packs: the three built-in packs load and cover the years without gaps") {
  const PackRegistry& packs = PackRegistry::builtin();
  REQUIRE(packs.packs().size() == 3);
  CHECK(packs.for_year(2008)->id == "reg2008");
  CHECK(packs.for_year(2018)->id == "reg2008");
  CHECK(packs.for_year(2019)->id == "fmt2019");
  CHECK(packs.for_year(2020)->id == "fmt2019");
  CHECK(packs.for_year(2021)->id == "fmt2021");
  CHECK(packs.for_year(2030)->id == "fmt2021");
  CHECK(packs.for_year(2007) == nullptr);
  for (const Pack& p : packs.packs()) {
    CHECK(p.sections.size() == 6);
    CHECK(p.enables("structure/missing-section"));
    CHECK(p.enables("meta/pack"));
  }
  CHECK(packs.find("fmt2021")->ordered);
  CHECK_FALSE(packs.find("reg2008")->ordered);
}

namespace {
const char* kMinimalPack =
    "pack: custom\n"
    "name: {zh: 自定义, en: custom}\n"
    "basis: {zh: 依据}\n"
    "years: {from: 2021}\n"
    "sections:\n"
    "  order: template\n"
    "  match: headings\n"
    "  items:\n"
    "    - {key: a, number: 一, title: 总体情况, headings: ['总体情况']}\n"
    "rules:\n"
    "  structure/missing-section: error\n";

}  // namespace

TEST_CASE("pack loader: a minimal user pack loads") {
  const Pack p = load_pack(kMinimalPack, "custom.yaml", Catalogue::builtin());
  CHECK(p.id == "custom");
  CHECK(p.applies_to(2025));
  CHECK(p.sections.at(0).headings.at(0).found_in(U"总体情况"));
  CHECK(p.rules.at("structure/missing-section") == Severity::Error);
}

TEST_CASE("pack loader: mistakes are reported with file, line and column") {
  check_error(replace(kMinimalPack, "years:", "yeers:"), 4, "unknown key 'yeers'");
  check_error(replace(kMinimalPack, "['总体情况']", "['总体(情况']"), 9, "not a valid ICU regular expression");
  check_error(replace(kMinimalPack, "structure/missing-section: error", "structure/no-such: error"), 11, "unknown rule");
  check_error(replace(kMinimalPack, "structure/missing-section: error", "structure/missing-section: loud"), 11,
              "severity must be");
  check_error(replace(kMinimalPack, "years: {from: 2021}", "years: {from: 2021, from: 2022}"), 4, "given twice");
  check_error(replace(kMinimalPack, "years: {from: 2021}", "years: {from: next}"), 4, "whole number");
  check_error(std::string(kMinimalPack) + "  bad: [\n", 13, "");  // yaml-cpp stops at the end
}

TEST_CASE("pack selector: title before preamble before period before publication date") {
  const PackRegistry& packs = PackRegistry::builtin();
  {
    const Report r = parse_report("某局2020年政府信息公开工作年度报告\n统计期限自2021年1月1日至2021年12月31日\n");
    const PackChoice c = choose_pack(r, packs, nullptr);
    CHECK(*c.year == 2020);
    CHECK(c.source == YearSource::Title);
    CHECK(c.pack->id == "fmt2019");
  }
  {
    const Report r = parse_report("发布日期：2018-03-15\n本年度统计期限自2017年1月1日至2017年12月31日\n");
    const PackChoice c = choose_pack(r, packs, nullptr);
    CHECK(*c.year == 2017);
    CHECK(c.source == YearSource::Period);
  }
  {
    const Report r = parse_report("发布日期：2022-01-20\n一、总体情况\n");
    const PackChoice c = choose_pack(r, packs, nullptr);
    CHECK(*c.year == 2021);
    CHECK(c.source == YearSource::Publication);
    CHECK(c.pack->id == "fmt2021");
  }
  {
    const Report r = parse_report("一、总体情况\n无年份。\n");
    const PackChoice c = choose_pack(r, packs, nullptr);
    CHECK_FALSE(c.year);
    CHECK(c.pack == nullptr);
    CHECK(choose_pack(r, packs, packs.find("reg2008")).pack->id == "reg2008");
  }
}

TEST_CASE("message templates fill named placeholders and leave unknown ones visible") {
  CHECK(format_message("缺少“{title}”{where}", {{"title", "六、其他"}, {"where", ""}}) == "缺少“六、其他”");
  CHECK(format_message("{unknown} {x}", {{"x", "1"}}) == "{unknown} 1");
  CHECK(format_message("{", {}) == "{");
}
