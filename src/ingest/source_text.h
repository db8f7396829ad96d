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
  std::string text;           // decoded UTF-8; invalid sequences replaced by U+FFFD (see keep_only_lines)
  std::vector<std::uint32_t> invalid_offsets;  // where U+FFFD replaced undecodable bytes
  // raw_offsets[i]: byte offset in the file of text byte i; empty when text is the file's
  // bytes minus the byte-order mark.
  std::vector<std::uint32_t> raw_offsets;
  LineIndex lines{std::string_view()};  // every line; empty once compacted

  LineColumn locate(std::uint32_t offset) const;
  std::uint32_t line_count() const { return compacted_ ? line_total_ : lines.line_count(); }
  // Byte offset in text where line `line` (1-based) begins.
  std::uint32_t line_start(std::uint32_t line) const;
  // Byte offset in the original file of text offset `offset`.
  std::uint32_t raw_offset(std::uint32_t offset) const {
    return raw_offsets.empty() ? offset + bom_bytes : raw_offsets.at(offset);
  }
  // The text of line `line` (1-based), without its line break.
  std::string_view line_text(std::uint32_t line) const;
  // The same with its line break.
  std::string_view line_with_break(std::uint32_t line) const;

  // What is left of a checked file for its output (cli/lint_run): the text of `keep` (line
  // numbers, any order) and nothing else. Offsets keep their meaning: locate, line_start,
  // line_text and line_with_break answer as before for every offset on a kept line (and the
  // end of one); `text`, `lines`, raw_offsets and invalid_offsets are no longer the file's.
  void keep_only_lines(std::vector<std::uint32_t> keep);
  bool compacted() const { return compacted_; }

 private:
  friend struct SourceTextCodec;  // cli/result_codec: a compacted source written to disk and back

  struct KeptLine {
    std::uint32_t number;  // 1-based line number
    std::uint32_t start;   // where the line began in the whole text
    std::uint32_t at;      // where it is in `text` now
  };
  const KeptLine* kept_line(std::uint32_t number) const;
  std::uint32_t kept_length(const KeptLine& line) const;  // with its line break

  bool compacted_ = false;
  std::vector<KeptLine> kept_;  // sorted; after keep_only_lines only
  std::uint32_t line_total_ = 0;
  std::uint32_t original_size_ = 0;
};

struct Decoded;
// Builds a SourceText from decoded bytes (ingest/decode.h).
SourceText make_source_text(std::string display_path, Decoded&& decoded);

}  // namespace nblint
