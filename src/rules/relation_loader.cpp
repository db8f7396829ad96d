#include "rules/relation_loader.h"

#include <algorithm>

#include "grammar/equation.h"
#include "model/prose_fact.h"
#include "rules/table_lookup.h"
#include "util/utf8.h"

namespace nblint {

namespace {

const TableRowSpec* find_row(const TableSpec& t, std::string_view key) {
  for (const TableRowSpec& r : t.rows)
    if (r.key == key) return &r;
  return nullptr;
}

bool has_column(const TableSpec& t, std::string_view key) { return column_index(t, key) >= 0; }

bool has_children(const TableSpec& t, std::string_view key) {
  return std::any_of(t.rows.begin(), t.rows.end(), [&](const TableRowSpec& r) { return r.parent == key; });
}

// The data rows a sum(group) stands for: rows under `key`, descending through group rows only
// (a data row with its own parts counts once, as itself).
void collect_data_rows(const TableSpec& t, std::string_view key, std::vector<std::string>& out) {
  for (const TableRowSpec& r : t.rows) {
    if (r.parent != key) continue;
    if (r.group)
      collect_data_rows(t, r.key, out);
    else
      out.push_back(r.key);
  }
}

// The templates rules/relation_report.cpp fills (the catalogue's &relation set).
bool has_relation_messages(const RuleInfo& rule) {
  for (const char* key : {"place_column", "place_row", "side_column", "side_row", "cell", "sum", "equal_cell", "equal",
                          "not_greater", "not_less"})
    if (rule.messages.find(key) == rule.messages.end()) return false;
  return true;
}

bool known_fact(std::string_view key) {
  for (ProseFactKind k : {ProseFactKind::NewRequests, ProseFactKind::CarriedIn, ProseFactKind::CarriedOut,
                          ProseFactKind::ReviewTotal, ProseFactKind::LitigationTotal})
    if (prose_fact_key(k) == key) return true;
  return false;
}

const TableSpec& table_of(const YamlReader& in, const YAML::Node& at, const Pack& pack, const std::string& key) {
  for (const TableSpec& t : pack.tables)
    if (t.key == key) return t;
  in.fail(at, "unknown table '" + key + "' (not a table of this pack)");
}

// Places an error at `offset` bytes into the `check:` scalar `node`.
[[noreturn]] void fail_in_equation(const YamlReader& in, const YAML::Node& node, std::string_view yaml,
                                   std::size_t offset, const std::string& what) {
  const YAML::Mark mark = node.Mark();
  if (mark.line < 0) in.fail(node, what);
  const std::size_t pos = static_cast<std::size_t>(mark.pos);
  const bool quoted = pos < yaml.size() && (yaml[pos] == '"' || yaml[pos] == '\'');
  const std::string& text = node.Scalar();
  const int before = static_cast<int>(utf8::count_code_points(std::string_view(text).substr(0, std::min(offset, text.size()))));
  throw PackError(in.file(), mark.line + 1, mark.column + 1 + (quoted ? 1 : 0) + before, what);
}

std::vector<RelationTerm> terms(const YamlReader& in, const YAML::Node& check, std::string_view yaml,
                                const TableSpec& t, RelationPer per, const std::vector<grammar::EquationTerm>& side) {
  std::vector<RelationTerm> out;
  for (const grammar::EquationTerm& e : side) {
    RelationTerm term;
    term.sign = e.sign;
    term.key = e.name;
    const auto fail = [&](const std::string& what) { fail_in_equation(in, check, yaml, e.begin, what); };
    switch (e.kind) {
      case grammar::TermKind::Literal:
        term.kind = RelationTerm::Kind::Literal;
        term.literal = e.value;
        break;
      case grammar::TermKind::Name:
        if (per == RelationPer::Row) {
          if (!has_column(t, e.name)) fail("'" + e.name + "' is not a column of table '" + t.key + "' (per: row names columns)");
        } else {
          const TableRowSpec* r = find_row(t, e.name);
          if (!r) fail("'" + e.name + "' is not a row of table '" + t.key + "' (per: column names rows)");
          if (r->group) fail("row '" + e.name + "' is a group without numbers of its own: write sum(" + e.name + ")");
        }
        term.keys = {e.name};
        break;
      case grammar::TermKind::Sum: {
        if (per == RelationPer::Row) fail("sum(…) adds up the rows of a group; it needs per: column");
        const TableRowSpec* r = find_row(t, e.name);
        if (!r) fail("'" + e.name + "' is not a row of table '" + t.key + "'");
        term.kind = RelationTerm::Kind::Sum;
        if (has_children(t, e.name))
          collect_data_rows(t, e.name, term.keys);
        else if (!r->group)
          term.keys = {e.name};
        if (term.keys.empty()) fail("group '" + e.name + "' has no data rows to add up");
        break;
      }
    }
    out.push_back(std::move(term));
  }
  return out;
}

std::vector<std::string> key_list(const YamlReader& in, const YAML::Node& node, std::string_view what,
                                  const auto& exists) {
  in.require_sequence(node, what);
  std::vector<std::string> out;
  for (const auto& item : node) {
    std::string key = in.scalar(item, what);
    if (!exists(key)) in.fail(item, "'" + key + "' is not one of the table's " + std::string(what));
    out.push_back(std::move(key));
  }
  if (out.empty()) in.fail(node, std::string(what) + " is empty");
  return out;
}

}  // namespace

std::vector<Relation> load_relations(const YamlReader& in, const YAML::Node& list, std::string_view yaml,
                                     const Pack& pack, const Catalogue& catalogue) {
  std::vector<Relation> out;
  if (!list) return out;
  in.require_sequence(list, "relations");
  for (const auto& node : list) {
    in.require_map(node, "a relation");
    in.check_keys(node, {"rule", "table", "per", "check", "columns", "rows"});
    Relation rel;
    rel.rule = in.scalar(in.required(node, "rule"), "rule");
    if (!catalogue.contains(rel.rule)) in.fail(node["rule"], "unknown rule '" + rel.rule + "'");
    if (!pack.enables(rel.rule)) in.fail(node["rule"], "rule '" + rel.rule + "' is not listed in this pack's rules:");
    if (!has_relation_messages(*catalogue.find(rel.rule)))
      in.fail(node["rule"], "rule '" + rel.rule + "' does not report relations (its catalogue entry lacks the relation messages)");
    rel.table = in.scalar(in.required(node, "table"), "table");
    const TableSpec& t = table_of(in, node["table"], pack, rel.table);
    const std::string per = in.scalar(in.required(node, "per"), "per");
    if (per != "column" && per != "row") in.fail(node["per"], "per must be 'column' (names are rows) or 'row' (names are columns)");
    rel.per = per == "column" ? RelationPer::Column : RelationPer::Row;
    if (node["columns"]) {
      if (rel.per != RelationPer::Column) in.fail(node["columns"], "'columns' goes with per: column ('rows' with per: row)");
      rel.only = key_list(in, node["columns"], "columns", [&](const std::string& k) { return has_column(t, k); });
    }
    if (node["rows"]) {
      if (rel.per != RelationPer::Row) in.fail(node["rows"], "'rows' goes with per: row ('columns' with per: column)");
      rel.only = key_list(in, node["rows"], "rows", [&](const std::string& k) {
        const TableRowSpec* r = find_row(t, k);
        return r && !r->group;
      });
    }
    const YAML::Node check = in.required(node, "check");
    rel.text = in.scalar(check, "check");
    const grammar::EquationParse parsed = grammar::parse_equation(rel.text);
    if (!parsed.equation) fail_in_equation(in, check, yaml, parsed.error_offset, "equation: expected " + parsed.expected);
    rel.lhs = terms(in, check, yaml, t, rel.per, parsed.equation->lhs);
    rel.rhs = terms(in, check, yaml, t, rel.per, parsed.equation->rhs);
    switch (parsed.equation->op) {
      case grammar::EquationOp::Equal: rel.op = RelationOp::Equal; break;
      case grammar::EquationOp::LessEqual: rel.op = RelationOp::LessEqual; break;
      case grammar::EquationOp::GreaterEqual: rel.op = RelationOp::GreaterEqual; break;
    }
    out.push_back(std::move(rel));
  }
  return out;
}

std::vector<ProseLink> load_prose_links(const YamlReader& in, const YAML::Node& list, const Pack& pack) {
  std::vector<ProseLink> out;
  if (!list) return out;
  in.require_sequence(list, "prose");
  for (const auto& node : list) {
    in.require_map(node, "a prose link");
    in.check_keys(node, {"fact", "table", "row", "columns"});
    ProseLink link;
    link.fact = in.scalar(in.required(node, "fact"), "fact");
    if (!known_fact(link.fact)) in.fail(node["fact"], "unknown prose fact '" + link.fact + "'");
    link.table = in.scalar(in.required(node, "table"), "table");
    const TableSpec& t = table_of(in, node["table"], pack, link.table);
    link.row = in.scalar(in.required(node, "row"), "row");
    const TableRowSpec* r = find_row(t, link.row);
    if (!r || r->group) in.fail(node["row"], "'" + link.row + "' is not a data row of table '" + t.key + "'");
    link.columns = key_list(in, in.required(node, "columns"), "columns", [&](const std::string& k) { return has_column(t, k); });
    out.push_back(std::move(link));
  }
  return out;
}

}  // namespace nblint
