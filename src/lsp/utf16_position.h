// LSP positions: 0-based line and character, the character counted in UTF-16 code units
// (a CJK character is 1, a character outside the BMP such as 𠀋 is 2). Lines end at \n, \r\n
// or \r, as LSP says.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace nblint::lsp {

struct LspPosition {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  auto operator<=>(const LspPosition&) const = default;
};

struct LspRange {
  LspPosition start, end;
  // Touching counts: a zero-width range at a diagnostic's end still asks for its fixes.
  bool meets(const LspRange& other) const { return !(end < other.start || other.end < start); }
};

// A line index over a document's UTF-8 text; the text must outlive it.
class Utf16Lines {
 public:
  explicit Utf16Lines(std::string_view text);
  // The position of byte `offset` (clamped to the text's end).
  LspPosition position(std::uint32_t offset) const;

 private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;
};

}  // namespace nblint::lsp
