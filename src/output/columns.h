// One internal position (a byte offset into SourceText::text), converted for each consumer:
// they disagree on every line of Chinese text. LSP counts UTF-16 units, reviewdog's rdjson
// UTF-8 bytes, Vim's %c bytes, GCC display columns (CJK counts 2), our text and JSON code points.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "ingest/source_text.h"

namespace nblint {

enum class ColumnUnit { CodePoint, Utf16, Byte, Display };

std::optional<ColumnUnit> parse_column_unit(std::string_view name);  // codepoint|utf16|byte|display
std::string_view column_unit_name(ColumnUnit unit);

// Columns a code point takes on a terminal: 2 for East Asian Wide and Fullwidth (ICU), 0 for
// combining marks and format characters, else 1.
int display_width(char32_t c);
// Display width of UTF-8 text.
std::uint32_t display_width(std::string_view utf8);

// Length of the first `bytes` bytes of UTF-8 `line` in `unit` (0-based column of that byte).
std::uint32_t columns_before(std::string_view line, std::uint32_t bytes, ColumnUnit unit);

struct Position {
  std::uint32_t line;    // 1-based
  std::uint32_t column;  // 1-based, in the unit asked for
};

// Where byte `offset` of source.text is, with the column in `unit`.
Position position_of(const SourceText& source, std::uint32_t offset, ColumnUnit unit);

}  // namespace nblint
