// A set of code points kept as one bit per code point's low 16 bits (8 KB): a clear bit says,
// with one load and a test, that a code point is NOT in the set. A set bit may also stand for a
// code point of another plane, so a hit is only a "maybe" that the caller checks exactly. For
// scans that must look at a few characters among many (most of a Chinese text is none of them).
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

namespace nblint {

class CodePointFilter {
 public:
  constexpr CodePointFilter() = default;
  constexpr explicit CodePointFilter(std::u32string_view set) {
    for (char32_t c : set) add(c);
  }
  constexpr void add(char32_t c) { bits_[(c >> 6) & 1023] |= std::uint64_t{1} << (c & 63); }
  constexpr bool may_hold(char32_t c) const { return (bits_[(c >> 6) & 1023] >> (c & 63)) & 1; }

 private:
  std::array<std::uint64_t, 1024> bits_{};
};

}  // namespace nblint
