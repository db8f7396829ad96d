// The `relations:` and `prose:` blocks of a pack: loading with every mistake placed at its
// file:line:column, sum() expansion, and evaluation on bound tables.
#include <doctest/doctest.h>

#include <string>

#include "support/pack_errors.h"
#include "support/replace_once.h"

#include "grammar/equation.h"
#include "rules/pack_loader.h"
#include "rules/pack_registry.h"
#include "rules/relation_eval.h"

using namespace nblint;

namespace {

const std::string kPack =
    "pack: custom\n"
    "name: {zh: 自定义, en: custom}\n"
    "basis: {zh: 依据}\n"
    "years: {from: 2021}\n"
    "sections:\n"
    "  order: template\n"
    "  match: headings\n"
    "  items:\n"
    "    - {key: a, number: 三, title: 申请情况, headings: ['申请情况']}\n"
    "tables:\n"
    "  - key: t\n"
    "    section: a\n"
    "    caption: 申请情况\n"
    "    columns:\n"
    "      - {key: x, label: 甲, keywords: [甲]}\n"
    "      - {key: y, label: 乙, keywords: [乙]}\n"
    "      - {key: total, label: 总计, keywords: ['=总计']}\n"
    "    rows:\n"
    "      - {key: new, label: 新收, keywords: [新收]}\n"
    "      - {key: results, label: 办理结果, keywords: [办理结果], group: true}\n"
    "      - {key: granted, label: 予以公开, keywords: [予以公开], parent: results}\n"
    "      - {key: refused, label: 不予公开, keywords: [不予公开], group: true, parent: results}\n"
    "      - {key: secret, label: 国家秘密, keywords: [国家秘密], parent: refused}\n"
    "      - {key: law, label: 法律禁止, keywords: [法律], parent: refused}\n"
    "      - {key: other, label: 其他处理, keywords: [其他处理], parent: results}\n"
    "      - {key: results_total, label: 总计, keywords: ['=总计']}\n"
    "rules:\n"
    "  table/results-total: error\n"
    "  table/row-total: error\n"
    "  table/prose-mismatch: warning\n"
    "relations:\n"
    "  - rule: table/results-total\n"
    "    table: t\n"
    "    per: column\n"
    "    check: results_total == granted + sum(refused) + sum(other)\n"
    "  - rule: table/row-total\n"
    "    table: t\n"
    "    per: row\n"
    "    check: total == x + y\n"
    "prose:\n"
    "  - {fact: new_requests, table: t, row: new, columns: [total]}\n";

using test::replace_once;

// 1-based line and column (bytes; these lines are ASCII up to the marker) of `marker` in `yaml`.
std::pair<int, int> where(const std::string& yaml, const std::string& marker) {
  const auto at = yaml.find(marker);
  REQUIRE(at != std::string::npos);
  const auto line_start = at == 0 ? 0 : yaml.rfind('\n', at - 1) + 1;
  int line = 1;
  for (std::size_t i = 0; i < at; ++i) line += yaml[i] == '\n';
  return {line, static_cast<int>(at - line_start) + 1};
}

void check_error(const std::string& yaml, const std::string& marker, const std::string& words) {
  CAPTURE(words);
  const auto [line, column] = where(yaml, marker);
  test::check_error(yaml, line, words, column);
}

BoundCell number(std::int64_t v) {
  BoundCell c;
  c.state = CellState::Number;
  c.value.mantissa = v < 0 ? -v : v;
  c.value.negative = v < 0;
  return c;
}

BoundRow row(std::string key, std::vector<BoundCell> cells) {
  BoundRow r;
  r.key = std::move(key);
  r.cells = std::move(cells);
  return r;
}

}  // namespace

TEST_CASE("relations loader: a pack's relations load with sum() expanded") {
  const Pack p = load_pack(kPack, "custom.yaml", Catalogue::builtin());
  REQUIRE(p.relations.size() == 2);
  const Relation& r = p.relations[0];
  CHECK(r.rule == "table/results-total");
  CHECK(r.per == RelationPer::Column);
  CHECK(r.op == RelationOp::Equal);
  REQUIRE(r.rhs.size() == 3);
  CHECK(r.rhs[1].kind == RelationTerm::Kind::Sum);
  CHECK(r.rhs[1].keys == std::vector<std::string>{"secret", "law"});  // through the group
  CHECK(r.rhs[2].keys == std::vector<std::string>{"other"});          // a data row without parts is itself
  CHECK(p.relations[1].per == RelationPer::Row);
  REQUIRE(p.prose.size() == 1);
  CHECK(p.prose[0].columns == std::vector<std::string>{"total"});
}

