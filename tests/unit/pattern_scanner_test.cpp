#include <doctest/doctest.h>

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
