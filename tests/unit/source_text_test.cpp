#include <doctest/doctest.h>

#include "ingest/decode.h"
#include "ingest/source_text.h"

using namespace nblint;

namespace {
SourceText decode_utf8_source(std::string path, std::string_view bytes) {
  return make_source_text(std::move(path), std::get<Decoded>(decode_bytes(bytes)));
}
}  // namespace

TEST_CASE("source text: lines and code-point columns, for LF, CRLF and CR line breaks") {
  const SourceText src = decode_utf8_source("t.txt", "一、总体情况\r\n正文😀x\rend\nlast");
  CHECK(src.lines.line_count() == 4);
  const auto x = src.text.find('x');
  const LineColumn at = src.locate(static_cast<std::uint32_t>(x));
  CHECK(at.line == 2);
  CHECK(at.column == 4);  // 正 文 😀 x: the emoji is one code point
  CHECK(src.locate(static_cast<std::uint32_t>(src.text.find("end"))).line == 3);
  CHECK(src.locate(static_cast<std::uint32_t>(src.text.find("last"))).line == 4);
  CHECK(src.line_text(1) == "一、总体情况");
  CHECK(src.line_text(2) == "正文😀x");
}

TEST_CASE("source text: a byte-order mark is dropped and does not count as a column") {
  const SourceText src = decode_utf8_source("t.txt", "\xEF\xBB\xBF标题");
  CHECK(src.bom_bytes == 3);
  CHECK(src.text == "标题");
  CHECK(src.locate(3).column == 2);
}

TEST_CASE("source text: undecodable bytes are replaced and their positions recorded") {
  const SourceText src = decode_utf8_source("t.txt", std::string("ab\xFF" "cd"));
  CHECK(src.text == "ab\xEF\xBF\xBD" "cd");
  REQUIRE(src.invalid_offsets.size() == 1);
  CHECK(src.invalid_offsets[0] == 2);
  CHECK(src.locate(static_cast<std::uint32_t>(src.text.find('c'))).column == 4);
}
