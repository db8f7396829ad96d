// Expanding placed table cells into the full grid (see table_grid.h).
#include "ingest/table_grid.h"

#include <algorithm>
#include <utility>

namespace nblint {

std::int32_t TableGridBuilder::add_cell(ExtractedCell cell) {
  const auto id = static_cast<std::int32_t>(cells_.size());
  cells_.push_back(std::move(cell));
  return id;
}

bool TableGridBuilder::end_row(Slots slots, std::uint32_t end) {
  if (capped_) return false;
  const std::uint32_t r = row();
  const std::uint32_t width = std::max(columns_, static_cast<std::uint32_t>(slots.size()));
  if (static_cast<std::uint64_t>(r + 1) * width > kMaxTableSlots) {
    capped_ = true;
    cells_.resize(row_first_cell_);
    for (ExtractedCell& c : cells_) c.row_span = std::min(c.row_span, r - c.row);
    return false;
  }
  columns_ = width;
  rows_.push_back(std::move(slots));
  row_ends_.push_back(end);
  row_first_cell_ = cells_.size();
  return true;
}

ExtractedTable TableGridBuilder::finish(Span span, ContinuationSpans continuation) const {
  ExtractedTable table;
  table.span = span;
  table.rows = row();
  table.columns = columns_;
  table.cells.reserve(static_cast<std::size_t>(table.rows) * table.columns);
  for (std::uint32_t r = 0; r < table.rows; ++r) {
    for (std::uint32_t c = 0; c < table.columns; ++c) {
      const std::int32_t id = c < rows_[r].size() ? rows_[r][c] : -1;
      ExtractedCell cell;
      cell.row = r;
      cell.column = c;
      if (id < 0) {  // no cell here: an empty slot
        cell.span = Span{row_ends_[r], row_ends_[r]};
      } else {
        const ExtractedCell& o = cells_[static_cast<std::size_t>(id)];
        if (o.row == r && o.column == c) {
          cell = o;
        } else {  // covered by a span started elsewhere
          if (continuation == ContinuationSpans::Origin) {
            cell.row_span = o.row_span;
            cell.col_span = o.col_span;
          }
          cell.continuation = true;
          cell.span = o.span;
        }
      }
      table.cells.push_back(std::move(cell));
    }
  }
  return table;
}

}  // namespace nblint
