// grammar/date: find_dates skips to the characters dates need and parse_date_at tries only the
// form the digits allow; both checked against the plain code they replaced (kept here, with its
// own copy of the X3 rules), on every position of real lines and of random text.
#define BOOST_SPIRIT_X3_UNICODE
#include <doctest/doctest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "grammar/date.h"
#include "support/folded_lines.h"
#include "util/u32_search.h"

using namespace nblint;
using grammar::DateMatch;
using grammar::MalformedDates;

namespace {

namespace x3 = boost::spirit::x3;
namespace u = boost::spirit::x3::unicode;

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_cn_digit0(char32_t c) { return std::u32string_view(U"〇○零一二三四五六七八九").find(c) != std::u32string_view::npos; }

// parse_date_at as it was at an ASCII digit: every form tried in turn (the Chinese-numeral path
// and the malformed forms are unchanged and not copied).
std::optional<DateMatch> plain_parse_digits_at(std::u32string_view text, std::size_t pos) {
  const x3::uint_parser<int, 10, 4, 4> year;
  const x3::uint_parser<int, 10, 1, 2> month_or_day;
  const auto day_suffix = u::lit(U"日") | u::lit(U"号");
  const auto no_more_digits = !u::digit;
  DateMatch m;
  const auto attempt = [&](const auto& p, DateMatch::Form form) {
    auto it = text.begin() + static_cast<std::ptrdiff_t>(pos);
    m = DateMatch{pos};
    if (!x3::parse(it, text.end(), p)) return false;
    m.end = static_cast<std::size_t>(it - text.begin());
    m.form = form;
    return true;
  };
  const auto set_y = [&](auto& ctx) { m.year = x3::_attr(ctx); };
  const auto set_m = [&](auto& ctx) { m.month = x3::_attr(ctx); };
  const auto set_d = [&](auto& ctx) { m.day = x3::_attr(ctx); };
  for (const char32_t sep : {U'-', U'.', U'/'}) {
    const auto s = u::char_(sep);
    if (attempt(year[set_y] >> x3::omit[s] >> month_or_day[set_m] >> x3::omit[s] >> month_or_day[set_d] >>
                    no_more_digits,
                sep == U'-'   ? DateMatch::Form::Dashed
                : sep == U'.' ? DateMatch::Form::Dotted
                              : DateMatch::Form::Slashed))
      return m;
  }
  if (attempt(year[set_y] >> u::lit(U"年") >>
                  -(month_or_day[set_m] >> u::lit(U"月") >> -(month_or_day[set_d] >> day_suffix)),
              DateMatch::Form::Cjk))
    return m;
  if (attempt(month_or_day[set_m] >> u::lit(U"月") >> month_or_day[set_d] >> day_suffix, DateMatch::Form::MonthDay))
    return m;
  return std::nullopt;
}

// find_dates as it was: every position looked at.
std::vector<DateMatch> plain_find_dates(std::u32string_view text, MalformedDates malformed) {
  std::vector<DateMatch> out;
  for (std::size_t i = 0; i < text.size();) {
    const bool digit = is_ascii_digit(text[i]);
    const char32_t prev = i == 0 ? U'\0' : text[i - 1];
    const bool starts_digits = digit && !is_ascii_digit(prev);
    const bool starts_numerals = !digit && is_cn_digit0(text[i]) && !is_cn_digit0(prev) && !is_ascii_digit(prev);
    if (starts_digits || starts_numerals) {
      if (auto m = grammar::parse_date_at(text, i, malformed)) {
        out.push_back(*m);
        i = m->end;
        continue;
      }
    }
    ++i;
  }
  return out;
}

std::string described(const std::optional<DateMatch>& m) {
  if (!m) return "-";
  return std::to_string(m->begin) + ".." + std::to_string(m->end) + ":" + std::to_string(m->year) + "/" +
         std::to_string(m->month) + "/" + std::to_string(m->day) + "#" + std::to_string(static_cast<int>(m->form));
}

std::string described(const std::vector<DateMatch>& dates) {
  std::string out;
  for (const DateMatch& d : dates) out += described(d) + ";";
  return out;
}

// Both checks on one text: every date, both modes; the well-formed parse at every digit.
void check_against_plain(std::u32string_view text) {
  for (MalformedDates mode : {MalformedDates::Skip, MalformedDates::Keep})
    REQUIRE(described(grammar::find_dates(text, mode)) == described(plain_find_dates(text, mode)));
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (!is_ascii_digit(text[pos])) continue;
    REQUIRE(described(grammar::parse_date_at(text, pos)) == described(plain_parse_digits_at(text, pos)));
  }
}

}  // namespace

TEST_CASE("date fast path: the one-pass search agrees with find_first_of at every start") {
  std::mt19937 random(11);
  const std::u32string alphabet = U"年月-./日1文";
  for (int round = 0; round < 400; ++round) {
    const std::u32string text = test::random_text(random, alphabet, 40);
    const std::u32string_view view(text);
    for (std::size_t pos = 0; pos <= text.size() + 1; ++pos)
      REQUIRE(find_any_of_in_one_pass(view, U"年月-./", pos) == view.find_first_of(U"年月-./", pos));
  }
  // The whole 32 bits are compared: U+15E74 is not 年 (U+5E74).
  CHECK(find_any_of_in_one_pass(U"\U00015E74\U00015E74\U00015E74\U00015E74\U00015E74\U00015E74\U00015E74\U00015E74年", U"年") == 8);
  CHECK(find_any_of_in_one_pass(U"", U"年") == std::u32string_view::npos);
}

TEST_CASE("date fast path: edge cases near the form characters") {
  for (std::u32string_view text :
       {U"2020年1月1日", U"12020年", U"2020-01-01 2020.1.1 2020/1/1", U"12月31日至2021年", U"二〇二〇年一月一日",
        U"二〇二〇年", U"〇二〇二〇年", U"截至2020年11月底", U"2018213", U"20191231日", U"202020年12月31日", U"1月",
        U"12月", U"123月", U"2020.1", U"2020-1-1-1", U"年2020", U"2020", U"一二三四年", U"1.5.", U"01/02/2020",
        U"abc1月2日", U"9月9号-2020年", U"", U"年", U"2", U"二〇二〇", U"数据2022年1月1日至12月28日"})
    check_against_plain(text);
}

TEST_CASE("date fast path: random text of digits, numerals and form characters") {
  std::mt19937 random(5);
  const std::u32string alphabet = U"0123456789年月日号-./〇二一十九 文";
  for (int round = 0; round < 3000; ++round) {
    const std::u32string text = test::random_text(random, alphabet, 30);
    CAPTURE(round);
    check_against_plain(text);
  }
}

TEST_CASE("date fast path: every line of the examples, fixtures and shared corpus") {
  test::note_shared_corpus();
  const std::vector<std::u32string> lines = test::folded_lines();
  CHECK(lines.size() > 1000);
  for (const std::u32string& line : lines) check_against_plain(line);
}
