#include "parse/noise_blocks.h"

#include <cstring>

#include "util/cpu_features.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define NBLINT_NOISE_BLOCKS 1
#endif

namespace nblint {

#if NBLINT_NOISE_BLOCKS

namespace {

#define NBLINT_AVX2 __attribute__((target("avx2")))

constexpr std::size_t kBlock = 32;

// Bytes `n` places back: the end of the previous block, then this one (alignr works per lane,
// so the lane below is put together first).
template <int N>
NBLINT_AVX2 inline __m256i back(__m256i input, __m256i previous) {
  return _mm256_alignr_epi8(input, _mm256_permute2x128_si256(previous, input, 0x21), 16 - N);
}

// `v`, which the compiler must then keep (in a register, or spilled) instead of rebuilding it
// from its constant: GCC otherwise rebuilds every _mm256_set1_epi8 (three instructions) in the
// loop, for each block.
NBLINT_AVX2 inline __m256i opaque(__m256i v) {
  asm("" : "+x"(v));
  return v;
}

NBLINT_AVX2 inline __m256i splat(int byte) { return opaque(_mm256_set1_epi8(static_cast<char>(byte))); }

// The bytes the patterns compare with, in all 32 lanes.
struct PatternBytes {
  __m256i question, c3, high_nibble, a0, ef, bf, bd, e9, x94, x9f;
  NBLINT_AVX2 static PatternBytes make() {
    return {splat('?'), splat(0xC3), splat(0xF0), splat(0xA0), splat(0xEF),
            splat(0xBF), splat(0xBD), splat(0xE9), splat(0x94), splat(0x9F)};
  }
};

NBLINT_AVX2 inline __m256i eq(__m256i a, __m256i b) { return _mm256_cmpeq_epi8(a, b); }

// Whether a noise pattern ends in the block `input` (after `previous`): '?', C3 A0–AF,
// EF BF BD, E9 94 9F.
NBLINT_AVX2 inline bool suspect(__m256i input, __m256i previous, const PatternBytes& p) {
  const __m256i prev1 = back<1>(input, previous), prev2 = back<2>(input, previous);
  const __m256i question = eq(input, p.question);
  const __m256i lead_residue = _mm256_and_si256(eq(prev1, p.c3), eq(_mm256_and_si256(input, p.high_nibble), p.a0));
  const __m256i replacement = _mm256_and_si256(_mm256_and_si256(eq(prev2, p.ef), eq(prev1, p.bf)), eq(input, p.bd));
  const __m256i kun = _mm256_and_si256(_mm256_and_si256(eq(prev2, p.e9), eq(prev1, p.x94)), eq(input, p.x9f));
  const __m256i any = _mm256_or_si256(_mm256_or_si256(question, lead_residue), _mm256_or_si256(replacement, kun));
  return !_mm256_testz_si256(any, any);
}

NBLINT_AVX2 std::size_t first_suspect_avx2(std::string_view source, std::size_t from, std::size_t until) {
  const PatternBytes p = PatternBytes::make();
  // At the start of a line the byte before is '\n': no pattern began before it.
  __m256i previous = _mm256_setzero_si256();
  std::size_t i = from;
  for (; i + kBlock <= source.size(); i += kBlock) {
    if (i >= until) return std::string_view::npos;
    const __m256i input = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(source.data() + i));
    if (suspect(input, previous, p)) return i;
    previous = input;
  }
  // The rest, padded with NULs (which end no pattern).
  if (i >= until || i == source.size()) return std::string_view::npos;
  alignas(32) char tail[kBlock] = {};
  std::memcpy(tail, source.data() + i, source.size() - i);
  return suspect(_mm256_load_si256(reinterpret_cast<const __m256i*>(tail)), previous, p) ? i : std::string_view::npos;
}

}  // namespace

bool noise_blocks_available() { return cpu_has_avx2(); }

std::size_t first_noise_suspect(std::string_view source, std::size_t from, std::size_t until) {
  return first_suspect_avx2(source, from, until);
}

#else

bool noise_blocks_available() { return false; }
std::size_t first_noise_suspect(std::string_view, std::size_t from, std::size_t) { return from; }

#endif

}  // namespace nblint
