// A file's text as nblint sees it: the decoded UTF-8 and a line index over it.
// Every position in nblint (spans, diagnostics) is a byte offset into SourceText::text;
// line and column are derived from it here, and only here.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nblint {

struct LineColumn {
  std::uint32_t line;    // 1-based
  std::uint32_t column;  // 1-based, in Unicode code points
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  LineColumn locate(std::string_view text, std::uint32_t offset) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(starts_.size()); }
  std::uint32_t line_start(std::uint32_t line) const { return starts_.at(line - 1); }

 private:
  std::vector<std::uint32_t> starts_;
};

struct SourceText {
  std::string display_path;   // as given by the user ("-" is shown as "<stdin>")
  std::string encoding;       // e.g. "UTF-8"
  std::uint32_t bom_bytes = 0;  // bytes of byte-order mark dropped before `text`
  std::string text;           // decoded UTF-8; invalid sequences replaced by U+FFFD
  std::vector<std::uint32_t> invalid_offsets;  // where U+FFFD replaced undecodable bytes
  LineIndex lines{std::string_view()};

  LineColumn locate(std::uint32_t offset) const { return lines.locate(text, offset); }
  // The text of line `line` (1-based), without its line break.
  std::string_view line_text(std::uint32_t line) const;
};

// Builds a SourceText from raw bytes known (or assumed) to be UTF-8.
SourceText decode_utf8_source(std::string display_path, std::string_view bytes);

}  // namespace nblint
