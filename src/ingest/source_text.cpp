#include "ingest/source_text.h"

#include <algorithm>
#include <cstring>

#include "ingest/decode.h"
#include "ingest/file_reader.h"
#include "util/utf8.h"

namespace nblint {

// A line ends at '\n', '\r\n' or a lone '\r'. The breaks are found with memchr (a handful of
// instructions per line instead of several per byte); the next '\r' is searched for separately
// and only again once passed, so a file without one costs a single search for it.
LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const auto next = [end](const char* from, char c) {
    const void* hit = from < end ? std::memchr(from, c, static_cast<std::size_t>(end - from)) : nullptr;
    return hit ? static_cast<const char*>(hit) : end;
  };
  const char* lf = next(begin, '\n');
  const char* cr = next(begin, '\r');
  for (;;) {
    const char* line_break = std::min(lf, cr);
    if (line_break == end) break;
    const char* line_start = line_break + 1;
    if (line_break == cr && line_start < end && *line_start == '\n') ++line_start;
    starts_.push_back(static_cast<std::uint32_t>(line_start - begin));
    if (lf < line_start) lf = next(line_start, '\n');
    if (cr < line_start) cr = next(line_start, '\r');
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

namespace {

bool is_break(char c) { return c == '\n' || c == '\r'; }

std::string_view without_break(std::string_view line) {
  while (!line.empty() && is_break(line.back())) line.remove_suffix(1);
  return line;
}

}  // namespace

const SourceText::KeptLine* SourceText::kept_line(std::uint32_t number) const {
  const auto it = std::lower_bound(kept_.begin(), kept_.end(), number,
                                   [](const KeptLine& k, std::uint32_t n) { return k.number < n; });
  return it != kept_.end() && it->number == number ? &*it : nullptr;
}

std::uint32_t SourceText::kept_length(const KeptLine& line) const {
  const auto next = static_cast<std::size_t>(&line - kept_.data()) + 1;
  return (next < kept_.size() ? kept_[next].at : static_cast<std::uint32_t>(text.size())) - line.at;
}

LineColumn SourceText::locate(std::uint32_t offset) const {
  if (!compacted_) return lines.locate(text, offset);
  offset = std::min(offset, original_size_);
  const auto it = std::upper_bound(kept_.begin(), kept_.end(), offset,
                                   [](std::uint32_t o, const KeptLine& k) { return o < k.start; });
  if (it == kept_.begin()) return {1, 1};  // not on a kept line: never asked for (lint_run keeps them)
  const KeptLine& line = *std::prev(it);
  const std::string_view whole = std::string_view(text).substr(line.at, kept_length(line));
  const std::uint32_t into = offset - line.start;
  const bool has_break = !whole.empty() && is_break(whole.back());
  // The end of a line with a break is the start of the next one, as in the whole text.
  if (into > whole.size() || (into == whole.size() && has_break)) return {line.number + 1, 1};
  return {line.number, static_cast<std::uint32_t>(utf8::count_code_points(whole.substr(0, into)) + 1)};
}

std::uint32_t SourceText::line_start(std::uint32_t line) const {
  if (!compacted_) return lines.line_start(line);
  if (const KeptLine* k = kept_line(line)) return k->start;
  if (const KeptLine* before = kept_line(line - 1)) return before->start + kept_length(*before);
  return original_size_;
}

std::string_view SourceText::line_with_break(std::uint32_t line) const {
  if (compacted_) {
    const KeptLine* k = kept_line(line);
    return k ? std::string_view(text).substr(k->at, kept_length(*k)) : std::string_view();
  }
  const std::uint32_t begin = lines.line_start(line);
  const std::uint32_t end = line < lines.line_count() ? lines.line_start(line + 1) : static_cast<std::uint32_t>(text.size());
  return std::string_view(text).substr(begin, end - begin);
}

std::string_view SourceText::line_text(std::uint32_t line) const { return without_break(line_with_break(line)); }

void SourceText::keep_only_lines(std::vector<std::uint32_t> keep) {
  if (compacted_) return;
  std::sort(keep.begin(), keep.end());
  keep.erase(std::unique(keep.begin(), keep.end()), keep.end());
  std::string kept_text;
  std::vector<KeptLine> kept;
  for (const std::uint32_t number : keep) {
    if (number == 0 || number > lines.line_count()) continue;
    const std::string_view line = line_with_break(number);
    kept.push_back({number, lines.line_start(number), static_cast<std::uint32_t>(kept_text.size())});
    kept_text += line;
  }
  line_total_ = lines.line_count();
  original_size_ = static_cast<std::uint32_t>(text.size());
  text.swap(kept_text);  // not moved: a short kept text moved in would leave the file's buffer in place
  give_back_file_buffer(std::move(kept_text));  // the next file read takes it
  kept_ = std::move(kept);
  lines = LineIndex(std::string_view());
  // Swapped with empty ones, not cleared: clear() keeps the capacity (the memory).
  std::vector<std::uint32_t>().swap(invalid_offsets);
  give_back_raw_offsets(std::move(raw_offsets));  // the next file decoded takes them
  std::vector<std::uint32_t>().swap(raw_offsets);
  compacted_ = true;
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
