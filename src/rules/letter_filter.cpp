#include "rules/letter_filter.h"

#include <array>
#include <bit>
#include <cstdint>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define NBLINT_LETTER_LANES 1
#endif

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

#ifdef NBLINT_LETTER_LANES
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
  // kBmpLetters read as 32-bit words: bit c & 63 of word c >> 6 is bit c & 31 of word c >> 5.
  const auto* const words = reinterpret_cast<const int*>(kBmpLetters);
  const __m256i word_mask = _mm256_set1_epi32(0x7FF), bit_mask = _mm256_set1_epi32(31);
  const char32_t* const t = text.data();
  std::size_t i = 0, kept = 0;
  for (; i + 8 <= text.size(); i += 8) {
    const __m256i c = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(t + i));
    if (!_mm256_testz_si256(c, _mm256_set1_epi32(~0xFFFF))) {  // above the BMP: one at a time
      kept += keep_letters_plain(text.substr(i, 8), out + kept);
      continue;
    }
    const __m256i word = _mm256_i32gather_epi32(words, _mm256_and_si256(_mm256_srli_epi32(c, 5), word_mask), 4);
    // Shifted left by 31 - (c & 31) = ~c & 31: the code point's bit becomes the lane's sign.
    const auto letters = static_cast<unsigned>(
        _mm256_movemask_ps(_mm256_castsi256_ps(_mm256_sllv_epi32(word, _mm256_andnot_si256(c, bit_mask)))));
    const __m256i lanes = _mm256_cvtepu8_epi32(_mm_cvtsi64_si128(static_cast<long long>(kKeptLanes[letters])));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + kept), _mm256_permutevar8x32_epi32(c, lanes));
    kept += static_cast<std::size_t>(std::popcount(letters));
  }
  return kept + keep_letters_plain(text.substr(i), out + kept);
}
#endif

}  // namespace

std::size_t keep_letters(std::u32string_view text, char32_t* out) {
#ifdef NBLINT_LETTER_LANES
  static const bool lanes = __builtin_cpu_supports("avx2");
  if (lanes) return keep_letters_avx2(text, out);
#endif
  return keep_letters_plain(text, out);
}

}  // namespace nblint
