// `nblint new`'s skeletons (src/skeleton/): checked with nblint's own pipeline, a skeleton of
// every built-in pack gives blank-cell findings only, and every table of the pack binds.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "bind/analysis.h"
#include "cli/lint_file.h"
#include "ingest/ingest.h"
#include "rules/catalogue.h"
#include "rules/pack_loader.h"
#include "rules/pack_registry.h"
#include "skeleton/heading_number.h"
#include "skeleton/skeleton.h"
#include "support/pack_errors.h"
#include "support/replace_once.h"
#include "support/run.h"

using namespace nblint;
using nblint::test::replace_once;

namespace {

const char* const kOrgans[] = {"青山县交通运输局", "青山县人民政府", "白河镇人民政府"};

// Findings of `text` checked as a Markdown report with `packs`.
std::vector<Diagnostic> lint_skeleton(const std::string& text, const PackRegistry& packs) {
  LintOptions options;
  options.packs = &packs;
  const FileResult r = lint_text("skeleton.md", text, std::nullopt, options);
  REQUIRE_FALSE(r.error);
  return r.diagnostics;
}

// Only table/blank-cell, and at least one: the cells are empty. Two notes at info level come
// with every skeleton: the pack chosen (meta/pack, on every report) and that there is no
// publication date yet to check against the deadline (date/publish-deadline).
void check_only_blank_cells(const std::vector<Diagnostic>& findings, const std::string& what) {
  std::size_t blank = 0;
  for (const Diagnostic& d : findings) {
    if (d.rule == "table/blank-cell") {
      ++blank;
      continue;
    }
    const bool info_note = (d.rule == "meta/pack" || d.rule == "date/publish-deadline") && d.severity == Severity::Info;
    CHECK_MESSAGE(info_note, what << ": " << d.rule << " " << d.message);
  }
  CHECK_MESSAGE(blank > 0, what);
}

// Every table of `pack` is found in the skeleton, without a binder note, with each data row of
// the pack (a group row without numbers is not a row of the table) and an empty cell per column.
void check_tables_bind(const std::string& text, const Pack& pack, const PackRegistry& packs, const std::string& what) {
  auto ingested = ingest_bytes("skeleton.md", text, Format::Markdown, IngestOptions{});
  REQUIRE(std::holds_alternative<Document>(ingested));
  const Analysis analysis = analyze(std::get<Document>(ingested), nullptr, packs);
  REQUIRE(analysis.choice.pack == &pack);
  REQUIRE(analysis.report.tables.size() == pack.tables.size());
  for (std::size_t t = 0; t < pack.tables.size(); ++t) {
    const TableSpec& spec = pack.tables[t];
    const BoundTable& bound = analysis.report.tables[t];
    INFO(what << " table " << spec.key);
    CHECK(bound.key == spec.key);
    CHECK(bound.found);
    CHECK(bound.notes.empty());
    std::set<std::string> rows;
    for (const BoundRow& row : bound.rows) {
      rows.insert(row.key);
      CHECK(row.cells.size() == spec.columns.size());
      for (const BoundCell& cell : row.cells) CHECK(cell.state == CellState::Blank);
    }
    for (const TableRowSpec& row : spec.rows)
      if (!row.group) CHECK_MESSAGE(rows.count(row.key) == 1, "row " << row.key);
  }
}

// A built-in pack as written in rules/ (as a user copies it to change it).
std::string builtin_yaml(const std::string& id) {
  const std::string yaml = test::read_file(test::source_dir() / "rules" / (id + ".yaml"));
  REQUIRE(!yaml.empty());
  return yaml;
}

}  // namespace

