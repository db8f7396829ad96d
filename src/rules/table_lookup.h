// Finding a pack's table definitions, the bound tables and their template labels by key; shared
// by the table checks.
#pragma once
#include <string>
#include <string_view>

#include "model/report.h"
#include "model/table_spec.h"
#include "rules/pack.h"

namespace nblint {

inline const TableSpec* table_spec(const Pack& pack, std::string_view key) {
  for (const TableSpec& t : pack.tables)
    if (t.key == key) return &t;
  return nullptr;
}

inline const BoundTable* bound_table(const Report& report, std::string_view key) {
  for (const BoundTable& t : report.tables)
    if (t.key == key) return &t;
  return nullptr;
}

// The template wording of a row or column ("（一）予以公开"); the key itself if unknown.
inline std::string row_label(const TableSpec& spec, std::string_view key) {
  for (const TableRowSpec& r : spec.rows)
    if (r.key == key) return r.label;
  return std::string(key);
}

inline int row_index(const TableSpec& spec, std::string_view key) {
  for (std::size_t i = 0; i < spec.rows.size(); ++i)
    if (spec.rows[i].key == key) return static_cast<int>(i);
  return -1;
}

inline int column_index(const TableSpec& spec, std::string_view key) {
  for (std::size_t i = 0; i < spec.columns.size(); ++i)
    if (spec.columns[i].key == key) return static_cast<int>(i);
  return -1;
}

// A group label row ("三、本年度办理结果") has no numbers of its own.
inline bool is_group_row(const TableSpec& spec, std::string_view key) {
  for (const TableRowSpec& r : spec.rows)
    if (r.key == key) return r.group;
  return false;
}

inline std::string column_label(const TableSpec& spec, std::string_view key) {
  for (const LabelSpec& c : spec.columns)
    if (c.key == key) return c.label;
  return std::string(key);
}

}  // namespace nblint
