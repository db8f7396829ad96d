// Numbers in folded text and in table cells: 44, 1,234, 5949.088667, -3, −3, 减3, 98.9%,
// 251000元, 44 件, 3000余条, and counts in Chinese numerals (四十四件, 一百二十三条, 两个).
// Facade over the Spirit X3 grammar in number.cpp; this header does not include X3.
//
// The grammar only recognises shapes and reads the value exactly as written (mantissa + scale,
// no floating point, no unit conversion: 1.5万元 is 1.5 with unit "万元"). Whether a number is
// plausible where it stands is for the table binder and the rules to judge.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "model/quantity.h"

namespace nblint::grammar {

struct NumberMatch {
  std::size_t begin = 0, end = 0;                  // the whole match: sign, numeral, 余/多, blank, unit
  std::size_t numeral_begin = 0, numeral_end = 0;  // the digits (or Chinese numeral) alone
  // Exact value: ±mantissa / 10^scale. The digits as written, without separators or point
  // (5949.088667 → mantissa 5949088667, scale 6; 1,234 → 1234, 0). Chinese numerals: their value.
  std::int64_t mantissa = 0;
  int scale = 0;                     // digits after the decimal point as written (0 for integers)
  int integer_digits = 0;            // digits before the point, separators not counted
  bool negative = false;             // -3, −3 (U+2212), 减3
  bool thousands_separators = false; // 1,234,567
  bool chinese_numeral = false;      // 四十四件
  bool approximate = false;          // 余/多 between the number and the unit: 3000余条, 十余件
  std::u32string_view unit;          // 件 条 项 个 人次 万元 元 % ‰ …; empty when none. Views the scanned text.

  // The signed value as an integer, when it is one (scale == 0).
  std::optional<std::int64_t> integer() const {
    if (scale != 0) return std::nullopt;
    return negative ? -mantissa : mantissa;
  }
  // The signed value × 1000, rounded half away from zero (5949.088667 → 5949089, 0.0005 → 1).
  std::int64_t value_milli() const { return milli_of(mantissa, scale, negative); }
  // The value as the model keeps it.
  Quantity quantity() const { return {mantissa, scale, negative, std::u32string(unit)}; }
  // For display and rough comparisons only; rules compare mantissa/scale or value_milli().
  double value() const {
    double v = static_cast<double>(mantissa);
    for (int i = 0; i < scale; ++i) v /= 10;
    return negative ? -v : v;
  }
};

// The number starting exactly at `pos`, if one does. `pos` may point at a sign (-, −, +, 减)
// or at the numeral itself. Nothing is returned when a date starts there (2020年, 2020-01-01,
// 12月31日: see grammar/date.h), when `pos` is inside a run of digits or Chinese numerals, right
// after an ASCII letter, '_' or '@' (pzxxgkb163, @163.com), right after 第 (第二十条, 第3条 are
// ordinals), for runs with more than 15 integer digits or more than 18 digits in all (never
// split into smaller numbers), for codes with a leading zero (007, 000023), for digits glued to
// a following letter (10MB), for dotted sequences (1.2.3, 192.168.1.1), file names (80576.htm),
// times and ratios (15:22), fractions and paths (3/5, /202001/), and for 4+ digits before
// 年/月/日 (2020 年 is a year, 202020年 a malformed date). A Chinese numeral is a number only
// when a counting unit follows (四十四件, 两个), so 一是, 十三五, 一月, 三个月, 上一篇 are not.
std::optional<NumberMatch> parse_number_at(std::u32string_view text, std::size_t pos);

// Every number in `text`, left to right, not overlapping, by the rules of parse_number_at.
// Dates are skipped whole (2020年1月1日 is no number at all). Also skipped: list and heading
// enumerators — a line starting with 1. / 1、 / (1) (as grammar::parse_heading_marker sees them),
// (1) anywhere, and inside a paragraph a unitless 1–2 digit integer followed by '.' and a
// character (做法1.加强) or by '、' right after 。;:!? (…工作。2、把握). Runs of 10–15 digits ARE returned (their value is what is written, nothing
// is invented); callers that expect counts filter on integer_digits, as parse_cell_value does.
std::vector<NumberMatch> find_numbers(std::u32string_view text);

// A table cell's whole content, surrounding blanks ignored.
enum class CellValueKind { Number, Blank, NotANumber };
struct CellValue {
  CellValueKind kind = CellValueKind::NotANumber;
  NumberMatch number;  // meaningful when kind == Number; positions are indices into the cell
};

// Number: the cell holds exactly one number, optionally with its unit ("0", " 12 ", "1,234",
// "251000元", "5.5", "-3", "44 件"). Blank: empty, only blanks, "/", "\", "无", or a run of dashes
// ("-", "—", "——", "－" folds to "-"): blank is NOT zero. NotANumber: anything else, including
// "230 000023" (inner blank), "12,34" (bad grouping), "2020年" (a date), and integers with more
// than `max_integer_digits` digits ("6400204702": crawler output that ran cells together).
CellValue parse_cell_value(std::u32string_view cell, int max_integer_digits = 9);

}  // namespace nblint::grammar
