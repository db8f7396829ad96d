#include "text/plain_run.h"

#include "text/fold.h"
#include "util/cpu_features.h"
#include "util/three_byte.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define NBLINT_HAVE_PLAIN_RUN_BLOCKS 1
#endif

namespace nblint::plain_run {

namespace {

// The fold of a three-byte character when it is one character other than '('; 0 otherwise.
inline char32_t single_fold(char32_t cp) {
  if (!fold::bmp_changes(cp)) return cp;
  const std::uint32_t e = fold::entry(cp);
  if ((e & 0xFF) != 1) return 0;  // removed, or more than one character
  const char32_t folded = fold_table::kPool[e >> 8];
  return folded == U'(' ? 0 : folded;
}

inline std::uint32_t origin_of(const Output& out, std::size_t byte) {
  return out.map ? out.map[byte] : out.offset + static_cast<std::uint32_t>(byte);
}

// ASCII that is its own fold and that the writer need not see: not '\r' (line breaks are
// folded) nor '(' (the writer records each).
inline bool plain_ascii(unsigned char b) { return b < 0x80 && b != '\r' && b != '('; }

// The plain ASCII at `done`, while out.room lasts; false when there is none.
inline bool take_ascii(const unsigned char* p, std::size_t bytes, const Output& out, Folded& done) {
  const std::size_t start = done.chars;
  while (done.chars < out.room && done.bytes < bytes && plain_ascii(p[done.bytes])) {
    out.text[done.chars] = p[done.bytes];
    out.origin[done.chars] = origin_of(out, done.bytes);
    ++done.chars;
    ++done.bytes;
  }
  return done.chars != start;
}

// Up to `limit` characters (and out.room) one at a time; false when the run ends.
inline bool fold_one_by_one(const unsigned char* p, std::size_t bytes, const Output& out, std::size_t limit,
                            Folded& done) {
  for (std::size_t k = 0; k < limit; ++k) {
    if (done.chars == out.room || done.bytes == bytes) return false;
    if (p[done.bytes] < 0x80) {
      if (!plain_ascii(p[done.bytes])) return false;
      out.text[done.chars] = p[done.bytes];
      out.origin[done.chars] = origin_of(out, done.bytes);
      ++done.chars;
      ++done.bytes;
      continue;
    }
    if (done.bytes + 3 > bytes) return false;
    const char32_t cp = three_byte::at(p + done.bytes, bytes - done.bytes);  // one load when it can
    const char32_t folded = cp ? single_fold(cp) : 0;
    if (folded == 0) return false;
    out.text[done.chars] = folded;
    out.origin[done.chars] = origin_of(out, done.bytes);
    ++done.chars;
    done.bytes += 3;
  }
  return true;
}

#if NBLINT_HAVE_PLAIN_RUN_BLOCKS

#define NBLINT_AVX2 __attribute__((target("avx2")))

// The first `n` (at most 8) characters of the block at `done` are written: their origins too.
// All eight origins are stored (the block loop has room for eight, and a map has an entry for
// each of the block's 24 bytes); the ones past `n`, like the characters, are not counted.
NBLINT_AVX2 inline void commit(const Output& out, std::size_t n, Folded& done) {
  const __m256i steps = _mm256_setr_epi32(0, 3, 6, 9, 12, 15, 18, 21);
  const __m256i origins =
      out.map ? _mm256_i32gather_epi32(reinterpret_cast<const int*>(out.map + done.bytes), steps, 4)
              : _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>(out.offset + done.bytes)), steps);
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(out.origin + done.chars), origins);
  done.chars += n;
  done.bytes += 3 * n;
}

// `v`, which the compiler can no longer see is a constant: it stays in its register instead of
// being rebuilt where it is used.
NBLINT_AVX2 inline __m256i in_register(__m256i v) {
  asm("" : "+x"(v));
  return v;
}

// How many characters the block starts with that have the three-byte shape, from the shape
// test's byte mask: characters 0-3 are bits 0-11, 4-7 bits 16-27 (bits 12-15 and 28-31 are
// bytes not looked at, always set).
inline unsigned shaped_characters(unsigned shaped) {
  if (shaped == ~0u) return 8;
  const unsigned first_bad = static_cast<unsigned>(__builtin_ctz(~shaped));
  return first_bad < 16 ? first_bad / 3 : 4 + (first_bad - 16) / 3;
}

