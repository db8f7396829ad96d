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
  std::string encoding;       // e.g. "UTF-8", "GB18030"
  std::string detected_by;    // how the encoding was chosen ("BOM", "--encoding", …)
  std::uint32_t bom_bytes = 0;  // bytes of byte-order mark dropped before `text`
  std::string text;           // decoded UTF-8; invalid sequences replaced by U+FFFD
  std::vector<std::uint32_t> invalid_offsets;  // where U+FFFD replaced undecodable bytes
  // raw_offsets[i]: byte offset in the file of text byte i; empty when text is the file's
  // bytes minus the byte-order mark.
  std::vector<std::uint32_t> raw_offsets;
  LineIndex lines{std::string_view()};

  LineColumn locate(std::uint32_t offset) const { return lines.locate(text, offset); }
  // Byte offset in the original file of text offset `offset`.
  std::uint32_t raw_offset(std::uint32_t offset) const {
    return raw_offsets.empty() ? offset + bom_bytes : raw_offsets.at(offset);
  }
  // The text of line `line` (1-based), without its line break.
  std::string_view line_text(std::uint32_t line) const;
};

struct Decoded;
// Builds a SourceText from decoded bytes (ingest/decode.h).
SourceText make_source_text(std::string display_path, Decoded&& decoded);

}  // namespace nblint
