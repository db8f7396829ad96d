#include "parse/blank_count.h"

#include "util/cpu_features.h"
#include "util/u32_search.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define NBLINT_BLANK_LANES 1
#endif

namespace nblint {

namespace {

constexpr char32_t kBlanks[] = U" \t\u00A0\u3000";  // is_blank's (parse/text_scan.h)

#if NBLINT_BLANK_LANES
// Per lane, minus the blanks (a blank lane compares as all ones: -1), summed at the end.
__attribute__((target("avx2"))) std::size_t count_blanks_avx2(std::u32string_view s) {
  static_assert(sizeof kBlanks / sizeof kBlanks[0] == 5, "four blanks and the terminating U'\\0'");
  const __m256i space = _mm256_set1_epi32(static_cast<int>(kBlanks[0])),
                tab = _mm256_set1_epi32(static_cast<int>(kBlanks[1])),
                nbsp = _mm256_set1_epi32(static_cast<int>(kBlanks[2])),
                ideographic = _mm256_set1_epi32(static_cast<int>(kBlanks[3]));
  __m256i lanes = _mm256_setzero_si256();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    const __m256i c = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s.data() + i));
    const __m256i blank = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi32(c, space), _mm256_cmpeq_epi32(c, tab)),
                                          _mm256_or_si256(_mm256_cmpeq_epi32(c, nbsp), _mm256_cmpeq_epi32(c, ideographic)));
    lanes = _mm256_sub_epi32(lanes, blank);
  }
  alignas(32) std::uint32_t sums[8];
  _mm256_store_si256(reinterpret_cast<__m256i*>(sums), lanes);
  std::size_t count = 0;
  for (std::uint32_t v : sums) count += v;
  return count + count_any_of(s.substr(i), kBlanks);
}
#endif

}  // namespace

std::size_t count_blanks(std::u32string_view s) {
#if NBLINT_BLANK_LANES
  if (cpu_has_avx2()) return count_blanks_avx2(s);
#endif
  return count_any_of(s, kBlanks);
}

}  // namespace nblint
