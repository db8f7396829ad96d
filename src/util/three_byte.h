// Well-formed three-byte UTF-8 sequences (U+0800–U+FFFF less the surrogates): nearly every
// character of a Chinese report. utf8::decode takes them first; the whole-text passes
// (normalizer, noise scan) test for them directly, reading the two continuation bytes as one
// 16-bit word.
#pragma once
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace nblint::three_byte {

// Both bytes at p are continuation bytes (10xxxxxx).
inline bool continuations(const unsigned char* p) {
  std::uint16_t v;
  std::memcpy(&v, p, 2);
  return (v & 0xC0C0) == 0x8080;
}

// The code point of the sequence at p, assuming its shape (1110xxxx 10xxxxxx 10xxxxxx).
inline char32_t code_point(const unsigned char* p) {
  return (static_cast<char32_t>(p[0] & 0x0F) << 12) | (static_cast<char32_t>(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
}

// The code point at p (three readable bytes) when they are a well-formed sequence, else 0.
inline char32_t at(const unsigned char* p) {
  if ((p[0] & 0xF0) != 0xE0 || !continuations(p + 1)) return 0;
  const char32_t cp = code_point(p);
  return cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF) ? cp : 0;
}

// The same when four bytes at p are readable: one load and one mask test on little-endian
// machines instead of three byte loads.
inline char32_t at_with_slack(const unsigned char* p) {
  if constexpr (std::endian::native == std::endian::little) {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    if ((w & 0xC0C0F0) != 0x8080E0) return 0;
    const char32_t cp = ((w & 0x0F) << 12) | ((w >> 2) & 0xFC0) | ((w >> 16) & 0x3F);
    return cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF) ? cp : 0;
  } else {
    return at(p);
  }
}

// The code point at p when `available` bytes from p on are readable (at least three): the
// one-load test where a fourth byte is there.
inline char32_t at(const unsigned char* p, std::size_t available) { return available >= 4 ? at_with_slack(p) : at(p); }

}  // namespace nblint::three_byte
