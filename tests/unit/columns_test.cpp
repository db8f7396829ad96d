#include <doctest/doctest.h>

#include "output/columns.h"

using namespace nblint;

TEST_CASE("columns: terminal width of characters (ICU East Asian Width)") {
  CHECK(display_width(U'a') == 1);
  CHECK(display_width(U'中') == 2);
  CHECK(display_width(U'，') == 2);       // fullwidth punctuation
  CHECK(display_width(U'１') == 2);       // fullwidth digit
  CHECK(display_width(U'\U0002000B') == 2);  // 𠀋, outside the BMP
  CHECK(display_width(U'\u0301') == 0);   // a combining accent
  CHECK(display_width(std::string_view("ab中文")) == 6);
}

TEST_CASE("columns: one byte offset counted in each unit") {
  // "统计𠀋 a": 统 计 (3 bytes each), 𠀋 (4 bytes, 2 UTF-16 units), a blank, then 'a' at byte 11.
  const std::string_view line = "统计\xF0\xA0\x80\x8B a";
  const std::uint32_t a = 11;
  REQUIRE(line.substr(a, 1) == "a");
  CHECK(columns_before(line, a, ColumnUnit::CodePoint) == 4);
  CHECK(columns_before(line, a, ColumnUnit::Utf16) == 5);
  CHECK(columns_before(line, a, ColumnUnit::Byte) == 11);
  CHECK(columns_before(line, a, ColumnUnit::Display) == 7);
  CHECK(columns_before(line, 0, ColumnUnit::Display) == 0);
  CHECK(columns_before(line, 999, ColumnUnit::Byte) == line.size());  // clamped to the line
}

TEST_CASE("columns: unit names round-trip") {
  for (const char* name : {"codepoint", "utf16", "byte", "display"}) CHECK(column_unit_name(*parse_column_unit(name)) == name);
  CHECK_FALSE(parse_column_unit("chars"));
}
