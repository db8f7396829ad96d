// Statistics tables as the binder found them: cells bound to the row and column keys of the
// pack's TableSpec, with where each came from. A blank cell is kept as blank, never as zero.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/quantity.h"
#include "model/span.h"

namespace nblint {

enum class CellState {
  Missing,     // the row was found but this cell was not (fewer cells than columns)
  Number,      // value holds it
  Blank,       // empty, or a blank marker: "/", "—", "-", "无"
  NotANumber,  // text, run-together digits (6400204702), a code with a leading zero (000023)
};

struct BoundCell {
  CellState state = CellState::Missing;
  Quantity value;            // when state == Number
  Span span;                 // the cell's text (for Missing: empty, at the row label's end)
  std::uint32_t line = 0;    // 1-based parsed line
  std::u32string text;       // folded cell text, trimmed (for messages)
};

struct BoundRow {
  std::string key;           // "granted"
  Span label;                // the row label cell ("（一）予以公开"); empty for unlabelled rows
  std::uint32_t line = 0;
  std::vector<BoundCell> cells;  // one per TableSpec column, in the spec's order
};

// Why the binder is unsure: each note names a place and what it could not do.
enum class BindIssue {
  CaptionNotFound,     // the caption/anchor cell was not found; the section was searched instead
  HeaderNotFound,      // a column's header label was not seen; columns assumed in template order
  RowNotFound,         // a row of the template has no label in the table
  ShortRow,            // a row has fewer cells than columns (expected, found)
  ExtraCells,          // a row has more number cells than columns before the next label
  Unreadable,          // cells ran together (digit runs, codes): values not taken from this row
  NoTable,             // no cell of this table was found at all
};

struct BindNote {
  BindIssue issue;
  std::string row;      // row key, when the note is about a row
  std::string column;   // column key, for HeaderNotFound
  Span span;            // where (empty span at the table or section start when nowhere better)
  int expected = 0, found = 0;
};

struct BoundTable {
  std::string key;                // TableSpec::key
  std::string section;            // TableSpec::section
  bool found = false;             // at least one row was bound
  Span span;                      // first to last bound cell
  std::vector<BoundRow> rows;     // the spec's data rows that were found, in spec order
  std::vector<std::u32string> header;  // header cells seen before the first row (folded)
  std::vector<BindNote> notes;

  const BoundRow* row(std::string_view k) const {
    for (const BoundRow& r : rows)
      if (r.key == k) return &r;
    return nullptr;
  }
};

}  // namespace nblint
