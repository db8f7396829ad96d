#include "ingest/document.h"

#include <algorithm>

#include "ingest/html_reader.h"

namespace nblint {

const LineLocation* Document::line_location(std::uint32_t line) const {
  if (location_lines.empty()) return line >= 1 && line <= line_locations.size() ? &line_locations[line - 1] : nullptr;
  const auto it = std::lower_bound(location_lines.begin(), location_lines.end(), line);
  if (it == location_lines.end() || *it != line) return nullptr;
  return &line_locations[static_cast<std::size_t>(it - location_lines.begin())];
}

void Document::keep_only_lines(std::vector<std::uint32_t> keep) {
  if (source.compacted()) return;
  std::sort(keep.begin(), keep.end());
  keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
  if (!line_locations.empty()) {
    std::vector<LineLocation> kept;
    std::vector<std::uint32_t> numbers;
    for (const std::uint32_t line : keep)
      if (line >= 1 && line <= line_locations.size()) {
        kept.push_back(std::move(line_locations[line - 1]));
        numbers.push_back(line);
      }
    line_locations = std::move(kept);
    location_lines = std::move(numbers);  // both empty when no line is kept: no location is asked
  }
  source.keep_only_lines(std::move(keep));
  // Handed to the next page read (when worth keeping); then swapped with empty ones, not cleared
  // or assigned: both keep the capacity (the memory), and a string assigned an empty (short,
  // in-place) string keeps its buffer too.
  give_back_html_text(std::move(content), std::move(content_origin));  // empty unless HTML
  std::string().swap(content);
  std::vector<std::uint32_t>().swap(content_origin);
  std::vector<ExtractedTable>().swap(tables);
}

}  // namespace nblint
