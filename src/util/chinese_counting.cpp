#include "util/chinese_counting.h"

namespace nblint {

std::string chinese_counting(long long n, const char* const digits[10], const char* ten, const char* hundred) {
  if (n <= 0 || n >= 1000) return {};
  std::string out;
  const long long h = n / 100, t = (n / 10) % 10, u = n % 10;
  if (h > 0) {
    out += digits[h];
    out += hundred;
    if (t == 0 && u != 0) out += digits[0];
  }
  if (t > 0) {
    if (!(t == 1 && h == 0)) out += digits[t];  // 十一, but 一百一十一
    out += ten;
  }
  if (u > 0) out += digits[u];
  return out;
}

std::string chinese_counting(long long n) {
  static const char* const digits[10] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  return chinese_counting(n, digits, "十", "百");
}

}  // namespace nblint
