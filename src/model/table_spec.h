// What a rule pack declares about one statistics table: where it sits, its row and column keys,
// and the keywords that recognise their labels. Plain data, loaded from rules/*.yaml.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace nblint {

// Keywords are compared with a cell's label after label_key() (blanks, punctuation and the
// leading numbering removed, so "（二）部分公开（区分处理的…）" reads "部分公开区分处理的…").
// A label matches when it contains any keyword; a keyword starting with '=' must equal it.
struct LabelSpec {
  std::string key;                     // "natural_person"
  std::string label;                   // template wording, "自然人" (messages, skeletons)
  std::vector<std::u32string> keywords;
  bool matches(std::u32string_view label_key) const;
};

enum class CellDomain { Count, Signed, Amount };  // non-negative integer; integer; decimal ≥ 0

struct TableRowSpec : LabelSpec {
  bool group = false;  // a group label with no numbers of its own (三、本年度办理结果)
  std::string parent;  // key of the group or parent row, if any (for messages and part/whole)
  // The pre-2019 table has one value column whose rows differ: counts, and amounts in 万元.
  std::optional<CellDomain> domain;  // overrides the column's domain on this row
};

struct TableSpec {
  std::string key;                // "requests"
  std::string section;            // pack section key it belongs to ("requests")
  std::string caption;            // "第二十条第（一）项", or the section title
  std::vector<std::u32string> anchors;  // keywords of the caption cell that starts the table
  std::vector<LabelSpec> columns;       // data columns in template order
  std::vector<TableRowSpec> rows;       // in template order; unlabelled: one row without keywords
  CellDomain domain = CellDomain::Count;
  std::vector<CellDomain> column_domains;  // per column when they differ (fmt2019 本年增/减)
  bool unlabelled = false;        // section 四: a single row of numbers after the header

  // What a cell may hold: the row's domain where it has one, else its column's.
  CellDomain cell_domain(std::size_t row, std::size_t column) const;
};

}  // namespace nblint
