// A number as written in the report: exact (mantissa / 10^scale), never floating point.
#pragma once
#include <cstdint>
#include <string>

namespace nblint {

// ±mantissa / 10^scale × 1000, rounded half away from zero (5949.088667 → 5949089).
inline std::int64_t milli_of(std::int64_t mantissa, int scale, bool negative) {
  std::int64_t v = mantissa;
  if (scale <= 3) {
    for (int i = scale; i < 3; ++i) v *= 10;
  } else {
    std::int64_t div = 1;
    for (int i = 3; i < scale; ++i) div *= 10;
    v = v / div + ((v % div) * 2 >= div ? 1 : 0);
  }
  return negative ? -v : v;
}

struct Quantity {
  std::int64_t mantissa = 0;
  int scale = 0;          // digits after the decimal point as written
  bool negative = false;
  std::u32string unit;    // 件, 条, 万元, … as written; empty when none

  bool is_integer() const { return scale == 0; }
  std::int64_t integer() const { return negative ? -mantissa : mantissa; }  // when is_integer()
  // The value × 1000 rounded half away from zero, for comparing decimals (fees in 万元).
  std::int64_t milli() const { return milli_of(mantissa, scale, negative); }
  // The digits exactly as written: "12", "-3", "12.50", "0.05" (no unit).
  std::string digits() const {
    std::string s = negative ? "-" : "";
    const std::string d = std::to_string(mantissa);
    const auto decimals = static_cast<std::size_t>(scale > 0 ? scale : 0);
    if (d.size() <= decimals) s.append(decimals + 1 - d.size(), '0').append(d);  // 0.05
    else s.append(d);
    if (decimals > 0) s.insert(s.size() - decimals, 1, '.');
    return s;
  }
};

}  // namespace nblint
