// util/word_matcher: every occurrence of every listed word, in order, against a plain search.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "support/folded_lines.h"
#include "util/word_matcher.h"

using namespace nblint;

namespace {

using Occurrences = std::vector<WordMatcher::Occurrence>;

// "at+length:lists;" per occurrence, readable in a failure message.
std::string described(const Occurrences& found) {
  std::string out;
  for (const auto& o : found)
    out += std::to_string(o.at) + "+" + std::to_string(o.length) + ":" + std::to_string(o.lists) + ";";
  return out;
}

std::string matches(std::span<const std::u32string_view> lists, std::u32string_view text) {
  Occurrences found;
  WordMatcher(lists).find_all(text, found);
  return described(found);
}

// The same answer by brute force: every position, every word of every list.
std::string searched(std::span<const std::u32string_view> lists, std::u32string_view text) {
  Occurrences found;
  for (std::size_t at = 0; at < text.size(); ++at)
    for (std::size_t length = 1; at + length <= text.size(); ++length) {
      WordMatcher::Lists in = 0;
      for (std::size_t i = 0; i < lists.size(); ++i) {
        const std::u32string_view list = lists[i];
        for (std::size_t b = 0; b <= list.size();) {
          std::size_t e = std::min(list.find(U'|', b), list.size());
          if (e - b == length && list.substr(b, length) == text.substr(at, length)) in |= WordMatcher::Lists{1} << i;
          b = e + 1;
        }
      }
      if (in) found.push_back({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(length), in});
    }
  return described(found);
}

}  // namespace

TEST_CASE("word matcher: overlapping words, prefixes, shared words") {
  const std::array<std::u32string_view, 3> lists = {U"申请|申请人", U"请人|被申请", U"申请"};
  // 申请 is in lists 0 and 2 (bits 1|4); 申请人 (list 0) follows it at the same position.
  CHECK(matches(lists, U"被申请人") == "0+3:2;1+2:5;1+3:1;2+2:2;");
  CHECK(matches(lists, U"申") == "");
  CHECK(matches(lists, U"") == "");
}

TEST_CASE("word matcher: empty lists and empty words never occur") {
  const std::array<std::u32string_view, 3> lists = {U"", U"|结转||", U"||"};
  CHECK(matches(lists, U"无结转结转") == "1+2:2;3+2:2;");
  CHECK(matches(std::span<const std::u32string_view>{}, U"结转") == "");
}

TEST_CASE("word matcher: a word at the very end, and one cut off by it") {
  const std::array<std::u32string_view, 1> lists = {U"下年度|下年"};
  CHECK(matches(lists, U"结转下年") == "2+2:1;");
  CHECK(matches(lists, U"结转下年度") == "2+2:1;2+3:1;");
}

TEST_CASE("word matcher: many first characters, each told apart from the rest") {
  // 300 one- and two-character words from consecutive CJK characters, searched in text that
  // also holds characters beginning no word.
  std::u32string list;
  for (char32_t c = U'\u4E00'; c < U'\u4E00' + 300; ++c) list += std::u32string{c} + (c % 3 ? U"" : U"|" + std::u32string{c, c}) + U"|";
  const std::array<std::u32string_view, 1> lists = {list};
  std::u32string text;
  for (char32_t c = U'\u4D00'; c < U'\u4E00' + 400; c += 7) text += std::u32string{c, c};
  CHECK(matches(lists, text) == searched(lists, text));
  CHECK(matches(lists, text).size() > 100);
}

TEST_CASE("word matcher: more lists than masks hold is refused") {
  const std::vector<std::u32string_view> lists(WordMatcher::kMaxLists + 1, U"无");
  CHECK_THROWS_AS(WordMatcher{lists}, std::invalid_argument);
  CHECK_NOTHROW(WordMatcher{std::span(lists).first(WordMatcher::kMaxLists)});
}

TEST_CASE("word matcher: the same occurrences as a plain search, on random text") {
  // A small alphabet makes repeats, overlaps and shared prefixes frequent.
  const std::array<std::u32string_view, 5> lists = {U"申请|申请人|请", U"复议|议", U"申|申请人复议", U"人复|复", U"无申"};
  const std::u32string alphabet = U"申请人复议无";
  std::mt19937 random(7);
  for (int round = 0; round < 300; ++round) {
    std::u32string text(random() % 24, U' ');
    for (char32_t& c : text) c = alphabet[random() % alphabet.size()];
    CAPTURE(round);
    REQUIRE(matches(lists, text) == searched(lists, text));
  }
}

TEST_CASE("word matcher: characters of other planes that share a first character's low 16 bits") {
  // U+15E74 and U+25E74 set the same filter bit as 年 (U+5E74); only 年 begins a word.
  const std::array<std::u32string_view, 2> lists = {U"年度|年", U"\U00025E74x"};
  const std::u32string text = U"\U00015E74年度\U00025E74x\U00015E74\U00035E74年";
  CHECK(matches(lists, text) == searched(lists, text));
  CHECK(matches(lists, text) == "1+1:1;1+2:1;3+2:2;7+1:1;");
}

TEST_CASE("word matcher: every line of the examples, fixtures and shared corpus, against find") {
  // Words of the kinds the prose scanner lists: one-character words, shared first characters.
  const std::array<std::u32string_view, 4> lists = {U"申请|申请人|政府信息公开", U"复议|诉讼|起诉",
                                                    U"至|到|-|—|~|截至|截止", U"无|没有|未收到|结转|下年"};
  test::note_shared_corpus();
  for (const std::u32string& line : test::folded_lines()) {
    Occurrences plain;  // each word by u32string_view::find, then in the matcher's order
    for (std::size_t i = 0; i < lists.size(); ++i)
      for (std::size_t b = 0; b <= lists[i].size();) {
        const std::size_t e = std::min(lists[i].find(U'|', b), lists[i].size());
        const std::u32string_view word = lists[i].substr(b, e - b);
        for (std::size_t at = line.find(word); at != std::u32string::npos; at = line.find(word, at + 1)) {
          const auto same = std::find_if(plain.begin(), plain.end(), [&](const auto& o) { return o.at == at && o.length == word.size(); });
          if (same != plain.end()) same->lists |= WordMatcher::Lists{1} << i;
          else plain.push_back({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(word.size()), WordMatcher::Lists{1} << i});
        }
        b = e + 1;
      }
    std::sort(plain.begin(), plain.end(), [](const auto& a, const auto& b) { return a.at != b.at ? a.at < b.at : a.length < b.length; });
    REQUIRE(matches(lists, line) == described(plain));
  }
}
