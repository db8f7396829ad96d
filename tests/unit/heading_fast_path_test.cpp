// grammar/heading: parse_heading_marker tries no grammar on a line whose first character (after
// '#'s and blanks) starts no marker form. Checked against the plain function it replaced (kept
// here, with its own copy of the X3 rules) on every line of real text and on random text.
#define BOOST_SPIRIT_X3_UNICODE
#include <doctest/doctest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include <boost/spirit/home/x3.hpp>

#include "grammar/heading.h"
#include "support/folded_lines.h"

using namespace nblint;
using grammar::HeadingMarker;

namespace {

namespace x3 = boost::spirit::x3;
namespace u = boost::spirit::x3::unicode;
using Iter = std::u32string_view::const_iterator;

const auto cn_digit = u::char_(U"〇零一二三四五六七八九十两");
const auto cn_numeral = x3::raw[+cn_digit];
const auto digits = x3::raw[x3::repeat(1, 2)[u::digit]];
const auto list_mark = x3::omit[u::char_(U"、.")];
const auto part = u::lit(U"第") >> cn_numeral >> (u::lit(U"部分") | u::lit(U"章"));
const auto chinese_comma = cn_numeral >> u::lit(U"、");
const auto chinese_dot = cn_numeral >> u::lit(U".");
const auto paren_chinese = u::lit(U"(") >> cn_numeral >> u::lit(U")") >> -list_mark;
const auto arabic_dot = digits >> u::lit(U".") >> !u::digit;
const auto arabic_comma = digits >> u::lit(U"、") >> !u::digit;
const auto paren_arabic = u::lit(U"(") >> digits >> u::lit(U")") >> -list_mark;
const auto circled = x3::raw[u::char_(U'\u2460', U'\u2473')];

template <typename Parser>
bool try_marker(const Parser& p, NumberingStyle style, std::u32string_view line, std::size_t at, HeadingMarker& out) {
  Iter first = line.begin() + static_cast<std::ptrdiff_t>(at);
  boost::iterator_range<Iter> numeral;
  if (!x3::parse(first, line.end(), p, numeral)) return false;
  out.style = style;
  out.marker_begin = at;
  out.numeral_begin = static_cast<std::size_t>(numeral.begin() - line.begin());
  out.numeral_end = static_cast<std::size_t>(numeral.end() - line.begin());
  std::size_t text = static_cast<std::size_t>(first - line.begin());
  while (text < line.size() && (line[text] == U' ' || line[text] == U'\t')) ++text;
  out.text_begin = text;
  return true;
}

// parse_heading_marker as it was: every form tried on every line.
std::optional<HeadingMarker> plain_parse_heading_marker(std::u32string_view line) {
  std::size_t at = 0;
  const auto skip_blanks = [&] {
    while (at < line.size() && (line[at] == U' ' || line[at] == U'\t')) ++at;
  };
  skip_blanks();
  int hashes = 0;
  while (at < line.size() && line[at] == U'#') ++at, ++hashes;
  if (hashes > 0 && (at >= line.size() || (line[at] != U' ' && line[at] != U'\t'))) hashes = 0;
  if (hashes == 0) at = 0, skip_blanks();
  else skip_blanks();
  HeadingMarker m;
  m.markdown_level = hashes;
  if (try_marker(part, NumberingStyle::Part, line, at, m) ||
      try_marker(paren_chinese, NumberingStyle::ParenChinese, line, at, m) ||
      try_marker(paren_arabic, NumberingStyle::ParenArabic, line, at, m) ||
      try_marker(chinese_comma, NumberingStyle::ChineseComma, line, at, m) ||
      try_marker(chinese_dot, NumberingStyle::ChineseDot, line, at, m) ||
      try_marker(arabic_dot, NumberingStyle::ArabicDot, line, at, m) ||
      try_marker(arabic_comma, NumberingStyle::ArabicComma, line, at, m) ||
      try_marker(circled, NumberingStyle::Circled, line, at, m))
    return m;
  if (hashes > 0 && at < line.size()) {
    m.style = NumberingStyle::MarkdownOnly;
    m.marker_begin = m.numeral_begin = m.numeral_end = m.text_begin = at;
    return m;
  }
  return std::nullopt;
}

std::string described(const std::optional<HeadingMarker>& m) {
  if (!m) return "-";
  return std::to_string(static_cast<int>(m->style)) + "#" + std::to_string(m->markdown_level) + ":" +
         std::to_string(m->marker_begin) + "," + std::to_string(m->numeral_begin) + "," +
         std::to_string(m->numeral_end) + "," + std::to_string(m->text_begin);
}

void check_against_plain(std::u32string_view line) {
  REQUIRE(described(grammar::parse_heading_marker(line)) == described(plain_parse_heading_marker(line)));
}

}  // namespace

TEST_CASE("heading fast path: edge cases") {
  for (std::u32string_view line :
       {U"一、总体情况", U"(一)主动公开", U"(1)新收", U"1.概述", U"1、概述", U"①申请", U"⑳", U"第一部分 概述", U"第三章",
        U"## 二、标题", U"# 标题", U"#标签", U"  \t三.", U"两、", U"〇、", U"十二、", U"#", U"## ", U"", U" ", U"文",
        U"1.5", U"(", U"第", U"\u245F", U"\u2474"})
    check_against_plain(line);
}

TEST_CASE("heading fast path: random lines of marker characters") {
  std::mt19937 random(17);
  const std::u32string alphabet = U"#  \t第一二十两〇()、.12①部分章文";
  for (int round = 0; round < 5000; ++round) {
    const std::u32string line = test::random_text(random, alphabet, 12);
    CAPTURE(round);
    check_against_plain(line);
  }
}

TEST_CASE("heading fast path: every line of the examples, fixtures and shared corpus") {
  test::note_shared_corpus();
  for (const std::u32string& line : test::folded_lines()) {
    check_against_plain(line);
    // The 16-character windows the run-on and contents tests read after a comma.
    for (std::size_t p = line.find(U','); p != std::u32string::npos; p = line.find(U',', p + 1))
      check_against_plain(std::u32string_view(line).substr(p + 1, 16));
  }
}
