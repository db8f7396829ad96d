#include "rules/table_spec_loader.h"

#include <algorithm>
#include <optional>

#include "bind/label_key.h"
#include "text/normalizer.h"

namespace nblint {

namespace {

std::optional<CellDomain> parse_domain(std::string_view s) {
  if (s == "count") return CellDomain::Count;
  if (s == "signed") return CellDomain::Signed;
  if (s == "amount") return CellDomain::Amount;
  return std::nullopt;
}

CellDomain domain(const YamlReader& in, const YAML::Node& node) {
  const auto d = parse_domain(in.scalar(node, "domain"));
  if (!d) in.fail(node, "domain must be count, signed or amount");
  return *d;
}

void check_unique_key(const YamlReader& in, const YAML::Node& at, const std::vector<std::string>& seen,
                      const std::string& key, std::string_view what) {
  if (std::find(seen.begin(), seen.end(), key) != seen.end())
    in.fail(at, std::string(what) + " key '" + key + "' is used twice");
}

}  // namespace

std::vector<std::u32string> load_keywords(const YamlReader& in, const YAML::Node& list, std::string_view what) {
  std::vector<std::u32string> out;
  if (!list) return out;
  in.require_sequence(list, what);
  for (const auto& item : list) {
    const std::string text = in.scalar(item, "a keyword");
    const bool exact = !text.empty() && text.front() == '=';
    std::u32string key = keyword_key(normalize(exact ? std::string_view(text).substr(1) : std::string_view(text)).text);
    if (key.empty()) in.fail(item, "keyword '" + text + "' has no letters left after removing blanks and punctuation");
    if (exact) key.insert(key.begin(), U'=');
    out.push_back(std::move(key));
  }
  return out;
}

std::vector<TableSpec> load_table_specs(const YamlReader& in, const YAML::Node& tables,
                                        const std::vector<std::string>& section_keys) {
  std::vector<TableSpec> specs;
  if (!tables) return specs;
  in.require_sequence(tables, "tables");
  std::vector<std::string> table_keys;
  for (const auto& node : tables) {
    in.require_map(node, "a table");
    in.check_keys(node, {"key", "section", "caption", "anchors", "columns", "rows", "domain", "unlabelled"});
    TableSpec t;
    t.key = in.scalar(in.required(node, "key"), "key");
    check_unique_key(in, node["key"], table_keys, t.key, "table");
    table_keys.push_back(t.key);
    t.section = in.scalar(in.required(node, "section"), "section");
    if (std::find(section_keys.begin(), section_keys.end(), t.section) == section_keys.end())
      in.fail(node["section"], "table '" + t.key + "' names section '" + t.section + "', which the pack does not declare");
    t.caption = in.scalar(in.required(node, "caption"), "caption");
    t.anchors = load_keywords(in, node["anchors"], "anchors");
    if (node["domain"]) t.domain = domain(in, node["domain"]);
    if (node["unlabelled"]) {
      const std::string v = in.scalar(node["unlabelled"], "unlabelled");
      if (v != "true" && v != "false") in.fail(node["unlabelled"], "unlabelled must be true or false");
      t.unlabelled = v == "true";
    }

    const YAML::Node columns = in.required(node, "columns");
    in.require_sequence(columns, "columns");
    std::vector<std::string> column_keys;
    for (const auto& c : columns) {
      in.require_map(c, "a column");
      in.check_keys(c, {"key", "label", "keywords", "domain"});
      LabelSpec col;
      col.key = in.scalar(in.required(c, "key"), "key");
      check_unique_key(in, c["key"], column_keys, col.key, "column");
      column_keys.push_back(col.key);
      col.label = in.scalar(in.required(c, "label"), "label");
      col.keywords = load_keywords(in, in.required(c, "keywords"), "keywords");
      t.column_domains.push_back(c["domain"] ? domain(in, c["domain"]) : t.domain);
      t.columns.push_back(std::move(col));
    }
    if (t.columns.empty()) in.fail(columns, "table '" + t.key + "' has no columns");

    const YAML::Node rows = in.required(node, "rows");
    in.require_sequence(rows, "rows");
    std::vector<std::string> row_keys;
    for (const auto& r : rows) {
      in.require_map(r, "a row");
      in.check_keys(r, {"key", "label", "keywords", "group", "parent", "domain"});
      TableRowSpec row;
      row.key = in.scalar(in.required(r, "key"), "key");
      check_unique_key(in, r["key"], row_keys, row.key, "row");
      row.label = in.scalar(in.required(r, "label"), "label");
      if (t.unlabelled) {
        if (r["keywords"]) in.fail(r["keywords"], "an unlabelled table's row has no keywords");
      } else {
        row.keywords = load_keywords(in, in.required(r, "keywords"), "keywords");
      }
      if (r["group"]) {
        const std::string v = in.scalar(r["group"], "group");
        if (v != "true" && v != "false") in.fail(r["group"], "group must be true or false");
        row.group = v == "true";
      }
      if (r["parent"]) {
        row.parent = in.scalar(r["parent"], "parent");
        if (std::find(row_keys.begin(), row_keys.end(), row.parent) == row_keys.end())
          in.fail(r["parent"], "parent '" + row.parent + "' is not a row declared above");
      }
      if (r["domain"]) row.domain = domain(in, r["domain"]);
      row_keys.push_back(row.key);
      t.rows.push_back(std::move(row));
    }
    if (t.rows.empty()) in.fail(rows, "table '" + t.key + "' has no rows");
    if (t.unlabelled && t.rows.size() != 1) in.fail(rows, "an unlabelled table has exactly one row");
    specs.push_back(std::move(t));
  }
  return specs;
}

}  // namespace nblint
