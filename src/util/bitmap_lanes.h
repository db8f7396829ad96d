// Eight code points looked up at once in a bitmap indexed by their low bits (kBmpLetters, the
// required characters' slots): the bits' 32-bit words gathered (AVX2), each lane's bit moved to
// its sign. For scans that test every code point of a text and act on few of them: a sixth of
// the instructions of the loads and tests one at a time. Measure the time too (perf): a gather
// is not much faster than eight loads, and where many lanes pass (the word matcher's first
// characters, tried) the lanes were slower than the plain loop.
#pragma once
#include <cstdint>

#include "util/cpu_features.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define NBLINT_BITMAP_LANES 1
#endif

namespace nblint {

// Whether bitmap_lanes may be called (the processor has AVX2).
inline bool bitmap_lanes_available() {
#ifdef NBLINT_BITMAP_LANES
  return cpu_has_avx2();
#else
  return false;
#endif
}

#ifdef NBLINT_BITMAP_LANES

// Bit k of the result is the bit of code point codes[k] in `bitmap`, a bitmap of 64-bit words
// (bit c % 64 of word c / 64, little-endian) of `words32` 32-bit words (a power of two): code
// points are taken modulo 32 × words32. Only in functions compiled for AVX2.
[[gnu::always_inline, gnu::target("avx2")]] inline unsigned bitmap_lanes(__m256i codes, const std::uint64_t* bitmap,
                                                                          std::uint32_t words32) {
  // Read as 32-bit words, bit c % 64 of word c / 64 is bit c % 32 of word c / 32.
  const __m256i index = _mm256_and_si256(_mm256_srli_epi32(codes, 5), _mm256_set1_epi32(static_cast<int>(words32 - 1)));
  const __m256i word = _mm256_i32gather_epi32(reinterpret_cast<const int*>(bitmap), index, 4);
  // Shifted left by 31 - c % 32 = ~c & 31: the code point's bit becomes the lane's sign.
  const __m256i sign = _mm256_sllv_epi32(word, _mm256_andnot_si256(codes, _mm256_set1_epi32(31)));
  return static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(sign)));
}

#endif

}  // namespace nblint
