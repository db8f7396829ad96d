// grammar/number: find_numbers skips the positions that start nothing and does not look for a
// date twice, and the unit after a number is looked up only when its first character may begin
// one; checked against the plain code they replaced (kept here, the units with their own X3
// symbol table), on every line of real text and on random text.
#define BOOST_SPIRIT_X3_UNICODE
#include <doctest/doctest.h>

#include <boost/spirit/home/x3.hpp>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "grammar/date.h"
#include "grammar/heading.h"
#include "grammar/number.h"
#include "support/folded_lines.h"
#include "util/utf8.h"

using namespace nblint;
using grammar::NumberMatch;

namespace {

namespace x3 = boost::spirit::x3;
namespace u = boost::spirit::x3::unicode;

// The unit table and suffix parse as they were: [blank] [余|多] unit, the longest unit.
struct PlainUnits : x3::symbols_parser<boost::spirit::char_encoding::unicode, bool> {
  PlainUnits() {
    for (const char32_t* s : {U"件", U"条", U"项", U"个", U"次", U"人次", U"人", U"家", U"份", U"篇", U"场", U"场次",
                              U"名", U"位", U"批", U"起", U"户", U"宗", U"例", U"笔", U"封", U"套", U"台",
                              U"册", U"本"})
      add(s, true);
    for (const char32_t* s : {U"万元", U"亿元", U"千元", U"元", U"万", U"亿", U"%", U"‰", U"个月", U"个工作日",
                              U"万人次", U"万人", U"万件", U"万条", U"万次", U"万份", U"倍", U"种", U"类",
                              U"部", U"张", U"单", U"处", U"所", U"期", U"天", U"日", U"周", U"年", U"月",
                              U"周年", U"小时", U"分钟", U"岁", U"通", U"层"})
      add(s, false);
  }
};

// "unit~" (~ when approximate) and where the suffix ends, or "" when no suffix parses.
std::string plain_suffix(std::u32string_view text, std::size_t from, bool counting_only, std::size_t& end) {
  static const PlainUnits units;
  for (int with_blank = 0; with_blank < 2; ++with_blank) {
    auto at = text.begin() + static_cast<std::ptrdiff_t>(from);
    if (with_blank) {
      if (at == text.end() || (*at != U' ' && *at != U'\t')) return "";
      ++at;
    }
    const bool approximate = x3::parse(at, text.end(), x3::omit[u::char_(U"余多")]);
    const auto unit_begin = at;
    bool counting = false;
    if (x3::parse(at, text.end(), units, counting) && (counting || !counting_only)) {
      end = static_cast<std::size_t>(at - text.begin());
      return utf8::encode(std::u32string_view(&*unit_begin, static_cast<std::size_t>(at - unit_begin))) +
             (approximate ? "~" : "");
    }
  }
  return "";
}

// The unit of a found number, as the plain suffix parse reads it after the numeral.
void check_unit(std::u32string_view text, const NumberMatch& m) {
  std::size_t end = m.numeral_end;
  const std::string plain = plain_suffix(text, m.numeral_end, m.chinese_numeral, end);
  CHECK(utf8::encode(m.unit) + (m.approximate ? "~" : "") == plain);
  CHECK(m.end == end);
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// find_numbers as it was: every position looked at, parse_number_at (with its own date test)
// at each that may start a number.
std::vector<NumberMatch> plain_find_numbers(std::u32string_view text) {
  std::vector<NumberMatch> out;
  const auto line_from = [&](std::size_t i) {
    const std::size_t nl = text.find(U'\n', i);
    return text.substr(i, (nl == std::u32string_view::npos ? text.size() : nl) - i);
  };
  const auto is_arabic_marker = [](const std::optional<grammar::HeadingMarker>& h) {
    return h && (h->style == NumberingStyle::ArabicDot || h->style == NumberingStyle::ArabicComma ||
                 h->style == NumberingStyle::ParenArabic);
  };
  for (std::size_t i = 0; i < text.size();) {
    if (i == 0 || text[i - 1] == U'\n' || text[i] == U'(') {
      const auto h = grammar::parse_heading_marker(line_from(i));
      if (is_arabic_marker(h) && (text[i] != U'(' || h->marker_begin == 0)) {
        i += h->numeral_end;
        continue;
      }
    }
    if (is_digit(text[i]) && (i == 0 || !is_digit(text[i - 1]))) {
      if (const auto d = grammar::parse_date_at(text, i)) {
        i = d->end;
        continue;
      }
    }
    if (const auto m = grammar::parse_number_at(text, i)) {
      const bool enumerator = m->unit.empty() && m->scale == 0 && !m->negative && !m->chinese_numeral &&
                              m->integer_digits <= 2 && m->begin == m->numeral_begin &&
                              m->numeral_end + 1 < text.size() &&
                              ((text[m->numeral_end] == U'.' && !is_digit(text[m->numeral_end + 1]) &&
                                text[m->numeral_end + 1] != U' ' && text[m->numeral_end + 1] != U'\t' &&
                                text[m->numeral_end + 1] != U'\n') ||
                               (text[m->numeral_end] == U'、' &&
                                (m->begin == 0 || std::u32string_view(U"。;:!?").find(text[m->begin - 1]) !=
                                                      std::u32string_view::npos)));
      if (enumerator) {
        i = m->numeral_end;
        continue;
      }
      out.push_back(*m);
      i = m->end;
      continue;
    }
    ++i;
  }
  return out;
}

std::string described(const std::vector<NumberMatch>& numbers) {
  std::string out;
  for (const NumberMatch& m : numbers)
    out += std::to_string(m.begin) + ".." + std::to_string(m.end) + "[" + std::to_string(m.numeral_begin) + "," +
           std::to_string(m.numeral_end) + "]" + std::to_string(m.mantissa) + "e-" + std::to_string(m.scale) +
           (m.negative ? "-" : "") + (m.approximate ? "~" : "") + (m.chinese_numeral ? "cn" : "") + "u" +
           std::to_string(m.unit.size()) + ";";
  return out;
}

}  // namespace

TEST_CASE("number fast path: edge cases at line starts, enumerators, signs and dates") {
  for (std::u32string_view text :
       {U"1.加强\n2.落实", U"\n1、收到申请3件", U"(1)新收44件(2)上年结转3件", U"做法1.加强", U"工作。2、把握",
        U"减3件\n-5\n−6\n+7", U"2020年1月1日至12月28日共发布120条", U"12月31日", U"2018213", U"一百二十三条，两个",
        U"上一篇", U"第3条", U"1,234件", U"\n\n\n3", U"a\n(", U"(", U"\n", U"", U"四十四件。\n十余件", U"2020-01-01",
        U"2020.1.5件", U"15:22", U"3/5", U"80576.htm", U"007", U"10MB"})
    CHECK(described(grammar::find_numbers(text)) == described(plain_find_numbers(text)));
}

TEST_CASE("number fast path: random text of digits, numerals, signs and line breaks") {
  std::mt19937 random(3);
  const std::u32string alphabet = U"0123456789一二十百两件条年月日-−+减.,、(\n) 文第为余";
  for (int round = 0; round < 4000; ++round) {
    const std::u32string text = test::random_text(random, alphabet, 30);
    CAPTURE(round);
    REQUIRE(described(grammar::find_numbers(text)) == described(plain_find_numbers(text)));
  }
}

TEST_CASE("number fast path: every line of the examples, fixtures and shared corpus, and whole texts") {
  test::note_shared_corpus();
  const std::vector<std::u32string> lines = test::folded_lines();
  std::u32string joined;  // many lines at once: line starts inside the text
  for (const std::u32string& line : lines) {
    REQUIRE(described(grammar::find_numbers(line)) == described(plain_find_numbers(line)));
    joined += line + U"\n";
    if (joined.size() > 20000) {
      REQUIRE(described(grammar::find_numbers(joined)) == described(plain_find_numbers(joined)));
      joined.clear();
    }
  }
  CHECK(described(grammar::find_numbers(joined)) == described(plain_find_numbers(joined)));
}

TEST_CASE("number fast path: units after numbers, against the plain suffix parse") {
  std::mt19937 random(21);
  const std::u32string alphabet = U"件次人万元亿千个月工作日周年小时分钟余多 \t%‰条场文。";
  for (int round = 0; round < 4000; ++round) {
    const std::u32string rest = test::random_text(random, alphabet, 6);
    for (std::u32string_view numeral : {U"3", U"十二"}) {
      const std::u32string text = std::u32string(numeral) + rest;
      CAPTURE(round);
      const auto m = grammar::parse_number_at(text, 0);
      std::size_t end = 0;
      const std::string plain = plain_suffix(text, numeral.size(), numeral != U"3", end);
      if (numeral == U"3") {  // a one-digit Arabic number stands with or without a unit
        REQUIRE(m);
        check_unit(text, *m);
      } else if (m) {  // a Chinese numeral only with a counting unit
        check_unit(text, *m);
      } else {
        CHECK(plain.empty());  // no counting unit, no number
      }
    }
  }
  test::note_shared_corpus();
  for (const std::u32string& line : test::folded_lines())
    for (const NumberMatch& m : grammar::find_numbers(line)) check_unit(line, m);
}
