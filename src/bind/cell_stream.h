// A table as a stream of cells in reading order, whatever shape the text gave it: pipe rows
// ("规章 | 0 | 0 | 5", HTML and DOCX rows arrive this way too), tab rows, Markdown rows, one
// cell per line (with or without blank lines between cells), a line of numbers, and a label
// with its numbers glued on ("（七）总计23 0 00 0 023"). Rows are not reconstructed here: the
// binder finds them by their labels.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/report.h"

namespace nblint {

enum class CellKind {
  Text,       // a label, header or continuation
  Number,     // exactly one number (with its unit)
  Blank,      // empty, "/", "—", "-", "无": blank is not zero
  DigitRun,   // digits that are not one clean number: "230 000023", "6400204702", "000023"
  Unit,       // a unit alone (条, 件, 万元): the unit column of the pre-2019 table
};

struct StreamCell {
  CellKind kind = CellKind::Text;
  std::size_t begin = 0, end = 0;  // trimmed range in Report::folded.text (empty for a blank)
  std::uint32_t line = 0;          // 1-based line
  Quantity value;                  // when kind == Number
  std::u32string key;  // label_key() of a Text cell, computed once: the binder compares it often
  bool glued = false;  // split off a label's line by blanks ("…数量 76 4 2"), not by separators
  bool run_on = false;  // text cut out of a run-on line: may be caption, header and label in one
};

// The folded text's lines numbered [first_line, last_line) (1-based, as for_each_line counts
// them), their break excluded; found from the paragraph nearest before first_line, not by
// walking every line from the top of the report.
struct FoldedLine {
  std::size_t begin, end;  // untrimmed
  std::uint32_t number;
};
std::vector<FoldedLine> folded_lines(const Report& report, std::uint32_t first_line, std::uint32_t last_line);

// Cells of the folded text's lines [first_line, last_line) (1-based, last exclusive). Web
// chrome and comment lines are skipped, so a table split by page furniture reads as one.
std::vector<StreamCell> cell_stream(const Report& report, std::uint32_t first_line, std::uint32_t last_line);

// Cells of the folded range [begin, end) of a run-on line (a crawler's whole report on one
// line): labels and digit runs alternate, so every number is glued to its label and a digit
// run is never split.
std::vector<StreamCell> run_on_cell_stream(const Report& report, std::size_t begin, std::size_t end);

}  // namespace nblint
