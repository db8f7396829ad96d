#include <doctest/doctest.h>

#include <string>

#include "support/pack_errors.h"
#include "support/replace_once.h"
#include "support/run.h"
#include "support/u32_printing.h"

#include "bind/label_key.h"
#include "rules/message_format.h"
#include "rules/pack_loader.h"
#include "rules/pack_registry.h"
#include "rules/pack_selector.h"
#include "rules/pack_snapshot.h"
#include "parse/report_parser.h"
#include "text/normalizer.h"
#include "util/resources.h"

using namespace nblint;
using nblint::test::check_error;
using nblint::test::replace_once;

TEST_CASE("packs: the built-in registry, loading each pack on first use, chooses as loading them all does") {
  // builtin() reads each pack's id and era from its `pack:` and `years:` lines and parses the
  // rest when the pack is first asked for; with_user_packs({}) loads every pack in full.
  const PackRegistry eager = PackRegistry::with_user_packs({});
  const PackRegistry& lazy = PackRegistry::builtin();
  for (int year = 2000; year <= 2035; ++year) {
    CAPTURE(year);
    const Pack* a = eager.for_year(year);
    const Pack* b = lazy.for_year(year);
    REQUIRE((a == nullptr) == (b == nullptr));
    if (!a) continue;
    CHECK(a->id == b->id);
    CHECK(a->year_from == b->year_from);
    CHECK(a->year_to == b->year_to);
    CHECK(a->rules.size() == b->rules.size());
    CHECK(lazy.find(a->id) == b);  // one pack, loaded once
  }
  CHECK(lazy.find("nosuch") == nullptr);
}

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

TEST_CASE("packs: each built-in pack is embedded in its quick form, read as the pack in rules/") {
  // tools/gen_quick_pack rewrites rules/*.yaml for the binary (scalars double-quoted, one line
  // per top-level key); it must load as the same pack, and keep its header lines readable alone.
  int compared = 0;
  for (const auto& res : resources::all()) {
    if (!res.path.starts_with("rules/") || res.path.starts_with("rules/catalogue/")) continue;
    CAPTURE(res.path);
    const std::string written = test::read_file(test::source_dir() / std::string(res.path));
    REQUIRE(!written.empty());
    CHECK(res.data != written);  // the quick form, not the file as written
    bool pack_line = false, years_line = false;
    for (std::size_t at = 0; at < res.data.size();) {
      const std::size_t end = std::min(res.data.find('\n', at), res.data.size());
      pack_line = pack_line || res.data.substr(at, end - at).starts_with("pack:");
      years_line = years_line || res.data.substr(at, end - at).starts_with("years: {");
      at = end + 1;
    }
    CHECK(pack_line);
    CHECK(years_line);
    const Pack quick = load_pack(res.data, std::string(res.path), Catalogue::builtin());
    const Pack plain = load_pack(written, std::string(res.path), Catalogue::builtin());
    CHECK(quick.id == plain.id);
    CHECK(quick.name.zh == plain.name.zh);
    CHECK(quick.basis.en == plain.basis.en);
    CHECK(quick.year_from == plain.year_from);
    CHECK(quick.year_to == plain.year_to);
    CHECK(quick.ordered == plain.ordered);
    REQUIRE(quick.sections.size() == plain.sections.size());
    for (std::size_t i = 0; i < quick.sections.size(); ++i) {
      CHECK(quick.sections[i].key == plain.sections[i].key);
      CHECK(quick.sections[i].title == plain.sections[i].title);
    }
    CHECK(quick.tables.size() == plain.tables.size());
    CHECK(quick.rules == plain.rules);
    CHECK(quick.relations.size() == plain.relations.size());
    CHECK(quick.prose.size() == plain.prose.size());
    CHECK(quick.placeholders.size() == plain.placeholders.size());
    CHECK(quick.thin_sections.size() == plain.thin_sections.size());
    CHECK(quick.wording_ignore.size() == plain.wording_ignore.size());
    CHECK(quick.skeleton.has_value() == plain.skeleton.has_value());
    CHECK(write_pack_snapshot(quick) == write_pack_snapshot(plain));  // every field (rules/pack_snapshot)
    ++compared;
  }
  CHECK(compared == 3);
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
  check_error(replace_once(kMinimalPack, "years:", "yeers:"), 4, "unknown key 'yeers'");
  check_error(replace_once(kMinimalPack, "['总体情况']", "['总体(情况']"), 9, "not a valid ICU regular expression");
  check_error(replace_once(kMinimalPack, "structure/missing-section: error", "structure/no-such: error"), 11, "unknown rule");
  check_error(replace_once(kMinimalPack, "structure/missing-section: error", "structure/missing-section: loud"), 11,
              "severity must be");
  check_error(replace_once(kMinimalPack, "years: {from: 2021}", "years: {from: 2021, from: 2022}"), 4, "given twice");
  check_error(replace_once(kMinimalPack, "years: {from: 2021}", "years: {from: next}"), 4, "whole number");
  check_error(std::string(kMinimalPack) + "  bad: [\n", 13, "");  // yaml-cpp stops at the end
}

