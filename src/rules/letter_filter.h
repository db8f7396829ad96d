// The letters of a text (u_isalpha: letters and ideographs), kept in order: what a text
// fingerprint compares (rules/text_fingerprint's wording_of).
#pragma once
#include <cstddef>
#include <string_view>

#include <unicode/uchar.h>

#include "util/bmp_letters.h"

namespace nblint {

inline bool is_letter(char32_t c) {  // exactly u_isalpha: ideographs are alphabetic in ICU
  return c < 0x10000 ? is_bmp_letter(c) : u_isalpha(static_cast<UChar32>(c));
}

// Room keep_letters needs in `out` past text.size(): it writes eight code points at a time.
inline constexpr std::size_t kLetterSlack = 8;

// Copies the letters of `text` to `out` (text.size() + kLetterSlack code points of room) in
// order; returns how many. With AVX2 (chosen at run time) eight code points at a time: their
// bits in kBmpLetters gathered, the letters moved together with a permutation; a block that
// holds a code point above the BMP goes one at a time, through is_letter.
std::size_t keep_letters(std::u32string_view text, char32_t* out);

}  // namespace nblint