// Blocks of eight three-byte characters (two 128-bit lanes of four, each lane's first 12
// bytes), taken up to the first character that is not one, then ASCII one by one. Where a block
// does not fit (the last 27 bytes, the last characters of out.room) the characters are taken
// one by one, and then blocks again.
NBLINT_AVX2 Folded fold_run_avx2(const unsigned char* p, std::size_t bytes, const Output& given) {
  const Output out = given;  // a local copy: the origins written cannot alias it
  constexpr char L = static_cast<char>(0xF0), C = static_cast<char>(0xC0);  // the shape's masks
  constexpr char E = static_cast<char>(0xE0), K = static_cast<char>(0x80);  // and values
  // Per lane, bytes 0–11: lead, continuation, continuation, four times; 12–15 are not looked at.
  const __m256i shape_mask = _mm256_setr_epi8(L, C, C, L, C, C, L, C, C, L, C, C, 0, 0, 0, 0,  //
                                              L, C, C, L, C, C, L, C, C, L, C, C, 0, 0, 0, 0);
  const __m256i shape = _mm256_setr_epi8(E, K, K, E, K, K, E, K, K, E, K, K, 0, 0, 0, 0,  //
                                         E, K, K, E, K, K, E, K, K, E, K, K, 0, 0, 0, 0);
  // Lane k of the shuffled block: lead << 16 | second << 8 | third, of character k.
  const __m256i gather = _mm256_setr_epi8(2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1,  //
                                          2, 1, 0, -1, 5, 4, 3, -1, 8, 7, 6, -1, 11, 10, 9, -1);
  // kChangesBmp read as 32-bit words: bit c % 32 of word c / 32 (little-endian, as x86 is).
  const auto* const changes = reinterpret_cast<const int*>(fold_table::kChangesBmp);
  // The constants of the decode and of the tests, kept in registers (in_register): GCC would
  // rebuild each of them in every block (a 64-bit immediate moved into a vector, broadcast).
  const __m256i low_6 = in_register(_mm256_set1_epi32(0x3F)), middle_6 = in_register(_mm256_set1_epi32(0xFC0));
  const __m256i high_4 = in_register(_mm256_set1_epi32(0xF000));
  const __m256i min_three_byte = in_register(_mm256_set1_epi32(0x800));
  const __m256i surrogate_mask = in_register(_mm256_set1_epi32(0xF800));
  const __m256i surrogate_value = in_register(_mm256_set1_epi32(0xD800));
  const __m256i bit_in_word = in_register(_mm256_set1_epi32(31));
  Folded done;
  for (;;) {
    while (done.bytes + 28 <= bytes && done.chars + 8 <= out.room) {
      const __m256i block = _mm256_loadu2_m128i(reinterpret_cast<const __m128i*>(p + done.bytes + 12),
                                                reinterpret_cast<const __m128i*>(p + done.bytes));
      const unsigned shaped = static_cast<unsigned>(
          _mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(block, shape_mask), shape)));
      // The block stops at its first character that is not well-formed three-byte UTF-8 or does
      // not fold to one character; what comes before it is taken from the block (blocks stop
      // often: at ASCII, line breaks, '（').
      unsigned n = shaped_characters(shaped);
      const __m256i w = _mm256_shuffle_epi8(block, gather);
      const __m256i cp = _mm256_or_si256(
          _mm256_or_si256(_mm256_and_si256(w, low_6), _mm256_and_si256(_mm256_srli_epi32(w, 2), middle_6)),
          _mm256_and_si256(_mm256_srli_epi32(w, 4), high_4));
      // Well-formed: not overlong (below U+0800), not a surrogate (U+D800–U+DFFF).
      const __m256i overlong = _mm256_cmpgt_epi32(min_three_byte, cp);
      const __m256i surrogate = _mm256_cmpeq_epi32(_mm256_and_si256(cp, surrogate_mask), surrogate_value);
      const unsigned ill_formed =
          static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_or_si256(overlong, surrogate)))) &
          ((1u << n) - 1);
      if (ill_formed != 0) n = static_cast<unsigned>(__builtin_ctz(ill_formed));
      char32_t* const t = out.text + done.chars;
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(t), cp);
      // Which of the eight fold to something else: their bits, gathered from the bitmap.
      const __m256i words = _mm256_i32gather_epi32(changes, _mm256_srli_epi32(cp, 5), 4);
      const __m256i bits = _mm256_srlv_epi32(words, _mm256_and_si256(cp, bit_in_word));
      unsigned changed =
          static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_slli_epi32(bits, 31)))) & ((1u << n) - 1);
      // A full-width comma, a traditional character: folded in place, unless its fold is not
      // one character; the run then ends before it.
      for (; changed != 0; changed &= changed - 1) {
        const unsigned k = static_cast<unsigned>(__builtin_ctz(changed));
        const char32_t folded = single_fold(t[k]);
        if (folded == 0) {
          commit(out, k, done);
          return done;
        }
        t[k] = folded;
      }
      commit(out, n, done);
      // What stopped the block: the run goes on through plain ASCII (in a Chinese text mostly a
      // character or two: digits, spaces, line ends), and ends at anything else.
      if (n < 8 && !take_ascii(p, bytes, out, done)) return done;
    }
    if (!fold_one_by_one(p, bytes, out, 8, done)) return done;
  }
}

#endif

}  // namespace

Folded fold_run(const unsigned char* p, std::size_t bytes, const Output& out) {
#if NBLINT_HAVE_PLAIN_RUN_BLOCKS
  if (cpu_has_avx2()) return fold_run_avx2(p, bytes, out);
#endif
  Folded done;
  fold_one_by_one(p, bytes, out, out.room, done);
  return done;
}

}  // namespace nblint::plain_run
