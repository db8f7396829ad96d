// Which characters a text holds, as a 256-bit hash of each (a Bloom filter with one hash): it
// can answer "this text holds none of these characters" without searching the text again. It
// never answers wrongly that a character is missing; it may answer wrongly that one is there.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>

namespace nblint {

class CharFilter {
 public:
  CharFilter() = default;
  explicit CharFilter(std::u32string_view text) {
    for (const char32_t c : text) bits_[(c >> 6) & 3] |= std::uint64_t{1} << (c & 63);
  }
  bool may_hold(char32_t c) const { return (bits_[(c >> 6) & 3] >> (c & 63)) & 1; }
  // Every character of `word` may be in the text.
  bool may_hold_all(std::u32string_view word) const {
    for (const char32_t c : word)
      if (!may_hold(c)) return false;
    return true;
  }
  // At least one character of `chars` may be in the text.
  bool may_hold_any(std::u32string_view chars) const {
    for (const char32_t c : chars)
      if (may_hold(c)) return true;
    return false;
  }

 private:
  std::array<std::uint64_t, 4> bits_{};
};

}  // namespace nblint
