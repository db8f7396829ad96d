// Spirit X3 grammar for calendar dates; see date.h for the facade.
//
// Input is FOLDED text (text/fold.h), so full-width digits are ASCII already.
// EBNF:
//   date       = cjk_date | dashed | dotted | slashed | month_day ;
//   cjk_date   = year , "年" , [ month , "月" , [ day , ( "日" | "号" ) ] ] ;
//   dashed     = year , "-" , month , "-" , day ;
//   dotted     = year , "." , month , "." , day ;
//   slashed    = year , "/" , month , "/" , day ;
//   month_day  = month , "月" , day , ( "日" | "号" ) ;
//   year       = digit , digit , digit , digit ;
//   month, day = digit , [ digit ] ;
//   every form must not be followed by a further digit.
#define BOOST_SPIRIT_X3_UNICODE
#include "grammar/date.h"

#include <boost/spirit/home/x3.hpp>

namespace nblint::grammar {

namespace x3 = boost::spirit::x3;
namespace u = boost::spirit::x3::unicode;

namespace {

using Iter = std::u32string_view::const_iterator;

const x3::uint_parser<int, 10, 4, 4> year;
const x3::uint_parser<int, 10, 1, 2> month_or_day;
const auto day_suffix = u::lit(U"日") | u::lit(U"号");
const auto no_more_digits = !u::digit;

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

}  // namespace

std::optional<DateMatch> parse_date_at(std::u32string_view text, std::size_t pos) {
  if (pos >= text.size() || !is_ascii_digit(text[pos])) return std::nullopt;
  const Iter begin = text.begin() + static_cast<std::ptrdiff_t>(pos);
  DateMatch m;
  m.begin = pos;
  const auto finish = [&](Iter it, DateMatch::Form form) {
    m.end = static_cast<std::size_t>(it - text.begin());
    m.form = form;
    return m;
  };
  const auto set_y = [&](auto& ctx) { m.year = x3::_attr(ctx); };
  const auto set_m = [&](auto& ctx) { m.month = x3::_attr(ctx); };
  const auto set_d = [&](auto& ctx) { m.day = x3::_attr(ctx); };

  for (const char32_t sep : {U'-', U'.', U'/'}) {
    Iter it = begin;
    m = DateMatch{pos};
    const auto s = u::char_(sep);
    if (x3::parse(it, text.end(),
                  year[set_y] >> x3::omit[s] >> month_or_day[set_m] >> x3::omit[s] >> month_or_day[set_d] >>
                      no_more_digits))
      return finish(it, sep == U'-'   ? DateMatch::Form::Dashed
                        : sep == U'.' ? DateMatch::Form::Dotted
                                      : DateMatch::Form::Slashed);
  }
  {
    Iter it = begin;
    m = DateMatch{pos};
    if (x3::parse(it, text.end(),
                  year[set_y] >> u::lit(U"年") >>
                      -(month_or_day[set_m] >> u::lit(U"月") >>
                        -(month_or_day[set_d] >> day_suffix))))
      return finish(it, DateMatch::Form::Cjk);
  }
  {
    Iter it = begin;
    m = DateMatch{pos};
    if (x3::parse(it, text.end(),
                  month_or_day[set_m] >> u::lit(U"月") >> month_or_day[set_d] >> day_suffix))
      return finish(it, DateMatch::Form::MonthDay);
  }
  return std::nullopt;
}

std::vector<DateMatch> find_dates(std::u32string_view text) {
  std::vector<DateMatch> out;
  for (std::size_t i = 0; i < text.size();) {
    if (is_ascii_digit(text[i]) && (i == 0 || !is_ascii_digit(text[i - 1]))) {
      if (auto m = parse_date_at(text, i)) {
        out.push_back(*m);
        i = m->end;
        continue;
      }
    }
    ++i;
  }
  return out;
}

}  // namespace nblint::grammar