namespace {
// kMinimalPack with one statistics table of two rows; `row_extra` is added to the second row.
std::string pack_with_table(const std::string& row_extra) {
  return replace_once(kMinimalPack, "rules:\n",
                 "tables:\n"
                 "  - key: stats\n"
                 "    section: a\n"
                 "    caption: 统计表\n"
                 "    columns:\n"
                 "      - {key: value, label: 统计数, keywords: [统计数]}\n"
                 "    rows:\n"
                 "      - {key: requests, label: 收到申请数, keywords: [收到申请数]}\n"
                 "      - {key: fees, label: 收取的费用, keywords: [收取的费用]" + row_extra + "}\n"
                 "rules:\n");
}
}  // namespace

TEST_CASE("pack loader: a table row may give its own domain, which wins over its column's") {
  const Pack p = load_pack(pack_with_table(", domain: amount"), "custom.yaml", Catalogue::builtin());
  const TableSpec& t = p.tables.at(0);
  CHECK_FALSE(t.rows.at(0).domain);
  CHECK(t.cell_domain(0, 0) == CellDomain::Count);
  CHECK(t.rows.at(1).domain == CellDomain::Amount);
  CHECK(t.cell_domain(1, 0) == CellDomain::Amount);
  // Checked like every other key: its place in the file is named.
  check_error(pack_with_table(", domain: money"), 18, "domain must be count, signed or amount");
  check_error(pack_with_table(", domian: amount"), 18, "unknown key 'domian'");
}

TEST_CASE("reg2008: the 2014 table's relations load: sums and parts against their whole") {
  const Pack& pack = *PackRegistry::builtin().find("reg2008");
  REQUIRE(pack.relations.size() == 16);
  int sums = 0, parts = 0;
  for (const Relation& r : pack.relations) {
    CHECK(r.table == "stats2014");
    sums += r.rule == "table/sum";
    parts += r.rule == "table/part-exceeds-whole";
  }
  CHECK(sums + parts == 16);
  CHECK(parts > 0);
}

TEST_CASE("reg2008: the 2014 statistics table, its amounts, and labels that name only their own row") {
  const Pack& pack = *PackRegistry::builtin().find("reg2008");
  REQUIRE(pack.tables.size() == 1);
  const TableSpec& t = pack.tables.at(0);
  CHECK(t.key == "stats2014");
  REQUIRE(t.columns.size() == 1);
  CHECK(t.columns[0].key == "value");
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    CAPTURE(t.rows[r].key);
    const bool amount = t.rows[r].key == "fees" || t.rows[r].key == "special_funds";
    CHECK(t.cell_domain(r, 0) == (amount ? CellDomain::Amount : CellDomain::Count));
    // The template wording of each row names that row and no other, except the labels that
    // 四、行政复议 and 五、行政诉讼 share (（二）被依法纠错数, （三）其他情形数).
    const std::u32string key = label_key(normalize(t.rows[r].label).text);
    for (std::size_t o = 0; o < t.rows.size(); ++o) {
      CAPTURE(t.rows[o].key);
      const bool same_label = label_key(normalize(t.rows[o].label).text) == key;
      CHECK(t.rows[o].matches(key) == (o == r || same_label));
    }
  }
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

