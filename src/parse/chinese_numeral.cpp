#include "parse/chinese_numeral.h"

namespace nblint {

namespace {
int digit_value(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}
}  // namespace

std::optional<int> chinese_numeral_value(std::u32string_view s) {
  if (s.empty()) return std::nullopt;
  const auto ten = s.find(U'十');
  if (ten == std::u32string_view::npos) {
    if (s.size() > 9) return std::nullopt;
    int v = 0;
    for (char32_t c : s) {
      const int d = digit_value(c);
      if (d < 0) return std::nullopt;
      v = v * 10 + d;
    }
    return v;
  }
  if (s.find(U'十', ten + 1) != std::u32string_view::npos || ten > 1 || s.size() - ten > 2)
    return std::nullopt;
  int tens = 1;
  if (ten == 1) {
    tens = digit_value(s[0]);
    if (tens <= 0) return std::nullopt;
  }
  int units = 0;
  if (ten + 1 < s.size()) {
    units = digit_value(s[ten + 1]);
    if (units <= 0) return std::nullopt;
  }
  return tens * 10 + units;
}

std::optional<int> numbering_value(std::u32string_view s) {
  if (s.size() == 1 && s[0] >= U'\u2460' && s[0] <= U'\u2473') return static_cast<int>(s[0] - 0x2460 + 1);
  if (!s.empty() && s[0] >= U'0' && s[0] <= U'9') {
    int v = 0;
    for (char32_t c : s) {
      if (c < U'0' || c > U'9' || v > 100000) return std::nullopt;
      v = v * 10 + static_cast<int>(c - U'0');
    }
    return v;
  }
  return chinese_numeral_value(s);
}

}  // namespace nblint
