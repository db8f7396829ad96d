#include <doctest/doctest.h>

#include "util/utf8.h"

using namespace nblint;

TEST_CASE("utf8: decodes ASCII, CJK and non-BMP code points with their lengths") {
  const std::string s = "a中\xF0\x9F\x98\x80";  // a, 中, 😀
  auto d = utf8::decode(s, 0);
  CHECK(d.cp == U'a');
  CHECK(d.length == 1);
  d = utf8::decode(s, 1);
  CHECK(d.cp == U'中');
  CHECK(d.length == 3);
  d = utf8::decode(s, 4);
  CHECK(d.cp == U'\U0001F600');
  CHECK(d.length == 4);
  CHECK(utf8::count_code_points(s) == 3);
  CHECK(utf8::is_valid(s));
}

TEST_CASE("utf8: invalid, truncated and overlong sequences become U+FFFD without overrunning") {
  CHECK_FALSE(utf8::is_valid("\xC0\xAF"));       // overlong '/'
  CHECK_FALSE(utf8::is_valid("\xED\xA0\x80"));   // surrogate
  CHECK_FALSE(utf8::is_valid("\xE4\xB8"));       // truncated 中
  const std::string truncated = "\xE4\xB8";
  const auto d = utf8::decode(truncated, 0);
  CHECK_FALSE(d.valid);
  CHECK(d.cp == utf8::kReplacement);
  CHECK(d.length == 2);  // consumes the lead and its one continuation byte, no further
  CHECK(utf8::decode("\xFF", 0).length == 1);
}

TEST_CASE("utf8: encode round-trips") {
  const std::u32string s = U"政府信息公开😀x";
  CHECK(utf8::encode(s) == "政府信息公开😀x");
}
