#include "output/location.h"

#include <algorithm>

namespace nblint {

std::string describe_location(const Document& document, std::uint32_t offset, Lang lang) {
  if (document.line_locations.empty()) return {};
  const SourceText& src = document.source;
  const std::uint32_t line = src.locate(offset).line;
  const LineLocation* found = document.line_location(line);
  if (!found) return {};
  const LineLocation& loc = *found;
  if (loc.kind == LineLocation::Kind::PageLine) {
    return lang == Lang::En ? "page " + std::to_string(loc.page) + ", line " + std::to_string(loc.page_line)
                            : "第" + std::to_string(loc.page) + "页 第" + std::to_string(loc.page_line) + "行";
  }
  if (loc.kind == LineLocation::Kind::Paragraph) {
    return lang == Lang::En ? "paragraph " + std::to_string(loc.paragraph) : "第" + std::to_string(loc.paragraph) + "段";
  }
  const std::uint32_t in_line = offset - src.line_start(line);
  const auto after = std::upper_bound(loc.cell_starts.begin(), loc.cell_starts.end(), in_line);
  const auto column = static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(1, after - loc.cell_starts.begin()));
  if (lang == Lang::En)
    return "table " + std::to_string(loc.table) + ", row " + std::to_string(loc.row) + ", column " + std::to_string(column);
  return "表" + std::to_string(loc.table) + " 第" + std::to_string(loc.row) + "行 第" + std::to_string(column) + "列";
}

}  // namespace nblint
