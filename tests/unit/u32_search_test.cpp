#include <doctest/doctest.h>

#include <random>
#include <string>

#include "support/u32_printing.h"

#include "grammar/date.h"
#include "grammar/number.h"
#include "parse/text_scan.h"
#include "support/folded_lines.h"
#include "util/u32_search.h"

using namespace nblint;

namespace {
constexpr auto npos = std::u32string_view::npos;
}  // namespace

TEST_CASE("u32 search: find_code_point agrees with u32string_view::find at the edges") {
  const std::u32string text = U"一、概述\n二|三。四\n";
  for (char32_t c : {U'一', U'\n', U'|', U'。', U'四', U'五', U'\0'})
    for (std::size_t pos = 0; pos <= text.size() + 1; ++pos)
      CHECK(find_code_point(text, c, pos) == std::u32string_view(text).find(c, pos));
  CHECK(find_code_point(U"", U'a') == npos);
  // A code point whose low 16 bits are another's: the whole 32 bits are compared.
  CHECK(find_code_point(U"\U00010041A", U'A') == 1);
}

TEST_CASE("u32 search: find_any_of agrees with find_first_of, long text and every start") {
  std::u32string text(100, U'文');
  text[37] = U'|';
  text[70] = U'\t';
  text[99] = U'|';
  const std::u32string_view view(text);
  for (std::size_t pos = 0; pos <= text.size() + 1; ++pos) {
    CHECK(find_any_of(view, U"|\t", pos) == view.find_first_of(U"|\t", pos));
    CHECK(find_any_of(view, U"\t|", pos) == view.find_first_of(U"\t|", pos));
  }
  CHECK(find_any_of(view, U"。;!?") == npos);
  CHECK(find_any_of(std::u32string_view(), U":|") == npos);
}

TEST_CASE("u32 search: find_text finds a word, not a lone first character") {
  const std::u32string_view line = U"统一统计口径，统计期限";
  CHECK(find_text(line, U"统计") == 2);
  CHECK(find_text(line, U"统计", 3) == 7);
  CHECK(find_text(line, U"统计", 9) == npos);
  CHECK(find_text(U"统", U"统计") == npos);  // the word would run past the end
}

TEST_CASE("u32 search: for_each_line cuts at every line break, the empty last line excepted") {
  std::vector<std::u32string_view> lines;
  const NormalizedText folded = normalize("一\n\n二\n");
  const std::u32string_view text(folded.text);
  for_each_line(folded, [&](std::size_t b, std::size_t e) { lines.push_back(text.substr(b, e - b)); });
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == U"一");
  CHECK(lines[1] == U"");
  CHECK(lines[2] == U"二");
}

TEST_CASE("find_dates: the first-character test lets every numeral and digit through, and nothing else") {
  // Each of the twelve numerals may start a year; characters next to them in the table of code
  // points modulo 41 (and U'\0') start none.
  for (char32_t c : std::u32string_view(U"〇○零一二三四五六七八九")) {
    const std::u32string text = std::u32string(1, U'在') + c + U"〇二〇年";
    const auto dates = grammar::find_dates(text);
    INFO(std::u32string(1, c));
    REQUIRE(dates.size() == 1);
    CHECK(dates[0].begin == 1);
  }
  CHECK(grammar::find_dates(std::u32string(U"\0\0\0\0年", 5)).empty());
  const auto after_ten = grammar::find_dates(U"十二〇二〇年");  // 十 is no year digit: the date starts after it
  REQUIRE(after_ten.size() == 1);
  CHECK(after_ten[0].begin == 1);
  CHECK(after_ten[0].year == 2020);
  const auto digits = grammar::find_dates(U"于2020年3月1日");
  REQUIRE(digits.size() == 1);
  CHECK(digits[0].begin == 1);
  CHECK(digits[0].day == 1);
  for (const auto& d : grammar::find_dates(U"12020年3月1日")) CHECK((d.begin == 0 || d.begin > 4));  // never inside a digit run
}

TEST_CASE("find_numbers: positions no number starts at are skipped, signs and numerals kept") {
  const auto numbers = grammar::find_numbers(U"共-3件，增加两件，减5件，+7");
  std::vector<std::size_t> begins;
  for (const auto& m : numbers) begins.push_back(m.begin);
  CHECK(begins == std::vector<std::size_t>{1, 7, 10, 14});  // -3, 两, 减5, +7
}

TEST_CASE("parse_cell_value: a cell of dashes is blank, one other character anywhere makes it none") {
  CHECK(grammar::parse_cell_value(U"—").kind == grammar::CellValueKind::Blank);
  CHECK(grammar::parse_cell_value(U" --—— ").kind == grammar::CellValueKind::Blank);
  CHECK(grammar::parse_cell_value(U"--3").kind == grammar::CellValueKind::NotANumber);
  CHECK(grammar::parse_cell_value(U"3--").kind == grammar::CellValueKind::NotANumber);
  CHECK(grammar::parse_cell_value(U"-3").kind == grammar::CellValueKind::Number);
}

namespace {

// The plain loops clause_end and sentence_end replaced: every character tested.
std::size_t plain_clause_end(std::u32string_view text, std::size_t from) {
  std::size_t e = from;
  while (e < text.size() && !ends_clause(text, e)) ++e;
  return e;
}

std::size_t plain_sentence_end(std::u32string_view text, std::size_t from) {
  std::size_t e = from;
  while (e < text.size() && !ends_sentence(text[e])) ++e;
  return e;
}

void check_clause_and_sentence_ends(std::u32string_view text) {
  for (std::size_t from = 0; from <= text.size(); ++from) {
    REQUIRE(clause_end(text, from) == plain_clause_end(text, from));
    REQUIRE(sentence_end(text, from) == plain_sentence_end(text, from));
  }
}

}  // namespace

TEST_CASE("text scan: clause and sentence ends agree with testing every character") {
  for (std::u32string_view text : {U"共1,234件，其中15:22到。", U"无结转;下年!?", U"a,b:c", U"1,", U",1", U"",
                                    U"，：；！？。\n", U"文文文文文文文文文文文文文文文文文,"})
    check_clause_and_sentence_ends(text);
  std::mt19937 random(9);
  const std::u32string alphabet = U"12,:，：。;!?；！？\n文a";
  for (int round = 0; round < 2000; ++round) {
    const std::u32string text = test::random_text(random, alphabet, 40);
    CAPTURE(round);
    check_clause_and_sentence_ends(text);
  }
  test::note_shared_corpus();
  for (const std::u32string& line : test::folded_lines()) {
    // Each clause end from the line's start, as the prose scanner asks.
    for (std::size_t b = 0; b < line.size(); b = plain_clause_end(line, b) + 1)
      REQUIRE(clause_end(line, b) == plain_clause_end(line, b));
    for (std::size_t b = 0; b < line.size(); b = plain_sentence_end(line, b) + 1)
      REQUIRE(sentence_end(line, b) == plain_sentence_end(line, b));
  }
}
