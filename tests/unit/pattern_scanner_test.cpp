#include <doctest/doctest.h>

#include <array>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "rules/pattern.h"

using namespace nblint;

namespace {
using Matches = std::vector<std::pair<std::size_t, std::size_t>>;
}

TEST_CASE("pattern scanner: reused on many texts, it finds what a fresh match of each pattern finds") {
  const Pattern xx("(?<![A-Za-z])(?:XX+|xx+)(?![A-Za-z])");
  const Pattern mou("(?<!\\p{Han})某某");
  const Pattern empty_or_a("a*");
  PatternScanner scanner({&xx, &mou, &empty_or_a});
  // A long text, then shorter ones (the buffer is reused), a supplementary-plane character
  // before a match (two UTF-16 units, one code point), and an empty text.
  const std::vector<std::u32string> texts = {
      U"本报告由XX局于20XX年XX月编制，某某单位负责。XXL 不是占位符，张某某是申请人。aaa",
      U"XX", U"𠀀XX某某", U"", U"无占位符"};
  for (const std::u32string& text : texts) {
    scanner.set_text(text);
    CHECK(scanner.find_all(0) == xx.find_all(text));
    CHECK(scanner.find_all(1) == mou.find_all(text));
    CHECK(scanner.find_all(2) == empty_or_a.find_all(text));
    CHECK(scanner.found(0) == xx.found_in(text));
    CHECK(scanner.found(2) == empty_or_a.found_in(text));
  }
  scanner.set_text(texts[2]);
  CHECK(scanner.find_all(0) == Matches{{1, 3}});  // code points, after the surrogate pair
  CHECK(scanner.find_all(1) == Matches{{3, 5}});
  CHECK(scanner.found(2));  // an empty match is found, though find_all skips it
  CHECK(scanner.find_all(2).empty());
  scanner.set_text(texts[0]);
  CHECK(scanner.find_all(0).size() == 3);  // XX局, 20XX年 is after digits (not letters), XX月
  CHECK(scanner.find_all(1).size() == 1);  // 某某单位, not 张某某
  CHECK(scanner.find_all(2) == Matches{{texts[0].size() - 3, texts[0].size()}});
}

TEST_CASE("pattern scanner: patterns whose required characters are absent are not searched, the rest are") {
  const Pattern xx("(?<![A-Za-z])(?:XX+|xx+)(?![A-Za-z])");  // requires X or x
  const Pattern stars("\\*{2,}(?=\\s*[年月日])");               // requires *
  const Pattern line_end("统计表$");                            // requires 统
  const Pattern any_letter("[a-z]+");                          // unknown: always searched
  REQUIRE(xx.required_chars());
  REQUIRE(stars.required_chars());
  REQUIRE_FALSE(any_letter.required_chars());
  PatternScanner scanner({&xx, &stars, &line_end, &any_letter});
  CHECK_FALSE(scanner.found(0));  // before any text: the text is empty
  CHECK_FALSE(scanner.found(3));
  const std::vector<std::u32string> texts = {
      U"XX年**月", U"无占位符", U"本年度统计表", U"统计表附后", U"abc **", U"x", U"", U"𠀀**年XX统计表"};
  for (const std::u32string& text : texts) {
    scanner.set_text(text);
    CHECK(scanner.find_all(0) == xx.find_all(text));
    CHECK(scanner.find_all(1) == stars.find_all(text));
    CHECK(scanner.find_all(2) == line_end.find_all(text));
    CHECK(scanner.find_all(3) == any_letter.find_all(text));
    CHECK(scanner.found(2) == line_end.found_in(text));
  }
  scanner.set_text(U"XX年**月");
  CHECK(scanner.find_all(0) == Matches{{0, 2}});
  CHECK(scanner.find_all(1) == Matches{{3, 5}});
  scanner.set_text(U"无占位符");  // nothing to search for: the earlier text's matches are gone
  CHECK(scanner.find_all(0).empty());
  CHECK(scanner.find_all(1).empty());
  scanner.set_text(U"本年度统计表");
  CHECK(scanner.found(2));  // $ at the end of the text
  scanner.set_text(U"统计表附后");
  CHECK_FALSE(scanner.found(2));  // the character is there, the match is not
}

