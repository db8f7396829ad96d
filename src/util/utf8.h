// Small UTF-8 helpers used across stages. Decoding never throws: invalid sequences come
// back as U+FFFD with the number of bytes consumed, so callers can report and go on.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/three_byte.h"

namespace nblint::utf8 {

constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
  char32_t cp;
  std::uint8_t length;  // bytes consumed (>= 1)
  bool valid;
};

// Any sequence, well-formed or not (decode's general case).
Decoded decode_any(std::string_view s, std::size_t i);

// Decodes one code point at s[i]; i must be < s.size(). Inline for the two cases nearly every
// character of a report is (ASCII and a well-formed three-byte sequence: the normaliser and
// the noise scan call this per character, 8% of a check's instructions when it was a call).
inline Decoded decode(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1, true};
  if (i + 2 < s.size())
    if (const char32_t cp = three_byte::at(reinterpret_cast<const unsigned char*>(s.data()) + i)) return {cp, 3, true};
  return decode_any(s, i);
}

void append(std::string& out, char32_t cp);
std::string encode(std::u32string_view s);

// Code points in s (invalid bytes count one each, as decode() consumes them).
std::size_t count_code_points(std::string_view s);

// A Han character (CJK unified ideographs, extension A to G, compatibility ideographs).
inline bool is_han(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3134F);
}

// True when every byte sequence in s is well-formed UTF-8.
bool is_valid(std::string_view s);

}  // namespace nblint::utf8
