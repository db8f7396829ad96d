// The "lookup" algorithm of Keiser and Lemire, "Validating UTF-8 In Less Than One Instruction
// Per Byte" (Software: Practice and Experience, 2021), as simdjson and simdutf use it: every
// error shows in the high nibble of a byte and both nibbles of the byte before it, so three
// table lookups (pshufb) and an AND find all two-byte errors; a byte that must be the second or
// third continuation of a lead two or three bytes back is checked separately.
#include "ingest/utf8_blocks.h"

#include <cstdint>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define NBLINT_HAVE_UTF8_BLOCKS 1
#endif

namespace nblint {

#if NBLINT_HAVE_UTF8_BLOCKS

namespace {

#define NBLINT_SSSE3 __attribute__((target("ssse3")))

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

NBLINT_SSSE3 inline __m128i table(std::uint8_t b0, std::uint8_t b1, std::uint8_t b2, std::uint8_t b3, std::uint8_t b4,
                                  std::uint8_t b5, std::uint8_t b6, std::uint8_t b7, std::uint8_t b8, std::uint8_t b9,
                                  std::uint8_t b10, std::uint8_t b11, std::uint8_t b12, std::uint8_t b13,
                                  std::uint8_t b14, std::uint8_t b15) {
  return _mm_setr_epi8(static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2), static_cast<char>(b3),
                       static_cast<char>(b4), static_cast<char>(b5), static_cast<char>(b6), static_cast<char>(b7),
                       static_cast<char>(b8), static_cast<char>(b9), static_cast<char>(b10), static_cast<char>(b11),
                       static_cast<char>(b12), static_cast<char>(b13), static_cast<char>(b14), static_cast<char>(b15));
}

// The high nibble of each byte (no 8-bit shift on SSE: shift 16-bit lanes, then mask).
NBLINT_SSSE3 inline __m128i high_nibbles(__m128i v) { return _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0F)); }

// Error bits of each byte pair (byte before, byte).
NBLINT_SSSE3 inline __m128i pair_errors(__m128i input, __m128i prev1) {
  const __m128i byte_1_high = _mm_shuffle_epi8(
      table(kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,  // 0_______
            kTwoConts, kTwoConts, kTwoConts, kTwoConts,                                   // 10______
            kTooShort | kOverlong2,                                                       // 1100____
            kTooShort,                                                                    // 1101____
            kTooShort | kOverlong3 | kSurrogate,                                          // 1110____
            kTooShort | kTooLarge | kTooLarge1000 | kOverlong4),                          // 1111____
      high_nibbles(prev1));
  constexpr std::uint8_t kLarge = kCarry | kTooLarge | kTooLarge1000;
  const __m128i byte_1_low = _mm_shuffle_epi8(
      table(kCarry | kOverlong3 | kOverlong2 | kOverlong4,  // ____0000
            kCarry | kOverlong2,                           // ____0001
            kCarry, kCarry,                                // ____001_
            kCarry | kTooLarge,                            // ____0100
            kLarge, kLarge, kLarge,                        // ____0101, ____011_
            kLarge, kLarge, kLarge, kLarge, kLarge,        // ____1000 … ____1100
            kLarge | kSurrogate,                           // ____1101
            kLarge, kLarge),                               // ____111_
      _mm_and_si128(prev1, _mm_set1_epi8(0x0F)));
  constexpr std::uint8_t kCont = kTooLong | kOverlong2 | kTwoConts;
  const __m128i byte_2_high = _mm_shuffle_epi8(
      table(kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,  // 0_______
            kCont | kOverlong3 | kTooLarge1000 | kOverlong4,                                     // 1000____
            kCont | kOverlong3 | kTooLarge,                                                      // 1001____
            kCont | kSurrogate | kTooLarge, kCont | kSurrogate | kTooLarge,                      // 101_____
            kTooShort, kTooShort, kTooShort, kTooShort),                                         // 11______
      high_nibbles(input));
  return _mm_and_si128(_mm_and_si128(byte_1_high, byte_1_low), byte_2_high);
}

// Bytes `n` places back: the end of the previous block, then this one.
template <int N>
NBLINT_SSSE3 inline __m128i back(__m128i input, __m128i previous) {
  return _mm_alignr_epi8(input, previous, 16 - N);
}

// Errors of the block `input` that follows `previous`.
NBLINT_SSSE3 inline __m128i block_errors(__m128i input, __m128i previous) {
  const __m128i pairs = pair_errors(input, back<1>(input, previous));
  // 0x80 where the byte two back is E0..FF or three back is F0..FF: this byte must be a
  // continuation, which pair_errors marks as kTwoConts (bit 7); XOR turns the expected ones off.
  const __m128i third = _mm_subs_epu8(back<2>(input, previous), _mm_set1_epi8(static_cast<char>(0xE0 - 0x80)));
  const __m128i fourth = _mm_subs_epu8(back<3>(input, previous), _mm_set1_epi8(static_cast<char>(0xF0 - 0x80)));
  const __m128i must_be_continuation = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8(static_cast<char>(0x80)));
  return _mm_xor_si128(must_be_continuation, pairs);
}

// Non-zero where a block ends inside a sequence (a lead in its last three bytes still wanting more).
NBLINT_SSSE3 inline __m128i unfinished(__m128i input) {
  const __m128i max = table(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xF0 - 1,
                            0xE0 - 1, 0xC0 - 1);
  return _mm_subs_epu8(input, max);
}

// The running state over the blocks of one text.
struct Blocks {
  __m128i error = _mm_setzero_si128();
  __m128i previous = _mm_setzero_si128();
  __m128i previous_unfinished = _mm_setzero_si128();

  NBLINT_SSSE3 void check(__m128i input) {
    if (_mm_movemask_epi8(input) == 0) {  // ASCII: only a sequence left unfinished before it can be wrong
      error = _mm_or_si128(error, previous_unfinished);
    } else {
      error = _mm_or_si128(error, block_errors(input, previous));
      previous_unfinished = unfinished(input);
    }
    previous = input;
  }
};

}  // namespace

bool utf8_blocks_available() {
  static const bool available = __builtin_cpu_supports("ssse3");
  return available;
}

NBLINT_SSSE3 bool utf8_valid_blocks(std::string_view s) {
  Blocks blocks;
  std::size_t i = 0;
  for (; i + 16 <= s.size(); i += 16) blocks.check(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i)));
  // The tail, padded with NULs (ASCII: a sequence cut short by the end shows as kTooShort).
  char tail[16] = {};
  if (i < s.size()) std::memcpy(tail, s.data() + i, s.size() - i);
  blocks.check(_mm_loadu_si128(reinterpret_cast<const __m128i*>(tail)));
  const __m128i error = _mm_or_si128(blocks.error, blocks.previous_unfinished);
  return _mm_movemask_epi8(_mm_cmpeq_epi8(error, _mm_setzero_si128())) == 0xFFFF;
}

#else

bool utf8_blocks_available() { return false; }
bool utf8_valid_blocks(std::string_view) { return false; }

#endif

}  // namespace nblint
