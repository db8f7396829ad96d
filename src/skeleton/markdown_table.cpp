#include "skeleton/markdown_table.h"

#include <vector>

namespace nblint {

namespace {

// "| a | b |" for the cells given; an empty cell is written as a blank between the bars.
std::string pipe_row(const std::vector<std::string_view>& cells) {
  std::string out = "|";
  for (std::string_view c : cells) {
    out += ' ';
    out += c;
    out += " |";
  }
  return out + '\n';
}

std::string separator_row(std::size_t cells) {
  std::string out = "|";
  for (std::size_t i = 0; i < cells; ++i) out += "---|";
  return out + '\n';
}

}  // namespace

std::string markdown_table(const TableSpec& table, std::string_view corner) {
  std::vector<std::string_view> header;
  if (!table.unlabelled) header.push_back(corner);
  for (const LabelSpec& column : table.columns) header.push_back(column.label);
  std::string out = pipe_row(header) + separator_row(header.size());
  const std::vector<std::string_view> empty_cells(table.columns.size(), std::string_view());
  if (table.unlabelled) return out + pipe_row(empty_cells);
  for (const TableRowSpec& row : table.rows) {
    std::vector<std::string_view> cells{row.label};
    cells.insert(cells.end(), empty_cells.begin(), empty_cells.end());
    out += pipe_row(cells);
  }
  return out;
}

}  // namespace nblint
