// Searching UTF-32 text for one or a few code points, fast.
//
// std::u32string_view::find(char32_t) and find_first_of run char_traits<char32_t>::find, one
// element at a time; over whole reports (every line break, every '|') that was about a tenth of
// the run. wchar_t is UTF-32 where glibc's vectorised wmemchr is available; elsewhere the
// searches fall back to the standard ones.
#pragma once
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cwchar>
#include <string_view>
#include <utility>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace nblint {

// The first `c` at or after `pos`, or npos (as u32string_view::find).
inline std::size_t find_code_point(std::u32string_view s, char32_t c, std::size_t pos = 0) {
  if (pos >= s.size()) return std::u32string_view::npos;
  if constexpr (sizeof(wchar_t) == sizeof(char32_t)) {
    const auto* data = reinterpret_cast<const wchar_t*>(s.data());
    const wchar_t* hit = std::wmemchr(data + pos, static_cast<wchar_t>(c), s.size() - pos);
    return hit ? static_cast<std::size_t>(hit - data) : std::u32string_view::npos;
  } else {
    return s.find(c, pos);
  }
}

// The first `needle` (not empty) at or after `pos`, or npos (as u32string_view::find).
inline std::size_t find_text(std::u32string_view s, std::u32string_view needle, std::size_t pos = 0) {
  for (std::size_t at = find_code_point(s, needle.front(), pos); at != std::u32string_view::npos;
       at = find_code_point(s, needle.front(), at + 1))
    if (s.substr(at, needle.size()) == needle) return at;
  return std::u32string_view::npos;
}

// The first of `set` (a few code points, a string literal) at or after `pos`, or npos (as
// find_first_of). One vectorised search per code point, each stopping where an earlier one hit.
template <std::size_t N>
std::size_t find_any_of(std::u32string_view s, const char32_t (&set)[N], std::size_t pos = 0) {
  std::size_t first = std::u32string_view::npos;
  for (std::size_t k = 0; k + 1 < N; ++k) {  // N - 1: without the literal's terminating U'\0'
    const std::u32string_view before = first == std::u32string_view::npos ? s : s.substr(0, first);
    const std::size_t at = find_code_point(before, set[k], pos);
    if (at != std::u32string_view::npos) first = at;
  }
  return first;
}

#if defined(__SSE2__)
// All ones in the lanes of `block` that equal one of `set` (a string literal: N - 1 code points
// without its terminating U'\0'), the comparisons unrolled at compile time. Always inlined: a
// call per block would cost more than the block's comparisons.
template <std::size_t N, std::size_t... K>
[[gnu::always_inline]] inline __m128i lanes_in(__m128i block, const char32_t (&set)[N], std::index_sequence<K...>) {
  return (_mm_cmpeq_epi32(block, _mm_set1_epi32(static_cast<int>(set[K]))) | ...);
}
template <std::size_t N>
[[gnu::always_inline]] inline __m128i lanes_in(__m128i block, const char32_t (&set)[N]) {
  return lanes_in(block, set, std::make_index_sequence<N - 1>());
}
#endif

// The same answer as find_any_of, in one pass over `s`: for a set of several code points that
// each occur often (find_any_of searches once per code point). Eight code points at a time with
// SSE2 (part of every x86-64), one at a time elsewhere. Inlined: the callers are per-character
// scanners, whose loops GCC otherwise turns into a call per search.
template <std::size_t N>
[[gnu::always_inline]] inline std::size_t find_any_of_in_one_pass(std::u32string_view s, const char32_t (&set)[N], std::size_t pos = 0) {
  std::size_t i = pos;
#if defined(__SSE2__)
  for (; i + 8 <= s.size(); i += 8) {
    const auto* at = reinterpret_cast<const __m128i*>(s.data() + i);
    const __m128i low = lanes_in(_mm_loadu_si128(at), set), high = lanes_in(_mm_loadu_si128(at + 1), set);
    if (_mm_movemask_epi8(low | high)) {
      const int lanes = _mm_movemask_ps(_mm_castsi128_ps(low)) | _mm_movemask_ps(_mm_castsi128_ps(high)) << 4;
      return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(lanes)));
    }
  }
#endif
  for (; i < s.size(); ++i)
    for (std::size_t k = 0; k + 1 < N; ++k)
      if (s[i] == set[k]) return i;
  return std::u32string_view::npos;
}

// How many code points of `s` are one of `set` (a handful): as std::count_if, four code points
// at a time with SSE2 (GCC vectorises the plain loop at -O3 but not at -O2).
template <std::size_t N>
std::size_t count_any_of(std::u32string_view s, const char32_t (&set)[N]) {
  std::size_t i = 0, count = 0;
#if defined(__SSE2__)
  __m128i lanes = _mm_setzero_si128();  // per lane, minus the hits (a hit lane is all ones: -1)
  for (; i + 4 <= s.size(); i += 4)
    lanes = _mm_sub_epi32(lanes, lanes_in(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i)), set));
  alignas(16) std::uint32_t sums[4];
  _mm_store_si128(reinterpret_cast<__m128i*>(sums), lanes);
  count = std::size_t{sums[0]} + sums[1] + sums[2] + sums[3];
#endif
  for (; i < s.size(); ++i)
    for (std::size_t k = 0; k + 1 < N; ++k) count += s[i] == set[k];
  return count;
}

}  // namespace nblint
