#include "output/columns.h"

#include <unicode/uchar.h>

#include "util/utf8.h"

namespace nblint {

std::optional<ColumnUnit> parse_column_unit(std::string_view name) {
  if (name == "codepoint") return ColumnUnit::CodePoint;
  if (name == "utf16") return ColumnUnit::Utf16;
  if (name == "byte") return ColumnUnit::Byte;
  if (name == "display") return ColumnUnit::Display;
  return std::nullopt;
}

std::string_view column_unit_name(ColumnUnit unit) {
  switch (unit) {
    case ColumnUnit::CodePoint: return "codepoint";
    case ColumnUnit::Utf16: return "utf16";
    case ColumnUnit::Byte: return "byte";
    case ColumnUnit::Display: return "display";
  }
  return "codepoint";
}

int display_width(char32_t c) {
  const auto cp = static_cast<UChar32>(c);
  const auto category = u_charType(cp);
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) return 0;
  const auto width = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

std::uint32_t display_width(std::string_view utf8) { return columns_before(utf8, static_cast<std::uint32_t>(utf8.size()), ColumnUnit::Display); }

std::uint32_t columns_before(std::string_view line, std::uint32_t bytes, ColumnUnit unit) {
  if (bytes > line.size()) bytes = static_cast<std::uint32_t>(line.size());
  if (unit == ColumnUnit::Byte) return bytes;
  std::uint32_t columns = 0;
  for (std::size_t i = 0; i < bytes;) {
    const utf8::Decoded d = utf8::decode(line, i);
    switch (unit) {
      case ColumnUnit::CodePoint: columns += 1; break;
      case ColumnUnit::Utf16: columns += d.cp > 0xFFFF ? 2 : 1; break;
      case ColumnUnit::Display: columns += static_cast<std::uint32_t>(display_width(d.cp)); break;
      case ColumnUnit::Byte: break;
    }
    i += d.length;
  }
  return columns;
}

Position position_of(const SourceText& source, std::uint32_t offset, ColumnUnit unit) {
  const LineColumn at = source.locate(offset);
  if (unit == ColumnUnit::CodePoint) return {at.line, at.column};
  const std::uint32_t start = source.line_start(at.line);
  return {at.line, columns_before(source.line_with_break(at.line), offset - start, unit) + 1};
}

}  // namespace nblint
