// Calendar dates in folded text: 2020年1月1日, 2020年1月, 2020年, 2020-01-01, 2020.1.1,
// 2020/1/1, and year-less 12月31日. Facade over the Spirit X3 grammar in date.cpp.
// The grammar only recognises shapes; whether a date is possible is for the rules to judge.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace nblint::grammar {

struct DateMatch {
  enum class Form : std::uint8_t { Cjk, Dashed, Dotted, Slashed, MonthDay };
  std::size_t begin = 0, end = 0;  // characters of the date in the scanned text
  int year = 0;                    // 0 when the form has no year (MonthDay)
  int month = 0;                   // 0 when absent (2020年)
  int day = 0;                     // 0 when absent (2020年1月)
  Form form = Form::Cjk;
};

// The date starting exactly at `pos`, if one does.
std::optional<DateMatch> parse_date_at(std::u32string_view text, std::size_t pos);

// Every date in `text`, left to right, not overlapping. A date does not start in the middle
// of a run of digits (so 12020年 yields nothing rather than 2020年).
std::vector<DateMatch> find_dates(std::u32string_view text);

}  // namespace nblint::grammar
