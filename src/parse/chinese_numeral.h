// Values of Chinese numerals as they appear in numbering and dates: 一 … 九十九, 〇/零, 两.
#pragma once
#include <optional>
#include <string_view>

namespace nblint {

// 十二 → 12, 二十 → 20, 二十一 → 21, 〇 → 0; nullopt when the characters do not form a number.
// Digit strings (二〇二〇 → 2020) are read positionally when they hold no 十.
std::optional<int> chinese_numeral_value(std::u32string_view s);

// Value of a numbering token: Chinese numerals, ASCII digits, or a circled number (① → 1).
std::optional<int> numbering_value(std::u32string_view s);

}  // namespace nblint
