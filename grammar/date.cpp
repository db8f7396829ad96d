// Spirit X3 grammar for calendar dates; see date.h for the facade.
//
// Input is FOLDED text (text/fold.h), so full-width digits are ASCII already. The fold leaves
// 〇 (U+3007) and ○ (U+25CB, used for 〇 in real reports) as they are; both are zero here.
// EBNF:
//   date       = cjk_date | dashed | dotted | slashed | month_day | cn_date ;
//   cjk_date   = year , "年" , [ month , "月" , [ day , ( "日" | "号" ) ] ] ;
//   dashed     = year , "-" , month , "-" , day ;
//   dotted     = year , "." , month , "." , day ;
//   slashed    = year , "/" , month , "/" , day ;
//   month_day  = month , "月" , day , ( "日" | "号" ) ;
//   year       = digit , digit , digit , digit ;
//   month, day = digit , [ digit ] ;
//   every form above must not be followed by a further digit.
//
//   cn_date    = cn_year , "年" , [ cn_number , "月" , [ cn_number , ( "日" | "号" ) ] ] ;
//   cn_year    = cn_digit0 , cn_digit0 , cn_digit0 , cn_digit0 ;
//   cn_number  = [ cn_digit ] , "十" , [ cn_digit ] | cn_digit ;      (* 1 … 99 *)
//   cn_digit   = "一" | "二" | "三" | "四" | "五" | "六" | "七" | "八" | "九" ;
//   cn_digit0  = cn_digit | "〇" | "○" | "零" ;
//   a cn_date must not start in the middle of a run of cn_digit0.
//
//   malformed  = century , digit , digit , ( digit , { digit } , "年" , [ month , "月" , [ day , ( "日" | "号" ) ] ]
//                                          | digit , [ digit ] , [ digit ] , [ digit ] , ( "日" | "号" | "月" )
//                                          | digit , digit , digit , [ digit ] , no_number ) ;
//              (* 202020年12月31日 (the month and day are part of the match but not read),
//                 201911日 / 20191231日 (年 and 月 lost), 2018213 / 20180213 *)
//   century    = "19" | "20" ;
//   no_number  = not followed by a digit, nor by ( "." | "," ) , digit ;
//   (tried only when no well-formed date matches, and only when asked for)
//
//   range      = [ "自" ] , date , [ "起" ] , ( "至" | "到" ) , range_end , [ "止" ]
//              | [ "自" ] , full_date , [ "起" ] , dash , full_date , [ "止" ] ;
//   range_end  = date | month_day | month , "月" | cn_number , "月" , [ cn_number , ( "日" | "号" ) ] ;
//   dash       = ( "-" | "—" | "–" | "~" ) , { "—" } ;
//   full_date  = a date with year, month and day;
//   spaces are allowed around the connector.
#define BOOST_SPIRIT_X3_UNICODE
#include "grammar/date.h"

#include <array>

#include <boost/spirit/home/x3.hpp>

#include "util/u32_search.h"

namespace nblint::grammar {

namespace x3 = boost::spirit::x3;
namespace u = boost::spirit::x3::unicode;

namespace {

using Iter = std::u32string_view::const_iterator;
using CnSymbols = x3::symbols_parser<boost::spirit::char_encoding::unicode, int>;

const x3::uint_parser<int, 10, 4, 4> year;
const x3::uint_parser<int, 10, 1, 2> month_or_day;
const auto day_suffix = u::lit(U"日") | u::lit(U"号");
const auto no_more_digits = !u::digit;

const CnSymbols cn_digit({{U"一", 1}, {U"二", 2}, {U"三", 3}, {U"四", 4}, {U"五", 5},
                          {U"六", 6}, {U"七", 7}, {U"八", 8}, {U"九", 9}});
const CnSymbols cn_digit0({{U"〇", 0}, {U"○", 0}, {U"零", 0}, {U"一", 1}, {U"二", 2}, {U"三", 3},
                           {U"四", 4}, {U"五", 5}, {U"六", 6}, {U"七", 7}, {U"八", 8}, {U"九", 9}});

struct cn_number_class;
const x3::rule<cn_number_class, int> cn_number = "cn_number";
const auto tens_value = [](auto& ctx) {
  const auto& a = x3::_attr(ctx);
  const auto& tens = boost::fusion::at_c<0>(a);
  const auto& ones = boost::fusion::at_c<1>(a);
  x3::_val(ctx) = (tens ? *tens : 1) * 10 + (ones ? *ones : 0);
};
const auto copy_value = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };
const auto cn_number_def = (-cn_digit >> u::lit(U"十") >> -cn_digit)[tens_value] | cn_digit[copy_value];
BOOST_SPIRIT_DEFINE(cn_number)

const auto century = u::lit(U"19") | u::lit(U"20");

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// find_dates asks this at every position of the text. The numerals' low six bits first (a shift
// and a test turn away most of the prose), then the numeral by code point modulo 41, where no
// two of the twelve collide.
constexpr std::u32string_view kCnDigits0 = U"〇○零一二三四五六七八九";
constexpr std::uint64_t kCnDigitLowBits = [] {
  std::uint64_t bits = 0;
  for (char32_t c : kCnDigits0) bits |= std::uint64_t{1} << (c & 63);
  return bits;
}();
constexpr std::size_t kCnDigitBuckets = 41;
constexpr std::array<char32_t, kCnDigitBuckets> kCnDigitByBucket = [] {
  std::array<char32_t, kCnDigitBuckets> table{};  // U'\0' in the empty buckets
  for (char32_t c : kCnDigits0) table[c % kCnDigitBuckets] = c;
  return table;
}();

inline bool is_cn_digit0(char32_t c) {
  return ((kCnDigitLowBits >> (c & 63)) & 1) != 0 && c != U'\0' && kCnDigitByBucket[c % kCnDigitBuckets] == c;
}

bool is_cn_number_char(char32_t c) { return c == U'十' || (is_cn_digit0(c) && c != U'〇' && c != U'○' && c != U'零'); }

// A parse of `p` at `pos` filling `m` (through the actions) with form `form`.
struct Attempt {
  std::u32string_view text;
  std::size_t pos;
  DateMatch& m;