TEST_CASE("relations loader: each mistake is a PackError at its file, line and column") {
  check_error(replace_once(kPack, "    per: row\n", "    per: row\n    chek: x\n"), "chek", "unknown key 'chek'");
  check_error(replace_once(kPack, "rule: table/row-total", "rule: table/no-such"), "table/no-such", "unknown rule 'table/no-such'");
  check_error(replace_once(kPack, "rule: table/row-total", "rule: table/balance"), "table/balance",
              "'table/balance' is not listed in this pack's rules");
  check_error(replace_once(kPack, "rule: table/row-total", "rule: table/prose-mismatch"), "table/prose-mismatch\n",
              "'table/prose-mismatch' does not report relations");
  check_error(replace_once(kPack, "    table: t\n    per: row", "    table: u\n    per: row"), "u\n    per: row", "unknown table 'u'");
  check_error(replace_once(kPack, "per: row", "per: cell"), "cell", "per must be");
  check_error(replace_once(kPack, "total == x + y", "total == x +"), "\nprose:", "expected a name, sum(…)");
  // The column is the mistake's, inside the equation: the second y.
  check_error(replace_once(kPack, "total == x + y", "total == x + y y"), "y\nprose:", "expected the end of the equation");
  check_error(replace_once(kPack, "total == x + y", "total == x + z"), "z\n", "'z' is not a column of table 't'");
  check_error(replace_once(kPack, "granted + sum(refused)", "granted + refused"), "refused +",
              "row 'refused' is a group without numbers of its own: write sum(refused)");
  check_error(replace_once(kPack, "sum(other)", "sum(others)"), "others", "'others' is not a row of table 't'");
  // 100,000 nested parentheses: refused at the first '(' past the limit, not a stack overflow.
  check_error(replace_once(kPack, "total == x + y", "total == x + " + std::string(100000, '(') + "y" + std::string(100000, ')')),
              std::string(100000 - grammar::kMaxEquationNesting, '(') + "y", "expected at most 32 nested parentheses");
  check_error(replace_once(kPack, "total == x + y", "total == sum(x)"), "x)", "sum(…) adds up the rows of a group; it needs per: column");
  check_error(replace_once(kPack, "    per: row\n", "    per: row\n    columns: [x]\n"), "[x]\n", "'columns' goes with per: column");
  check_error(replace_once(kPack, "    per: row\n", "    per: row\n    rows: [results]\n"), "results]", "is not one of the table's rows");
  // A quoted equation: the column still lands on the mistake.
  check_error(replace_once(kPack, "check: total == x + y", "check: \"total == x + w\""), "w\"", "'w' is not a column");
  check_error(replace_once(kPack, "fact: new_requests", "fact: old_requests"), "old_requests", "unknown prose fact");
  check_error(replace_once(kPack, "columns: [total]}", "columns: [sum]}"), "sum]", "'sum' is not one of the table's columns");
  check_error(replace_once(kPack, "row: new,", "row: results,"), "results, columns", "not a data row");
}

TEST_CASE("relations: evaluation per column and per row, skipping places with blank operands") {
  const Pack p = load_pack(kPack, "custom.yaml", Catalogue::builtin());
  const TableSpec& spec = p.tables.at(0);
  BoundTable t;
  t.key = "t";
  t.found = true;
  BoundCell blank;
  blank.state = CellState::Blank;
  t.rows = {row("new", {number(5), number(1), number(6)}),
            row("granted", {number(2), number(1), number(3)}),
            row("secret", {number(1), number(0), number(1)}),
            row("law", {number(0), blank, number(0)}),
            row("other", {number(1), number(0), number(1)}),
            row("results_total", {number(5), number(1), number(7)})};
  t.rows[5].cells[0].span = {100, 101};

  // Column x: 2 + (1 + 0) + 1 = 4, not 5. Column y has a blank operand: not evaluated.
  // Column total: 3 + 1 + 0 + 1 = 5, not 7.
  const auto results = evaluate_relation(p.relations[0], spec, t);
  REQUIRE(results.size() == 2);
  CHECK(results[0].place == "x");
  CHECK(results[0].cell == "results_total");
  CHECK(results[0].at.begin == 100);
  CHECK(results[0].lhs_milli == 5000);
  CHECK(results[0].rhs_milli == 4000);
  REQUIRE(results[0].rhs.size() == 3);
  CHECK(results[0].rhs[1].milli == 1000);  // sum(refused) = secret + law
  CHECK(results[1].place == "total");
  CHECK(results[1].rhs_milli == 5000);

  // Row totals: results_total is 5 + 1 = 6, not 7; 'law' has a blank operand.
  const auto rows = evaluate_relation(p.relations[1], spec, t);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].place == "results_total");
  CHECK(rows[0].cell == "total");
  CHECK(format_milli(rows[0].lhs_milli) == "7");

  // A row the binder did not find leaves its relations unevaluated.
  t.rows.erase(t.rows.begin() + 2);
  CHECK(evaluate_relation(p.relations[0], spec, t).size() == 0);
}

TEST_CASE("relations: values are shown as written, decimals without trailing zeros") {
  CHECK(format_milli(21000) == "21");
  CHECK(format_milli(1500) == "1.5");
  CHECK(format_milli(-3000) == "-3");
  CHECK(format_milli(5) == "0.005");
  CHECK(format_milli(0) == "0");
}

TEST_CASE("relations: the built-in packs declare R1–R4 and the prose links") {
  const PackRegistry& packs = PackRegistry::builtin();
  for (const char* id : {"fmt2019", "fmt2021"}) {
    CAPTURE(id);
    const Pack& p = *packs.find(id);
    REQUIRE(p.relations.size() == 6);
    CHECK(p.relations[0].rule == "table/balance");
    CHECK(p.relations[1].rule == "table/row-total");
    CHECK(p.relations[2].rule == "table/results-total");
    for (int i = 3; i < 6; ++i) CHECK(p.relations[i].rule == "table/review-total");
    // R3's withheld group holds eight reasons; other_processing is one row in 2019, three in 2021.
    CHECK(p.relations[2].rhs[2].keys.size() == 8);
    CHECK(p.relations[2].rhs[5].keys.size() == (std::string(id) == "fmt2019" ? 1u : 3u));
    CHECK(p.prose.size() == 5);
  }
}
