// The full grid of an ExtractedTable (document.h), built row by row from the cells a reader
// placed: shared by the HTML and the DOCX reader, which place cells differently (the HTML table
// model with rowspan/colspan; w:gridBefore, w:gridSpan and w:vMerge) but expand and cap the grid
// the same way.
//
// The reader adds each cell that starts in the row being built (add_cell, with its row, column,
// spans, text and span set) and then ends the row (end_row) with the row's slots: for every
// column, the id of the cell covering it, or a negative value for an empty slot. finish() then
// writes every slot once, row-major:
//   - the slot where a cell starts is that cell;
//   - a slot covered by a cell started elsewhere is a `continuation`: empty text, the span of the
//     originating cell (and, with ContinuationSpans::Origin, its row_span and col_span; with
//     ContinuationSpans::One they stay 1);
//   - an empty slot (a short row) has empty text and an empty span at the row's end offset.
// Caps: kMaxGridColumns columns (readers cut cells at it themselves, this file only defines it)
// and kMaxTableSlots slots (rows x columns, counted with the widest row so far): the row that
// would cross it is refused, its cells dropped, the row spans of earlier cells cut at it, and no
// later row is taken.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ingest/document.h"

namespace nblint {

inline constexpr std::uint32_t kMaxGridColumns = 1000;
inline constexpr std::uint32_t kMaxTableSlots = 100000;

enum class ContinuationSpans { Origin, One };

class TableGridBuilder {
 public:
  using Slots = std::vector<std::int32_t>;  // per column: a cell id, or negative (empty slot)

  // The grid row being built: the number of rows taken so far.
  std::uint32_t row() const { return static_cast<std::uint32_t>(rows_.size()); }
  // True once a row was refused for the slot cap; no further row is taken.
  bool capped() const { return capped_; }

  // Adds a cell that starts in the row being built; returns its id for the row's slots.
  std::int32_t add_cell(ExtractedCell cell);
  ExtractedCell& cell(std::int32_t id) { return cells_[static_cast<std::size_t>(id)]; }

  // Ends the row being built. `end` is the offset an empty slot's span sits at. Returns false
  // when the row is refused (see the file comment) or the grid was already capped.
  bool end_row(Slots slots, std::uint32_t end);

  ExtractedTable finish(Span span, ContinuationSpans continuation) const;

 private:
  std::vector<ExtractedCell> cells_;  // cells that start in some slot, in order of addition
  std::vector<Slots> rows_;
  std::vector<std::uint32_t> row_ends_;
  std::uint32_t columns_ = 0;
  std::size_t row_first_cell_ = 0;  // cells_ index of the first cell of the row being built
  bool capped_ = false;
};

}  // namespace nblint