TEST_CASE("pack loader: carry_over names a table of the pack and two of its data rows") {
  const Pack& fmt2021 = *PackRegistry::builtin().find("fmt2021");
  REQUIRE(fmt2021.carry_over);
  CHECK(fmt2021.carry_over->from == "carried_out");
  CHECK(fmt2021.carry_over->into == "carried_in");
  CHECK_FALSE(PackRegistry::builtin().find("reg2008")->carry_over);
  const std::string with_table = replace_once(kMinimalPack, "rules:\n",
                                         "tables:\n"
                                         "  - key: t\n"
                                         "    section: a\n"
                                         "    caption: 表\n"
                                         "    columns: [{key: n, label: 数量, keywords: [数量]}]\n"
                                         "    rows:\n"
                                         "      - {key: in, label: 结转进, keywords: [结转进]}\n"
                                         "      - {key: g, label: 分组, keywords: [分组], group: true}\n"
                                         "      - {key: out, label: 结转出, keywords: [结转出]}\n"
                                         "rules:\n");
  CHECK(load_pack(with_table + "carry_over: {table: t, from: out, into: in}\n", "custom.yaml", Catalogue::builtin())
            .carry_over->table == "t");
  check_error(with_table + "carry_over: {table: x, from: out, into: in}\n", 21, "is not a table of this pack");
  check_error(with_table + "carry_over: {table: t, from: nope, into: in}\n", 21, "'nope' is not a data row");
  check_error(with_table + "carry_over: {table: t, from: out, into: g}\n", 21, "'g' is not a data row");
  check_error(with_table + "carry_over: {table: t, form: out, into: in}\n", 21, "unknown key 'form'");
}

TEST_CASE("pack loader: copied_text names sections of the pack, a length and a similarity") {
  REQUIRE(PackRegistry::builtin().find("fmt2021")->copied_text);
  CHECK(PackRegistry::builtin().find("fmt2021")->copied_text->similarity == doctest::Approx(0.8));
  const std::string base = std::string(kMinimalPack);
  const Pack p = load_pack(base + "copied_text: {sections: [a], min_chars: 50, similarity: 0.9}\n", "custom.yaml",
                           Catalogue::builtin());
  CHECK(p.copied_text->min_chars == 50);
  check_error(base + "copied_text: {sections: [b], min_chars: 50, similarity: 0.9}\n", 12, "'b' is not a section");
  check_error(base + "copied_text: {sections: [a], min_chars: 0, similarity: 0.9}\n", 12, "at least 1");
  check_error(base + "copied_text: {sections: [a], min_chars: 50, similarity: 1.5}\n", 12, "at most 1");
  check_error(base + "copied_text: {sections: [a], min_chars: 50, similarity: high}\n", 12, "must be a number");

  // A report's compared sections are marked in 64 bits across a run: the first 64 sections only.
  std::string many_sections;
  for (int k = 1; k <= 64; ++k)
    many_sections += "    - {key: s" + std::to_string(k) + ", number: 二, title: 节" + std::to_string(k) + ", headings: ['节" +
                     std::to_string(k) + "']}\n";
  const std::string wide = replace_once(base, "rules:\n", many_sections + "rules:\n");
  CHECK(load_pack(wide + "copied_text: {sections: [s63], min_chars: 50, similarity: 0.9}\n", "custom.yaml",
                  Catalogue::builtin()).copied_text->sections.at(0) == "s63");
  check_error(wide + "copied_text: {sections: [a, s64], min_chars: 50, similarity: 0.9}\n", 76, "after the pack's 64th section");
}
