#include "rules/shingle_hash.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#include <immintrin.h>
#define NBLINT_FNV_LANES 1
#endif

namespace nblint {

#ifdef NBLINT_FNV_LANES

bool fnv_lanes_available() {
  static const bool available = __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
  return available;
}

__attribute__((target("avx512f,avx512dq,avx512vl"))) void fnv_shingles_in_lanes(const char32_t* s, std::size_t count, std::uint64_t* out) {
  constexpr std::size_t kLanes = 4;
  const __m256i offset = _mm256_set1_epi64x(static_cast<long long>(kFnvOffset));
  const __m256i prime = _mm256_set1_epi64x(static_cast<long long>(kFnvPrime));
  std::size_t t = 0;
  for (; t + kLanes <= count; t += kLanes) {
    __m256i h = offset;
#pragma GCC unroll 4
    for (std::size_t k = 0; k < kShingle; ++k) {
      const __m256i codes = _mm256_cvtepu32_epi64(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s + t + k)));
      h = _mm256_mullo_epi64(_mm256_xor_si256(h, codes), prime);
    }
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + t), h);
  }
  for (; t < count; ++t) out[t] = fnv_shingle(s + t);
}

#else

bool fnv_lanes_available() { return false; }

void fnv_shingles_in_lanes(const char32_t* s, std::size_t count, std::uint64_t* out) {
  for (std::size_t t = 0; t < count; ++t) out[t] = fnv_shingle(s + t);
}

#endif

}  // namespace nblint
