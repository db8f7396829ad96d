#include "skeleton/heading_number.h"

#include <array>
#include <charconv>

namespace nblint {

namespace {

constexpr std::array<const char*, 10> kDigits = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

// 1 … 99 in Chinese numerals: 十, 十二, 二十, 二十一.
std::string chinese_numeral(int n) {
  if (n < 10) return kDigits[n];
  std::string out = n / 10 == 1 ? "" : kDigits[n / 10];
  out += "十";
  if (n % 10 != 0) out += kDigits[n % 10];
  return out;
}

}  // namespace

std::string heading_numeral(const std::string& number) {
  int value = 0;
  const char* end = number.data() + number.size();
  const auto [at, error] = std::from_chars(number.data(), end, value);
  if (error != std::errc() || at != end || value < 1 || value > 99) return number;
  return chinese_numeral(value);
}

}  // namespace nblint
