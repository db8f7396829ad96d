#include "model/table_spec.h"

namespace nblint {

bool LabelSpec::matches(std::u32string_view label_key) const {
  for (const std::u32string& k : keywords) {
    if (!k.empty() && k.front() == U'=') {
      if (label_key == std::u32string_view(k).substr(1)) return true;
    } else if (label_key.find(k) != std::u32string_view::npos) {
      return true;
    }
  }
  return false;
}

CellDomain TableSpec::cell_domain(std::size_t row, std::size_t column) const {
  if (row < rows.size() && rows[row].domain) return *rows[row].domain;
  return column < column_domains.size() ? column_domains[column] : domain;
}

}  // namespace nblint
