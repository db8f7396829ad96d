// One statistics table of a pack as an empty Markdown pipe table: the header names every column,
// every row has its template label and an empty cell per column, so the author fills in numbers.
#pragma once
#include <string>
#include <string_view>

#include "model/table_spec.h"

namespace nblint {

// `corner`: the header's first cell, above the row labels (it names the table's anchor, so the
// binder finds the table). An unlabelled table (section 四) has no label column: its header is the
// column labels and its one row is all empty cells.
std::string markdown_table(const TableSpec& table, std::string_view corner);

}  // namespace nblint
