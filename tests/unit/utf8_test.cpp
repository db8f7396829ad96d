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

TEST_CASE("utf8: the inline decode agrees with the general decoder on every lead byte and three-byte sequence") {
  const auto same = [](std::string_view s, std::size_t i) {
    const utf8::Decoded fast = utf8::decode(s, i), general = utf8::decode_any(s, i);
    return fast.cp == general.cp && fast.length == general.length && fast.valid == general.valid;
  };
  std::size_t mismatches = 0;
  for (int b0 = 0; b0 < 256; ++b0) {
    const char lead = static_cast<char>(b0);
    mismatches += !same(std::string_view(&lead, 1), 0);  // cut after the lead byte
    for (int b1 = 0; b1 < 256; ++b1) {
      const char two[2] = {lead, static_cast<char>(b1)};
      mismatches += !same(std::string_view(two, 2), 0);  // cut after two bytes
      if (b0 < 0xE0 || b0 > 0xEF) continue;  // the inline path reads three bytes only after E0–EF
      for (int b2 = 0; b2 < 256; ++b2) {
        const char three[4] = {lead, static_cast<char>(b1), static_cast<char>(b2), 'x'};
        mismatches += !same(std::string_view(three, 3), 0);
        mismatches += !same(std::string_view(three, 4), 0);
      }
    }
  }
  CHECK(mismatches == 0);
}