TEST_CASE("pattern scanner: supplementary characters are two UTF-16 units and one code point") {
  const Pattern xx("(?<![A-Za-z])(?:XX+|xx+)(?![A-Za-z])");
  const Pattern han_pair("\\p{Han}{2}");  // U+20000 is a Han character in plane 2
  const Pattern one_point("^.$");          // . is one code point, not one unit
  PatternScanner scanner({&xx, &han_pair, &one_point});
  const std::u32string text = U"𠀀𠀁XX𠀂局XX";
  scanner.set_text(text);
  CHECK(scanner.find_all(0) == Matches{{2, 4}, {6, 8}});
  CHECK(scanner.find_all(1) == Matches{{0, 2}, {4, 6}});  // 𠀀𠀁, then 𠀂局
  CHECK_FALSE(scanner.found(2));
  scanner.set_text(U"𠀀");
  CHECK(scanner.found(2));
  CHECK(scanner.find_all(2) == Matches{{0, 1}});
  scanner.set_text(U"XX𠀀");  // back to a text with supplementary characters after an all-BMP one
  CHECK(scanner.find_all(0) == Matches{{0, 2}});
  scanner.set_text(U"局XX");
  CHECK(scanner.find_all(0) == Matches{{1, 3}});
}

TEST_CASE("pattern scanner: an invalid code point is searched as U+FFFD, as ICU's own conversion makes it") {
  const Pattern replacement("\uFFFD+");  // required character U+FFFD: never judged from the text
  const Pattern xx("(?<![A-Za-z])(?:XX+|xx+)(?![A-Za-z])");
  PatternScanner scanner({&replacement, &xx});
  std::u32string text = U"aXX";
  text[0] = char32_t{0xD800};  // a lone surrogate
  text += char32_t{0x110000};  // beyond Unicode
  scanner.set_text(text);
  CHECK(scanner.find_all(0) == Matches{{0, 1}, {3, 4}});
  CHECK(scanner.find_all(0) == replacement.find_all(text));
  CHECK(scanner.find_all(1) == Matches{{1, 3}});  // U+FFFD is not a letter: XX stands alone
}

TEST_CASE("pattern scanner lease: made once per list of patterns and thread, and each lease starts on an empty text") {
  const Pattern xx("XX+");
  const Pattern anything("X*");  // no required character: it is always searched
  const PatternScanner* first = nullptr;
  {
    const PatternScanner::Lease scanner = PatternScanner::lease({&xx, &anything});
    first = &*scanner;
    CHECK(scanner->set_text(U"某XX"));
    CHECK(scanner->found(0));
    CHECK(scanner->find_all(0) == Matches{{1, 3}});
  }
  // Were the scanner freed, this block of its size would take its memory, and the next lease
  // could not be at the same address.
  const auto blocker = std::make_unique<std::array<char, sizeof(PatternScanner)>>();
  {
    const PatternScanner::Lease again = PatternScanner::lease({&xx, &anything});
    CHECK(&*again == first);  // the same scanner, given back
    CHECK_FALSE(again->found(0));  // on an empty text, not on the last lease's
    CHECK(again->find_all(1).empty());
    // Two leases at once of the same patterns are two scanners.
    const PatternScanner::Lease other = PatternScanner::lease({&xx, &anything});
    CHECK(&*other != &*again);
    // Another list (the same patterns in another order) has its own scanner.
    const PatternScanner::Lease swapped = PatternScanner::lease({&anything, &xx});
    CHECK(swapped->set_text(U"XXX"));
    CHECK(swapped->find_all(1) == Matches{{0, 3}});
  }
}

TEST_CASE("pattern scanner lease: a pattern made anew, even at the same address, gets a scanner of its own") {
  auto first = std::make_unique<Pattern>("abc");
  { const PatternScanner::Lease scanner = PatternScanner::lease({first.get()}); }
  first.reset();
  const auto second = std::make_unique<Pattern>("xyz");  // may well take the first one's memory
  const PatternScanner::Lease scanner = PatternScanner::lease({second.get()});
  CHECK(scanner->set_text(U"--xyz--"));
  CHECK(scanner->found(0));
  CHECK_FALSE(scanner->set_text(U"--abc--"));  // xyz's required characters are not there
  CHECK_FALSE(scanner->found(0));
}