  template <typename Parser>
  bool operator()(const Parser& p, DateMatch::Form form) const {
    Iter it = text.begin() + static_cast<std::ptrdiff_t>(pos);
    m = DateMatch{pos};
    if (!x3::parse(it, text.end(), p)) return false;
    m.end = static_cast<std::size_t>(it - text.begin());
    m.form = form;
    return true;
  }
};

std::optional<DateMatch> parse_chinese_at(std::u32string_view text, std::size_t pos) {
  DateMatch m;
  const Attempt attempt{text, pos, m};
  const auto add_y = [&](auto& ctx) { m.year = m.year * 10 + x3::_attr(ctx); };
  const auto set_m = [&](auto& ctx) { m.month = x3::_attr(ctx); };
  const auto set_d = [&](auto& ctx) { m.day = x3::_attr(ctx); };
  if (attempt(x3::repeat(4)[cn_digit0[add_y]] >> u::lit(U"年") >>
                  -(cn_number[set_m] >> u::lit(U"月") >> -(cn_number[set_d] >> day_suffix)),
              DateMatch::Form::ChineseNumeral))
    return m;
  return std::nullopt;
}

// The end of a range after 至/到: a date, or year-less / day-less 12月31日, 12月, 十二月三十一日.
std::optional<DateMatch> parse_range_end_at(std::u32string_view text, std::size_t pos) {
  if (auto d = parse_date_at(text, pos)) return d;
  DateMatch m;
  const Attempt attempt{text, pos, m};
  const auto set_m = [&](auto& ctx) { m.month = x3::_attr(ctx); };
  const auto set_d = [&](auto& ctx) { m.day = x3::_attr(ctx); };
  if (pos < text.size() && is_ascii_digit(text[pos]) &&
      attempt(month_or_day[set_m] >> u::lit(U"月") >> no_more_digits, DateMatch::Form::MonthDay))
    return m;
  if (pos < text.size() && is_cn_number_char(text[pos]) &&
      attempt(cn_number[set_m] >> u::lit(U"月") >> -(cn_number[set_d] >> day_suffix),
              DateMatch::Form::ChineseNumeral))
    return m;
  return std::nullopt;
}

bool is_full(const DateMatch& d) { return d.year > 0 && d.month > 0 && d.day > 0; }

std::size_t skip_spaces(std::u32string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == U' ' || text[i] == U'\t' || text[i] == U'\u3000')) ++i;
  return i;
}

}  // namespace

