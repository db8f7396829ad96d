// grammar/number: find_numbers skips the positions that start nothing and does not look for a
// date twice; checked against the plain loop it replaced (kept here), on every line of real
// text and on random text.
#include <doctest/doctest.h>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "grammar/date.h"
#include "grammar/heading.h"
#include "grammar/number.h"
#include "support/folded_lines.h"

using namespace nblint;
using grammar::NumberMatch;

namespace {

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
    std::u32string text(random() % 30, U' ');
    for (char32_t& c : text) c = alphabet[random() % alphabet.size()];
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
