// Writing a number as a Chinese counting numeral (十二, 一百零五), the way Word list numbering and
// the national formats' headings write them. Reading numerals is parse/chinese_numeral.h.
#pragma once
#include <string>

namespace nblint {

// `n` (1 … 999) with the ten digit glyphs `digits` (digits[0] is the zero written inside a
// number, 零 or 〇) and the words for ten and hundred: 11 → 十一, 111 → 一百一十一, 105 → 一百零五.
// Empty for numbers outside 1 … 999.
std::string chinese_counting(long long n, const char* const digits[10], const char* ten, const char* hundred);

// The everyday form: 零一二…九 with 十 and 百 (12 → 十二). Empty outside 1 … 999.
std::string chinese_counting(long long n);

}  // namespace nblint
