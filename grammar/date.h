// Calendar dates in folded text: 2020年1月1日, 2020年1月, 2020年, 2020-01-01, 2020.1.1,
// 2020/1/1, year-less 12月31日, Chinese-numeral dates (二〇二〇年一月一日, 二○一二年二月二十日,
// 二零二零年十二月三十一日), malformed ones kept as malformed (2018213, 202020年, 201911日) on request,
// and ranges (自…起至…止, …至…, …到…, …—…). Facade over the Spirit X3 grammar in date.cpp.
// The grammar only recognises shapes; whether a date is possible is for the rules to judge
// (2019年13月 is a Cjk date with month 13).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace nblint::grammar {

struct DateMatch {
  enum class Form : std::uint8_t {
    Cjk,
    Dashed,
    Dotted,
    Slashed,
    MonthDay,
    ChineseNumeral,  // 二〇二〇年一月一日 / 二○一二年二月二十日 / 二零二零年 (year is 4 numeral characters)
    Malformed,       // 2018213 / 20180213 (a 7–8 digit run), 202020年 (more than 4 digits before 年,
                     // with any 12月31日 after it), 201911日 / 20191231日 (a run of 5–8 digits before 日 or 月)
  };
  std::size_t begin = 0, end = 0;  // characters of the date in the scanned text
  int year = 0;                    // 0 when the form has no year (MonthDay); Malformed: the first 4 digits
  int month = 0;                   // 0 when absent (2020年); always 0 for Malformed
  int day = 0;                     // 0 when absent (2020年1月); always 0 for Malformed
  Form form = Form::Cjk;

  bool malformed() const { return form == Form::Malformed; }
};

// Whether scanning also yields Form::Malformed matches. Off by default: the number grammar and
// the report facts call these functions and must keep treating 20180213 as not-a-date.
enum class MalformedDates : std::uint8_t { Skip, Keep };

// The date starting exactly at `pos`, if one does. Chinese-numeral dates start at a numeral
// (二), every other form at an ASCII digit.
std::optional<DateMatch> parse_date_at(std::u32string_view text, std::size_t pos,
                                       MalformedDates malformed = MalformedDates::Skip);

// Every date in `text`, left to right, not overlapping. A date does not start in the middle
// of a run of digits (so 12020年 yields nothing rather than 2020年), nor a Chinese-numeral date
// in the middle of a run of numerals.
std::vector<DateMatch> find_dates(std::u32string_view text, MalformedDates malformed = MalformedDates::Skip);

// A period: 自A起至B止, 自A至B, A至B, A到B (起 and 止 optional), and A—B / A-B / A~B where both A
// and B are full dates (year, month and day). After 至/到, B may be year-less (12月31日,
// 十二月三十一日) or day-less (2020年12月, 12月): then `to.year` / `to.day` are 0.
struct DateRange {
  DateMatch from, to;
  std::size_t begin = 0, end = 0;  // characters of the whole range, 自 and 止 included
};

std::vector<DateRange> find_date_ranges(std::u32string_view text);

}  // namespace nblint::grammar
