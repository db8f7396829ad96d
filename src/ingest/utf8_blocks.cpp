// The "lookup" algorithm of Keiser and Lemire, "Validating UTF-8 In Less Than One Instruction
// Per Byte" (Software: Practice and Experience, 2021), as simdjson and simdutf use it: every
// error shows in the high nibble of a byte and both nibbles of the byte before it, so three
// table lookups (pshufb) and an AND find all two-byte errors; a byte that must be the second or
// third continuation of a lead two or three bytes back is checked separately.
#include "ingest/utf8_blocks.h"

#include <cstdint>
#include <cstring>

#include "util/cpu_features.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define NBLINT_HAVE_UTF8_BLOCKS 1
#endif

namespace nblint {

#if NBLINT_HAVE_UTF8_BLOCKS

namespace {

// Error classes, one bit each (two share bit 6: they never meet the same byte pair).
constexpr std::uint8_t kTooShort = 1 << 0;   // lead, then not a continuation
constexpr std::uint8_t kTooLong = 1 << 1;    // ASCII, then a continuation
constexpr std::uint8_t kOverlong3 = 1 << 2;  // E0 80..9F
constexpr std::uint8_t kTooLarge = 1 << 3;   // F4 90..BF, F5..FF
constexpr std::uint8_t kSurrogate = 1 << 4;  // ED A0..BF
constexpr std::uint8_t kOverlong2 = 1 << 5;  // C0, C1
constexpr std::uint8_t kTooLarge1000 = 1 << 6;  // F5..FF 80..8F
constexpr std::uint8_t kOverlong4 = 1 << 6;     // F0 80..8F
constexpr std::uint8_t kTwoConts = 1 << 7;      // a continuation after a continuation (see must_be_continuation)
constexpr std::uint8_t kCarry = kTooShort | kTooLong | kTwoConts;

// The validator (utf8_blocks_lookup.inc) at two widths, each compiled for its own instruction
// set (every function marked NBLINT_BLOCKS_TARGET): the vector type and the few operations it
// uses, then the validator itself.

namespace ssse3 {

#define NBLINT_BLOCKS_TARGET __attribute__((target("ssse3")))

using Vec = __m128i;
constexpr std::size_t kWidth = 16;

NBLINT_BLOCKS_TARGET inline Vec repeat(__m128i lane) { return lane; }
NBLINT_BLOCKS_TARGET inline Vec in_last_lane(__m128i lane) { return lane; }
NBLINT_BLOCKS_TARGET inline Vec splat(int byte) { return _mm_set1_epi8(static_cast<char>(byte)); }
NBLINT_BLOCKS_TARGET inline Vec load(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
NBLINT_BLOCKS_TARGET inline Vec lookup(Vec table, Vec index) { return _mm_shuffle_epi8(table, index); }
NBLINT_BLOCKS_TARGET inline Vec bit_and(Vec a, Vec b) { return _mm_and_si128(a, b); }
NBLINT_BLOCKS_TARGET inline Vec bit_or(Vec a, Vec b) { return _mm_or_si128(a, b); }
NBLINT_BLOCKS_TARGET inline Vec bit_xor(Vec a, Vec b) { return _mm_xor_si128(a, b); }
NBLINT_BLOCKS_TARGET inline Vec saturating_sub(Vec a, Vec b) { return _mm_subs_epu8(a, b); }
NBLINT_BLOCKS_TARGET inline Vec shift_right_4(Vec v) { return _mm_srli_epi16(v, 4); }
NBLINT_BLOCKS_TARGET inline bool is_ascii(Vec v) { return _mm_movemask_epi8(v) == 0; }
NBLINT_BLOCKS_TARGET inline bool is_zero(Vec v) {
  return _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128())) == 0xFFFF;
}
// The bytes N places back: the end of the previous block, then this one.
template <int N>
NBLINT_BLOCKS_TARGET inline Vec back(Vec input, Vec previous) {
  return _mm_alignr_epi8(input, previous, 16 - N);
}

#include "ingest/utf8_blocks_lookup.inc"
#undef NBLINT_BLOCKS_TARGET

}  // namespace ssse3

namespace avx2 {

#define NBLINT_BLOCKS_TARGET __attribute__((target("avx2")))

using Vec = __m256i;
constexpr std::size_t kWidth = 32;

NBLINT_BLOCKS_TARGET inline Vec repeat(__m128i lane) { return _mm256_broadcastsi128_si256(lane); }
NBLINT_BLOCKS_TARGET inline Vec in_last_lane(__m128i lane) {
  return _mm256_inserti128_si256(_mm256_set1_epi8(-1), lane, 1);
}
NBLINT_BLOCKS_TARGET inline Vec splat(int byte) { return _mm256_set1_epi8(static_cast<char>(byte)); }
NBLINT_BLOCKS_TARGET inline Vec load(const char* p) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)); }
NBLINT_BLOCKS_TARGET inline Vec lookup(Vec table, Vec index) { return _mm256_shuffle_epi8(table, index); }
NBLINT_BLOCKS_TARGET inline Vec bit_and(Vec a, Vec b) { return _mm256_and_si256(a, b); }
NBLINT_BLOCKS_TARGET inline Vec bit_or(Vec a, Vec b) { return _mm256_or_si256(a, b); }
NBLINT_BLOCKS_TARGET inline Vec bit_xor(Vec a, Vec b) { return _mm256_xor_si256(a, b); }
NBLINT_BLOCKS_TARGET inline Vec saturating_sub(Vec a, Vec b) { return _mm256_subs_epu8(a, b); }
NBLINT_BLOCKS_TARGET inline Vec shift_right_4(Vec v) { return _mm256_srli_epi16(v, 4); }
NBLINT_BLOCKS_TARGET inline bool is_ascii(Vec v) { return _mm256_movemask_epi8(v) == 0; }
NBLINT_BLOCKS_TARGET inline bool is_zero(Vec v) { return _mm256_testz_si256(v, v) != 0; }
// The bytes N places back. alignr works within 16-byte lanes, so it is given, beside this
// block, the 32 bytes that end 16 bytes into it: the previous block's high lane, this one's low.
template <int N>
NBLINT_BLOCKS_TARGET inline Vec back(Vec input, Vec previous) {
  return _mm256_alignr_epi8(input, _mm256_permute2x128_si256(previous, input, 0x21), 16 - N);
}

#include "ingest/utf8_blocks_lookup.inc"
#undef NBLINT_BLOCKS_TARGET

}  // namespace avx2

}  // namespace

bool utf8_blocks_available() {
  static const bool available = __builtin_cpu_supports("ssse3");
  return available;
}

bool utf8_blocks32_available() { return cpu_has_avx2(); }

bool utf8_valid_blocks(std::string_view s) { return utf8_blocks32_available() ? avx2::valid(s) : ssse3::valid(s); }

bool utf8_valid_blocks16(std::string_view s) { return ssse3::valid(s); }

bool utf8_valid_blocks32(std::string_view s) { return avx2::valid(s); }

#else

bool utf8_blocks_available() { return false; }
bool utf8_blocks32_available() { return false; }
bool utf8_valid_blocks(std::string_view) { return false; }
bool utf8_valid_blocks16(std::string_view) { return false; }
bool utf8_valid_blocks32(std::string_view) { return false; }

#endif

}  // namespace nblint