std::optional<DateMatch> parse_date_at(std::u32string_view text, std::size_t pos, MalformedDates malformed) {
  if (pos >= text.size()) return std::nullopt;
  if (is_cn_digit0(text[pos])) return parse_chinese_at(text, pos);
  if (!is_ascii_digit(text[pos])) return std::nullopt;
  // Most digit runs are numbers, not dates: what follows the run says which forms below can
  // match at all (year is exactly 4 digits, month_or_day 1 or 2), before any of them is tried.
  std::size_t run = pos;
  while (run < text.size() && is_ascii_digit(text[run])) ++run;
  const std::size_t digits = run - pos;
  const char32_t after = run < text.size() ? text[run] : U'\0';
  const bool may_be_date = (digits == 4 && (after == U'-' || after == U'.' || after == U'/' || after == U'年')) ||
                           (digits <= 2 && after == U'月');
  const bool may_be_malformed = malformed == MalformedDates::Keep && digits >= 5 &&
                                (text.substr(pos, 2) == U"19" || text.substr(pos, 2) == U"20");
  if (!may_be_date && !may_be_malformed) return std::nullopt;
  DateMatch m;
  const Attempt attempt{text, pos, m};
  const auto set_y = [&](auto& ctx) { m.year = x3::_attr(ctx); };
  const auto set_m = [&](auto& ctx) { m.month = x3::_attr(ctx); };
  const auto set_d = [&](auto& ctx) { m.day = x3::_attr(ctx); };

  // The run and the character after it also say which one form can match (year reads exactly
  // four digits and month_or_day at most two, each form then needs its own character), so only
  // that one is tried.
  if (may_be_date && after == U'年') {
    if (attempt(year[set_y] >> u::lit(U"年") >>
                    -(month_or_day[set_m] >> u::lit(U"月") >> -(month_or_day[set_d] >> day_suffix)),
                DateMatch::Form::Cjk))
      return m;
  } else if (may_be_date && after == U'月') {
    if (attempt(month_or_day[set_m] >> u::lit(U"月") >> month_or_day[set_d] >> day_suffix, DateMatch::Form::MonthDay))
      return m;
  } else if (may_be_date) {
    const auto s = u::char_(after);  // '-', '.' or '/'
    if (attempt(year[set_y] >> x3::omit[s] >> month_or_day[set_m] >> x3::omit[s] >> month_or_day[set_d] >>
                    no_more_digits,
                after == U'-'   ? DateMatch::Form::Dashed
                : after == U'.' ? DateMatch::Form::Dotted
                                : DateMatch::Form::Slashed))
      return m;
  }

  if (malformed == MalformedDates::Keep) {
    // Not in the middle of a number: no digit, nor digit followed by "." or ",", just before.
    const bool inside_number =
        pos > 0 && (is_ascii_digit(text[pos - 1]) ||
                    (pos > 1 && (text[pos - 1] == U'.' || text[pos - 1] == U',') && is_ascii_digit(text[pos - 2])));
    const auto no_number = !u::digit >> !(u::char_(U".,") >> u::digit);
    const auto month_day_tail = -(month_or_day >> u::lit(U"月") >> -(month_or_day >> day_suffix));
    if (!inside_number &&
        (attempt(&century >> year[set_y] >> x3::repeat(1, x3::inf)[u::digit] >> u::lit(U"年") >> x3::omit[month_day_tail],
                 DateMatch::Form::Malformed) ||
         attempt(&century >> year[set_y] >> x3::repeat(1, 4)[u::digit] >> (day_suffix | u::lit(U"月")),
                 DateMatch::Form::Malformed) ||
         attempt(&century >> year[set_y] >> x3::repeat(3, 4)[u::digit] >> no_number, DateMatch::Form::Malformed)))
      return m;
  }
  return std::nullopt;
}

std::vector<DateMatch> find_dates(std::u32string_view text, MalformedDates malformed) {
  std::vector<DateMatch> out;
  // Every well-formed date has its form's character (年, 月, '-', '.' or '/') among its first five:
  // right after a 4-digit or 4-numeral year, or after a 1–2 digit month. No date can start more
  // than four characters before the next such character, so those positions are skipped.
  // Malformed dates (2018213) need none and are looked for everywhere.
  const bool skip_to_forms = malformed == MalformedDates::Skip;
  std::size_t form_char = 0;  // the first form character after i, once looked for
  for (std::size_t i = 0; i < text.size();) {
    if (skip_to_forms) {
      if (form_char <= i) {
        form_char = find_any_of_in_one_pass(text, U"年月-./", i + 1);
        if (form_char == std::u32string_view::npos) break;
      }
      if (i + 4 < form_char) i = form_char - 4;
    }
    const bool digit = is_ascii_digit(text[i]);
    if (!digit && !is_cn_digit0(text[i])) {  // most positions: no date starts here
      ++i;
      continue;
    }
    const char32_t prev = i == 0 ? U'\0' : text[i - 1];
    const bool starts_digits = digit && !is_ascii_digit(prev);
    const bool starts_numerals = !digit && !is_cn_digit0(prev) && !is_ascii_digit(prev);
    if (starts_digits || starts_numerals) {
      if (auto m = parse_date_at(text, i, malformed)) {
        out.push_back(*m);
        i = m->end;
        continue;
      }
    }
    ++i;
  }
  return out;
}

std::vector<DateRange> find_date_ranges(std::u32string_view text) {
  std::vector<DateRange> out;
  const std::vector<DateMatch> dates = find_dates(text);
  std::size_t covered = 0;  // ranges do not overlap
  for (const DateMatch& from : dates) {
    if (from.begin < covered) continue;
    std::size_t i = skip_spaces(text, from.end);
    if (i < text.size() && text[i] == U'起') i = skip_spaces(text, i + 1);
    if (i >= text.size()) continue;
    std::optional<DateMatch> to;
    if (text[i] == U'至' || text[i] == U'到') {
      i = skip_spaces(text, i + 1);
      to = parse_range_end_at(text, i);
    } else if (is_full(from)) {
      DateMatch dash;
      if (!Attempt{text, i, dash}((u::char_(U'-') | u::char_(U'—') | u::char_(U'–') | u::char_(U'~')) >> *u::char_(U'—'), DateMatch::Form::Cjk)) continue;
      i = skip_spaces(text, dash.end);
      to = parse_date_at(text, i);
      if (to && !is_full(*to)) to.reset();
    }
    if (!to) continue;
    DateRange r{from, *to, from.begin, to->end};
    if (r.begin > 0 && text[r.begin - 1] == U'自') --r.begin;
    if (r.end < text.size() && text[r.end] == U'止') ++r.end;
    covered = r.end;
    out.push_back(r);
  }
  return out;
}

}  // namespace nblint::grammar
