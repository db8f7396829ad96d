// The hash of a shingle (kShingle consecutive letters of a wording) in a text fingerprint:
// FNV-1a over its code points, one shingle at a time or, where the processor allows, the
// overlapping shingles of a wording four at a time.
#pragma once
#include <cstddef>
#include <cstdint>

namespace nblint {

inline constexpr std::size_t kShingle = 4;  // four characters: about two Chinese words

inline constexpr std::uint64_t kFnvOffset = 1469598103934665603ull, kFnvPrime = 1099511628211ull;

// FNV-1a over the kShingle code points from s.
inline std::uint64_t fnv_shingle(const char32_t* s) {
  std::uint64_t h = kFnvOffset;
#pragma GCC unroll 4
  for (std::size_t k = 0; k < kShingle; ++k) h = (h ^ s[k]) * kFnvPrime;
  return h;
}

// Whether fnv_shingles_in_lanes may be called: the processor multiplies 64-bit lanes
// (AVX-512DQ). AVX2 has no such multiplication; composed of 32-bit ones it costs as many
// instructions as fnv_shingle, so other processors hash one shingle at a time.
bool fnv_lanes_available();

// out[t] = fnv_shingle(s + t) for t < count (s holds count + kShingle - 1 code points), four
// shingles a vector: lane t's k-th code point is s[t + k], and the lanes do fnv_shingle's
// operations, so give the same hashes. Only where fnv_lanes_available().
void fnv_shingles_in_lanes(const char32_t* s, std::size_t count, std::uint64_t* out);

}  // namespace nblint
