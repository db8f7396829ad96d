// Spirit X3 grammar for heading numbering markers. The only translation unit that includes X3
// for headings; see heading.h for the facade.
//
// Input is one line of FOLDED text (text/fold.h): full-width digits and brackets are ASCII
// already, so （一） arrives as (一) and １． as "1.".
//
// EBNF:
//   heading       = { "#" } , { blank } , marker ;
//   marker        = part | chinese | paren_chinese | arabic | paren_arabic | circled ;
//   part          = "第" , cn_numeral , ( "部分" | "章" ) ;
//   chinese       = cn_numeral , ( "、" | "." ) ;
//   paren_chinese = "(" , cn_numeral , ")" , [ "、" | "." ] ;
//   arabic        = digit , [ digit ] , ( "." | "、" ) , not digit ;   (so 1.5 and 2020.1.1 are not)
//   paren_arabic  = "(" , digit , [ digit ] , ")" , [ "、" | "." ] ;
//   circled       = "①" | … | "⑳" ;
//   cn_numeral    = cn_digit , { cn_digit } ;
//   cn_digit      = "〇" | "零" | "一" | "二" | "两" | "三" | "四" | "五" | "六" | "七" | "八" | "九" | "十" ;
//   blank         = " " | "\t" ;
#define BOOST_SPIRIT_X3_UNICODE
#include "grammar/heading.h"

#include <boost/spirit/home/x3.hpp>

namespace nblint::grammar {

namespace x3 = boost::spirit::x3;
namespace u = boost::spirit::x3::unicode;

namespace {

using Iter = std::u32string_view::const_iterator;

constexpr char32_t kCnDigits[] = U"〇零一二三四五六七八九十两";
constexpr std::u32string_view kCnDigitSet = kCnDigits;
const auto cn_digit = u::char_(kCnDigits);
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
bool try_marker(const Parser& p, NumberingStyle style, std::u32string_view line, std::size_t at,
                HeadingMarker& out) {
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

}  // namespace

std::optional<HeadingMarker> parse_heading_marker(std::u32string_view line) {
  std::size_t at = 0;
  const auto skip_blanks = [&] {
    while (at < line.size() && (line[at] == U' ' || line[at] == U'\t')) ++at;
  };
  skip_blanks();
  int hashes = 0;
  while (at < line.size() && line[at] == U'#') ++at, ++hashes;
  if (hashes > 0 && (at >= line.size() || (line[at] != U' ' && line[at] != U'\t')))
    hashes = 0, at -= 0;  // "#tag" is not a Markdown heading; treat the '#' as text
  if (hashes == 0) at = 0, skip_blanks();
  else skip_blanks();

  HeadingMarker m;
  m.markdown_level = hashes;
  // Each marker form starts with its own kind of character (第, '(', a numeral, a digit, a
  // circled number): most lines start with none, and no grammar is tried on them.
  const char32_t first = at < line.size() ? line[at] : U'\0';
  const bool may_be_marker = first == U'第' || first == U'(' || (first >= U'0' && first <= U'9') ||
                             (first >= U'\u2460' && first <= U'\u2473') || kCnDigitSet.find(first) != std::u32string_view::npos;
  if (may_be_marker && (try_marker(part, NumberingStyle::Part, line, at, m) ||
      try_marker(paren_chinese, NumberingStyle::ParenChinese, line, at, m) ||
      try_marker(paren_arabic, NumberingStyle::ParenArabic, line, at, m) ||
      try_marker(chinese_comma, NumberingStyle::ChineseComma, line, at, m) ||
      try_marker(chinese_dot, NumberingStyle::ChineseDot, line, at, m) ||
      try_marker(arabic_dot, NumberingStyle::ArabicDot, line, at, m) ||
      try_marker(arabic_comma, NumberingStyle::ArabicComma, line, at, m) ||
      try_marker(circled, NumberingStyle::Circled, line, at, m)))
    return m;
  if (hashes > 0 && at < line.size()) {
    m.style = NumberingStyle::MarkdownOnly;
    m.marker_begin = m.numeral_begin = m.numeral_end = m.text_begin = at;
    return m;
  }
  return std::nullopt;
}

}  // namespace nblint::grammar
