#include "rules/letter_filter.h"

#include <array>
#include <bit>
#include <cstdint>

#include "util/bitmap_lanes.h"

namespace nblint {

namespace {

std::size_t keep_letters_plain(std::u32string_view text, char32_t* out) {
  std::size_t kept = 0;
  for (const char32_t c : text) {  // branch-free: every code point written, the letters kept
    out[kept] = c;
    kept += is_letter(c);
  }
  return kept;
}

#ifdef NBLINT_BITMAP_LANES
// For each mask of eight lanes, the lanes it keeps, first to last, one byte each (the rest 0).
constexpr auto kKeptLanes = [] {
  std::array<std::uint64_t, 256> table{};
  for (unsigned mask = 0; mask < 256; ++mask) {
    unsigned at = 0;
    for (unsigned lane = 0; lane < 8; ++lane)
      if (mask >> lane & 1) table[mask] |= std::uint64_t{lane} << (8 * at++);
  }
  return table;
}();

__attribute__((target("avx2"))) std::size_t keep_letters_avx2(std::u32string_view text, char32_t* out) {
  const char32_t* const t = text.data();
  std::size_t i = 0, kept = 0;
  for (; i + 8 <= text.size(); i += 8) {
    const __m256i c = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(t + i));
    if (!_mm256_testz_si256(c, _mm256_set1_epi32(~0xFFFF))) {  // above the BMP: one at a time
      kept += keep_letters_plain(text.substr(i, 8), out + kept);
      continue;
    }
    const unsigned letters = bitmap_lanes(c, kBmpLetters, 0x10000 / 32);
    const __m256i lanes = _mm256_cvtepu8_epi32(_mm_cvtsi64_si128(static_cast<long long>(kKeptLanes[letters])));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + kept), _mm256_permutevar8x32_epi32(c, lanes));
    kept += static_cast<std::size_t>(std::popcount(letters));
  }
  return kept + keep_letters_plain(text.substr(i), out + kept);
}
#endif

}  // namespace

std::size_t keep_letters(std::u32string_view text, char32_t* out) {
#ifdef NBLINT_BITMAP_LANES
  if (bitmap_lanes_available()) return keep_letters_avx2(text, out);
#endif
  return keep_letters_plain(text, out);
}

}  // namespace nblint