TEST_CASE("skeleton: every built-in pack's skeleton gives only blank-cell findings, for several years and organs") {
  const PackRegistry& packs = PackRegistry::builtin();
  const std::map<std::string, std::vector<int>> years = {
      {"reg2008", {2008, 2014, 2018}}, {"fmt2019", {2019, 2020}}, {"fmt2021", {2021, 2023, 2025}}};
  REQUIRE(packs.packs().size() == years.size());
  for (const Pack& pack : packs.packs()) {
    REQUIRE(years.count(pack.id) == 1);
    for (int year : years.at(pack.id))
      for (const char* organ : kOrgans) {
        const std::string what = pack.id + " " + std::to_string(year) + " " + organ;
        const std::string text = write_skeleton(pack, {organ, year});
        CHECK(text.starts_with("# " + std::string(organ) + std::to_string(year) + "年政府信息公开工作年度报告\n"));
        CHECK(text.find("统计期限自" + std::to_string(year) + "年1月1日起至" + std::to_string(year) + "年12月31日止") !=
              std::string::npos);
        check_only_blank_cells(lint_skeleton(text, packs), what);
        check_tables_bind(text, pack, packs, what);
      }
  }
}

TEST_CASE("skeleton: the headings are the pack's, numbered and in its order, with every row and column label") {
  for (const Pack& pack : PackRegistry::builtin().packs()) {
    const std::string text = write_skeleton(pack, {"青山县交通运输局", pack.year_from});
    std::size_t at = 0;
    for (const SectionSpec& s : pack.sections) {
      const std::size_t heading = text.find("\n## " + heading_numeral(s.number) + "、" + s.title + "\n");
      CHECK_MESSAGE(heading != std::string::npos, pack.id << " " << s.key);
      CHECK_MESSAGE(heading > at, pack.id << " " << s.key << " out of order");
      at = heading;
    }
    for (const TableSpec& t : pack.tables) {
      for (const LabelSpec& c : t.columns) CHECK_MESSAGE(text.find("| " + c.label + " |") != std::string::npos, c.label);
      if (t.unlabelled) continue;
      for (const TableRowSpec& r : t.rows) CHECK_MESSAGE(text.find("\n| " + r.label + " |") != std::string::npos, r.label);
    }
  }
}

TEST_CASE("skeleton: a changed pack changes the skeleton, which still checks clean against it") {
  // fmt2021 as a user pack with a reworded section, a new column and a new row.
  std::string yaml = builtin_yaml("fmt2021");
  yaml = replace_once(yaml, "      title: 总体情况\n", "      title: 总体工作情况\n");
  yaml = replace_once(yaml, "      - {key: decisions, label: 本年处理决定数量, keywords: [处理决定数量]}\n    rows:\n      - {key: licensing",
                      "      - {key: decisions, label: 本年处理决定数量, keywords: [处理决定数量]}\n"
                      "      - {key: revoked, label: 本年撤销数量, keywords: [撤销数量]}\n    rows:\n      - {key: licensing");
  yaml = replace_once(yaml, "      - {key: enforcement, label: 行政强制, keywords: ['=行政强制']}\n",
                      "      - {key: enforcement, label: 行政强制, keywords: ['=行政强制']}\n"
                      "      - {key: inspection, label: 行政检查, keywords: ['=行政检查']}\n");
  const auto dir = nblint::test::fresh_temp_dir("nblint-skeleton", "changed-pack");
  std::ofstream(dir / "fmt2021.yaml", std::ios::binary) << yaml;
  const PackRegistry packs = PackRegistry::with_user_packs({dir / "fmt2021.yaml"});
  const Pack& pack = *packs.find("fmt2021");

  const std::string before = write_skeleton(*PackRegistry::builtin().find("fmt2021"), {"青山县交通运输局", 2025});
  const std::string after = write_skeleton(pack, {"青山县交通运输局", 2025});
  CHECK(before.find("## 一、总体情况\n") != std::string::npos);
  CHECK(after.find("## 一、总体情况\n") == std::string::npos);
  CHECK(after.find("## 一、总体工作情况\n") != std::string::npos);
  CHECK(after.find("| 第二十条第（五）项 | 本年处理决定数量 | 本年撤销数量 |\n|---|---|---|\n| 行政许可 |  |  |\n") !=
        std::string::npos);
  CHECK(after.find("| 行政强制 |  |\n| 行政检查 |  |\n") != std::string::npos);
  CHECK(before.find("行政检查") == std::string::npos);
  check_only_blank_cells(lint_skeleton(after, packs), "changed fmt2021");
  check_tables_bind(after, pack, packs, "changed fmt2021");
}

