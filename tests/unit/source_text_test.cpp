#include <doctest/doctest.h>

#include <algorithm>

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

TEST_CASE("source text: compacted to some lines, it answers as before for every offset on them") {
  // LF, CRLF and CR breaks, a blank line, an emoji, and a last line without a break.
  const std::string text = "一、总体情况\r\n正文😀x\n\n第三行\rend\n（二）表格 | 1 | 2\nlast";
  const SourceText whole = decode_utf8_source("t.txt", text);
  SourceText part = decode_utf8_source("t.txt", text);
  const std::vector<std::uint32_t> keep = {2, 5, 7, 5};
  part.keep_only_lines(keep);
  REQUIRE(part.compacted());
  CHECK(part.text.size() < whole.text.size());
  CHECK(part.line_count() == whole.line_count());
  std::size_t checked = 0;
  for (std::uint32_t offset = 0; offset <= whole.text.size(); ++offset) {
    const LineColumn at = whole.locate(offset);
    if (std::find(keep.begin(), keep.end(), at.line) == keep.end()) continue;
    ++checked;
    CAPTURE(offset);
    CHECK(part.locate(offset).line == at.line);
    CHECK(part.locate(offset).column == at.column);
    CHECK(part.line_start(at.line) == whole.line_start(at.line));
    CHECK(part.line_text(at.line) == whole.line_text(at.line));
    CHECK(part.line_with_break(at.line) == whole.line_with_break(at.line));
  }
  CHECK(checked > 20);
  // The end of a kept line with a break is the start of the next line, kept or not.
  const auto end_of_2 = static_cast<std::uint32_t>(whole.line_start(3));
  CHECK(part.locate(end_of_2).line == 3);
  CHECK(part.locate(end_of_2).column == 1);
  CHECK(part.line_text(3).empty());  // not kept
}
