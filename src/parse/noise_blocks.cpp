#include "parse/noise_blocks.h"

#include <cstdint>
#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define NBLINT_NOISE_BLOCKS 1
#endif

#include "util/utf8_lookup.h"

namespace nblint {

#if NBLINT_NOISE_BLOCKS

namespace {

#define NBLINT_AVX2 __attribute__((target("avx2")))

constexpr std::size_t kBlock = 32;

// A 16-byte table in both 128-bit lanes (pshufb looks up within a lane).
NBLINT_AVX2 inline __m256i both_lanes(const utf8_lookup::Table& t) {
  return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data())));
}

NBLINT_AVX2 inline __m256i bytes_of(int b) { return _mm256_set1_epi8(static_cast<char>(b)); }

NBLINT_AVX2 inline __m256i high_nibbles(__m256i v) { return _mm256_and_si256(_mm256_srli_epi16(v, 4), bytes_of(0x0F)); }

// Bytes `n` places back: the end of the previous block, then this one (alignr works per lane,
// so the lane below is put together first).
template <int N>
NBLINT_AVX2 inline __m256i back(__m256i input, __m256i previous) {
  return _mm256_alignr_epi8(input, _mm256_permute2x128_si256(previous, input, 0x21), 16 - N);
}

struct Tables {
  __m256i byte_1_high, byte_1_low, byte_2_high, unfinished_max;
};

// Non-zero bytes where the block `input` (after `previous`) is not well-formed UTF-8.
NBLINT_AVX2 inline __m256i block_errors(__m256i input, __m256i prev1, __m256i prev2, __m256i prev3, const Tables& t) {
  const __m256i pairs = _mm256_and_si256(
      _mm256_and_si256(_mm256_shuffle_epi8(t.byte_1_high, high_nibbles(prev1)),
                       _mm256_shuffle_epi8(t.byte_1_low, _mm256_and_si256(prev1, bytes_of(0x0F)))),
      _mm256_shuffle_epi8(t.byte_2_high, high_nibbles(input)));
  // 0x80 where the byte two back is E0..FF or three back is F0..FF: this byte must be a
  // continuation, which the pairs mark as kTwoConts (bit 7); XOR turns the expected ones off.
  const __m256i third = _mm256_subs_epu8(prev2, bytes_of(0xE0 - 0x80));
  const __m256i fourth = _mm256_subs_epu8(prev3, bytes_of(0xF0 - 0x80));
  const __m256i must_be_continuation = _mm256_and_si256(_mm256_or_si256(third, fourth), bytes_of(0x80));
  return _mm256_xor_si256(must_be_continuation, pairs);
}

// `v`, which the compiler must then keep (in a register, or spilled) instead of rebuilding it
// from its constant: GCC otherwise rebuilds every _mm256_set1_epi8 (three instructions) in the
// loop, for each block.
NBLINT_AVX2 inline __m256i opaque(__m256i v) {
  asm("" : "+x"(v));
  return v;
}

// The bytes the patterns compare with, in all 32 lanes.
struct PatternBytes {
  __m256i question, c3, high_nibble, a0, ef, bf, bd, e9, x94, x9f;
  NBLINT_AVX2 static PatternBytes make() {
    return {opaque(bytes_of('?')), opaque(bytes_of(0xC3)), opaque(bytes_of(0xF0)), opaque(bytes_of(0xA0)),
            opaque(bytes_of(0xEF)), opaque(bytes_of(0xBF)), opaque(bytes_of(0xBD)), opaque(bytes_of(0xE9)),
            opaque(bytes_of(0x94)), opaque(bytes_of(0x9F))};
  }
};

NBLINT_AVX2 inline __m256i eq(__m256i a, __m256i b) { return _mm256_cmpeq_epi8(a, b); }