TEST_CASE("skeleton: a section's text is its guidance, else its none_text, a pack without skeleton: has none") {
  std::string yaml = builtin_yaml("fmt2021");
  const Pack builtin = load_pack(yaml, "fmt2021.yaml", Catalogue::builtin());
  CHECK(write_skeleton(builtin, {"青山县交通运输局", 2025}).find("## 六、其他需要报告的事项\n\n（写明") != std::string::npos);
  // Without guidance for 六, its none_text stands there.
  yaml = replace_once(yaml, "    other: （写明按照", "    #other: （写明按照");
  const Pack without_guidance = load_pack(yaml, "fmt2021.yaml", Catalogue::builtin());
  CHECK(write_skeleton(without_guidance, {"青山县交通运输局", 2025}).ends_with("## 六、其他需要报告的事项\n\n无。\n"));

  const std::size_t from = yaml.find("\nskeleton:\n");
  const std::size_t to = yaml.find("\n# The rules this pack enables");
  REQUIRE(from < to);
  const Pack bare = load_pack(yaml.substr(0, from) + yaml.substr(to), "bare.yaml", Catalogue::builtin());
  CHECK_FALSE(bare.skeleton);
  CHECK_THROWS_AS(write_skeleton(bare, {"青山县交通运输局", 2025}), NoSkeletonError);
}

TEST_CASE("skeleton: the skeleton: block is read strictly") {
  const std::string yaml = builtin_yaml("fmt2021");
  const auto line_of = [&](const std::string& text, const std::string& what) {
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + text.find(what), '\n'));
  };
  std::string bad = replace_once(yaml, "    overview: （概述", "    overveiw: （概述");
  nblint::test::check_error(bad, line_of(bad, "    overveiw:"), "no section 'overveiw'");
  bad = replace_once(yaml, "    requests: （本列数据", "    request: （本列数据");
  nblint::test::check_error(bad, line_of(bad, "    request: （本列数据"), "no table 'request'");
  bad = replace_once(yaml, "    requests: （本列数据的勾稽关系为", "    requests: （本列数据的关系为");
  nblint::test::check_error(bad, line_of(bad, "    requests: （本列数据的关系为"), "names none of the table's anchors");
  bad = replace_once(yaml, "  title: '{organ}{year}年", "  titel: '{organ}{year}年");
  nblint::test::check_error(bad, line_of(bad, "  titel:"), "unknown key 'titel'");
}

TEST_CASE("skeleton: heading numerals are Chinese, digits of the 2008 pack converted") {
  CHECK(heading_numeral("一") == "一");
  CHECK(heading_numeral("六") == "六");
  CHECK(heading_numeral("1") == "一");
  CHECK(heading_numeral("6") == "六");
  CHECK(heading_numeral("10") == "十");
  CHECK(heading_numeral("12") == "十二");
  CHECK(heading_numeral("20") == "二十");
  CHECK(heading_numeral("21") == "二十一");
  CHECK(heading_numeral("0") == "0");  // not a heading number: left as written
}

TEST_CASE("table/missing: a table without numbers is reported unless its cells are all blank (blank-cell has them)") {
  const std::string head =
      "青山县交通运输局2023年政府信息公开工作年度报告\n"
      "二、主动公开政府信息情况\n"
      "第二十条第（一）项\n"
      "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n";
  const auto missing_findings = [](const std::string& text) {
    std::vector<std::string> out;
    for (const Diagnostic& d : lint_skeleton(text, PackRegistry::builtin()))
      if (d.rule == "table/missing" && d.message.find("第二十条第（一）项") != std::string::npos) out.push_back(d.message);
    return out;
  };
  CHECK(missing_findings(head + "规章 | / | / | /\n行政规范性文件 | / | — | /\n").empty());
  const std::vector<std::string> words = missing_findings(head + "规章 | 见附件 | / | /\n行政规范性文件 | / | / | /\n");
  REQUIRE(words.size() == 1);
  CHECK(words[0] == "第二部分的统计表“第二十条第（一）项”中没有数字");
}
