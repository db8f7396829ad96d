// rules/required_char_index against the plain question it answers: does the text hold a
// character of each of a pattern's required sets? Each of its paths (a search per character on
// long texts; on short ones the table of set masks for up to 64 sets, the sorted character list
// beyond), on random sets and texts with BMP, supplementary and invalid code points.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "rules/required_char_index.h"
#include "support/corpus_texts.h"

using namespace nblint;

namespace {

// The plain answer: pattern i may match when every one of its sets that does not hold U+FFFD
// has a character in the text.
std::vector<unsigned char> plain_possible(const std::vector<std::vector<std::u32string>>& required,
                                          std::u32string_view text) {
  std::vector<unsigned char> out;
  for (const auto& sets : required) {
    bool possible = true;
    for (const std::u32string& set : sets) {
      if (set.find(U'\uFFFD') != std::u32string::npos) continue;
      if (text.find_first_of(set) == std::u32string_view::npos) possible = false;
    }
    out.push_back(possible);
  }
  return out;
}

// Characters from a small alphabet, so that sets and texts meet: ASCII, CJK on several pages,
// the last of a page, supplementary characters, U+FFFD, a surrogate and one above U+10FFFF.
const std::u32string kAlphabet = U"aXx*([年月日某统计表附件:填此\u00FF\u0100\u4DFF\u4E00\u9FFF\uFFFF\U00020000\U0002A6D6\uFFFD";
const char32_t kInvalid[] = {0xD800, 0x110000, 0xFFFFFFFF};

void check_random(std::size_t max_patterns, std::size_t max_sets, std::uint32_t seed, bool expect_table) {
  std::mt19937 random(seed);
  const auto below = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::vector<std::u32string>> required(below(max_patterns) + 1);
    for (auto& sets : required) {
      sets.resize(below(max_sets + 1));
      for (std::u32string& set : sets)
        for (std::size_t n = below(4) + 1; n > 0; --n) set += kAlphabet[below(kAlphabet.size())];
    }
    std::vector<const std::vector<std::u32string>*> pointers;
    for (const auto& sets : required) pointers.push_back(&sets);
    const RequiredCharIndex index(pointers);
    std::size_t set_count = 0;  // the sets judged from the text (not those holding U+FFFD)
    for (const auto& sets : required)
      for (const std::u32string& set : sets) set_count += set.find(U'\uFFFD') == std::u32string::npos;
    if (expect_table) REQUIRE((index.path_for(0) == RequiredCharIndex::Path::sets) == (set_count > 64));
    for (int t = 0; t < 20; ++t) {
      std::u32string text;
      for (std::size_t n = below(t < 10 ? 12 : 200); n > 0; --n)  // short: a lookup per character; long: searches
        text += below(10) == 0 ? kInvalid[below(3)] : kAlphabet[below(kAlphabet.size())];
      std::vector<unsigned char> possible(3, 7);  // stale contents are replaced
      const bool any = index.scan(text, possible);
      const std::vector<unsigned char> expected = plain_possible(required, text);
      CAPTURE(round);
      CAPTURE(t);
      REQUIRE(possible == expected);
      CHECK(any == (std::find(expected.begin(), expected.end(), 1) != expected.end()));
    }
  }
}

}  // namespace

TEST_CASE("required char index: the mask table answers as the plain search (up to 64 sets)") {
  check_random(6, 4, 20261129, true);
  check_random(20, 3, 7, true);  // sometimes over 64 sets: the general path
}

TEST_CASE("required char index: the general path answers as the plain search (over 64 sets)") {
  std::vector<std::vector<std::u32string>> required(70);
  for (std::size_t i = 0; i < required.size(); ++i) required[i] = {std::u32string(1, kAlphabet[i % kAlphabet.size()])};
  std::vector<const std::vector<std::u32string>*> pointers;
  for (const auto& sets : required) pointers.push_back(&sets);
  const RequiredCharIndex index(pointers);
  CHECK(index.path_for(0) == RequiredCharIndex::Path::sets);
  for (const std::u32string& text : {std::u32string(), std::u32string(U"年"), kAlphabet, std::u32string(U"\U00020000x"),
                                     kAlphabet + kAlphabet + kAlphabet + kAlphabet + kAlphabet}) {
    std::vector<unsigned char> possible;
    index.scan(text, possible);
    CHECK(possible == plain_possible(required, text));
  }
}

TEST_CASE("required char index: no patterns, patterns without sets, a set of U+FFFD only") {
  std::vector<unsigned char> possible(2, 1);
  CHECK_FALSE(RequiredCharIndex({}).scan(U"年", possible));
  CHECK(possible.empty());
  const std::vector<std::u32string> none, fffd = {U"\uFFFD"}, year = {U"年", U"月"};
  const RequiredCharIndex index({&none, &fffd, &year});
  CHECK(index.path_for(0) == RequiredCharIndex::Path::masks);
  CHECK(index.path_for(100) == RequiredCharIndex::Path::search);
  CHECK(index.scan(U"", possible));
  CHECK(possible == std::vector<unsigned char>{1, 1, 0});
  CHECK(index.scan(U"年月", possible));
  CHECK(possible == std::vector<unsigned char>{1, 1, 1});
}

namespace {

// The placeholder patterns' kind of sets: rare characters and common ones (年月日).
const std::vector<std::vector<std::u32string>> kPlaceholderSets = {
    {U"Xx"}, {U"Xx", U"年月日"}, {U"×✕╳"}, {U"*", U"年月日号件条个项次份人局委办镇乡县区市"}, {U"([【", U"单机部组"},
    {U"填此"}, {U"某"}};

// Scans each piece of `pieces` short enough for the mask table, against the plain answer.
void check_masks_against_plain(const std::vector<std::vector<std::u32string>>& required, std::u32string_view text) {
  std::vector<const std::vector<std::u32string>*> pointers;
  for (const auto& sets : required) pointers.push_back(&sets);
  const RequiredCharIndex index(pointers);
  std::size_t longest = 0;  // of a text the table answers for
  while (index.path_for(longest + 1) == RequiredCharIndex::Path::masks) ++longest;
  REQUIRE(longest >= 16);
  std::vector<unsigned char> possible;
  std::mt19937 random(11);
  for (std::size_t from = 0; from < text.size();) {
    const std::size_t n = std::uniform_int_distribution<std::size_t>(0, longest)(random);
    const std::u32string_view piece = text.substr(from, n);
    const bool any = index.scan(piece, possible);
    const std::vector<unsigned char> expected = plain_possible(required, piece);
    CAPTURE(from);
    REQUIRE(possible == expected);
    CHECK(any == (std::find(expected.begin(), expected.end(), 1) != expected.end()));
    from += n;
  }
}

}  // namespace

TEST_CASE("required char index: the mask table on characters that share a required one's low twelve bits") {
  // Characters the first, coarse test lets through (same slot) that are not required, mixed
  // with required ones, every length up to the table's limit and every place in a block.
  std::u32string near;
  for (const auto& sets : kPlaceholderSets)
    for (const std::u32string& set : sets)
      for (const char32_t c : set) near += {c ^ 0x1000, c + 0x2000, c ^ 0x10000, c, U'政', U'府'};
  std::mt19937 random(3);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(near.begin(), near.end(), random);
    check_masks_against_plain(kPlaceholderSets, near);
  }
}

TEST_CASE("required char index: the mask table on the corpus") {
  const int files = test::for_each_corpus_text([](const std::filesystem::path& path, std::u32string_view text) {
    CAPTURE(path);
    check_masks_against_plain(kPlaceholderSets, text);
  });
  if (test::have_shared_corpus()) CHECK(files > 0);
}
