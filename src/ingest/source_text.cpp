#include "ingest/source_text.h"

#include <algorithm>

#include "ingest/decode.h"
#include "util/utf8.h"

namespace nblint {

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

LineColumn LineIndex::locate(std::string_view text, std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - starts_.begin());
  const std::uint32_t start = starts_[line - 1];
  const auto column = utf8::count_code_points(text.substr(start, offset - start));
  return {line, static_cast<std::uint32_t>(column + 1)};
}

std::string_view SourceText::line_text(std::uint32_t line) const {
  const std::uint32_t begin = lines.line_start(line);
  std::uint32_t end = line < lines.line_count() ? lines.line_start(line + 1)
                                                : static_cast<std::uint32_t>(text.size());
  while (end > begin && (text[end - 1] == '\n' || text[end - 1] == '\r')) --end;
  return std::string_view(text).substr(begin, end - begin);
}

SourceText make_source_text(std::string display_path, Decoded&& decoded) {
  SourceText src;
  src.display_path = std::move(display_path);
  src.encoding = std::move(decoded.encoding);
  src.detected_by = std::move(decoded.detected_by);
  src.bom_bytes = decoded.bom_bytes;
  src.text = std::move(decoded.text);
  src.invalid_offsets = std::move(decoded.invalid_offsets);
  src.raw_offsets = std::move(decoded.raw_offsets);
  src.lines = LineIndex(src.text);
  return src;
}

}  // namespace nblint