// All ones where a noise pattern ends: '?', C3 A0–AF, EF BF BD, E9 94 9F.
NBLINT_AVX2 inline __m256i pattern_ends(__m256i input, __m256i prev1, __m256i prev2, const PatternBytes& p) {
  const __m256i question = eq(input, p.question);
  const __m256i lead_residue = _mm256_and_si256(eq(prev1, p.c3), eq(_mm256_and_si256(input, p.high_nibble), p.a0));
  const __m256i replacement = _mm256_and_si256(_mm256_and_si256(eq(prev2, p.ef), eq(prev1, p.bf)), eq(input, p.bd));
  const __m256i kun = _mm256_and_si256(_mm256_and_si256(eq(prev2, p.e9), eq(prev1, p.x94)), eq(input, p.x9f));
  return _mm256_or_si256(_mm256_or_si256(question, lead_residue), _mm256_or_si256(replacement, kun));
}

// Whether the block `input`, after `previous`, is suspect; `unfinished` carries the non-zero
// bytes of a sequence the previous block left wanting more (when kValidate).
template <bool kValidate>
NBLINT_AVX2 inline bool suspect(__m256i input, __m256i previous, __m256i& unfinished, const Tables& t,
                                const PatternBytes& p) {
  if (!kValidate) {
    const __m256i prev1 = back<1>(input, previous), prev2 = back<2>(input, previous);
    const __m256i bad = pattern_ends(input, prev1, prev2, p);
    return !_mm256_testz_si256(bad, bad);
  }
  if (_mm256_movemask_epi8(input) == 0) {  // ASCII: only a sequence left unfinished, or a '?'
    const __m256i bad = _mm256_or_si256(unfinished, eq(input, p.question));
    unfinished = _mm256_setzero_si256();
    return !_mm256_testz_si256(bad, bad);
  }
  const __m256i prev1 = back<1>(input, previous), prev2 = back<2>(input, previous), prev3 = back<3>(input, previous);
  const __m256i bad = _mm256_or_si256(block_errors(input, prev1, prev2, prev3, t), pattern_ends(input, prev1, prev2, p));
  unfinished = _mm256_subs_epu8(input, t.unfinished_max);
  return !_mm256_testz_si256(bad, bad);
}

template <bool kValidate>
NBLINT_AVX2 std::size_t first_suspect_avx2(std::string_view source, std::size_t from, std::size_t until) {
  using namespace utf8_lookup;
  const Tables t{both_lanes(kByte1High), both_lanes(kByte1Low), both_lanes(kByte2High),
                 _mm256_insert_epi8(_mm256_insert_epi8(_mm256_insert_epi8(_mm256_set1_epi8(static_cast<char>(0xFF)),
                                                                          static_cast<char>(kUnfinishedAfter3), 29),
                                                       static_cast<char>(kUnfinishedAfter2), 30),
                                    static_cast<char>(kUnfinishedAfter1), 31)};
  const PatternBytes p = PatternBytes::make();
  // At the start of a line the byte before is '\n' (ASCII): nothing carries over.
  __m256i previous = _mm256_setzero_si256(), unfinished = _mm256_setzero_si256();
  std::size_t i = from;
  for (; i + kBlock <= source.size(); i += kBlock) {
    if (i >= until) return std::string_view::npos;
    const __m256i input = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(source.data() + i));
    if (suspect<kValidate>(input, previous, unfinished, t, p)) return i;
    previous = input;
  }
  // The rest, padded with NULs (ASCII: a sequence cut short by the end shows as too short).
  if (i >= until) return std::string_view::npos;
  alignas(32) char tail[kBlock] = {};
  if (i < source.size()) std::memcpy(tail, source.data() + i, source.size() - i);
  if (suspect<kValidate>(_mm256_load_si256(reinterpret_cast<const __m256i*>(tail)), previous, unfinished, t, p)) return i;
  return std::string_view::npos;
}

}  // namespace

bool noise_blocks_available() {
  static const bool available = __builtin_cpu_supports("avx2");
  return available;
}

std::size_t first_noise_suspect(std::string_view source, SourceForm form, std::size_t from, std::size_t until) {
  return form == SourceForm::well_formed ? first_suspect_avx2<false>(source, from, until)
                                         : first_suspect_avx2<true>(source, from, until);
}

#else

bool noise_blocks_available() { return false; }
std::size_t first_noise_suspect(std::string_view, SourceForm, std::size_t from, std::size_t) { return from; }

#endif

}  // namespace nblint
