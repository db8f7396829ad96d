// keep_letters (rules/letter_filter), eight code points at a time, against wording_of's plain
// filter (is_letter one code point at a time): on the corpus and on random texts over all of
// Unicode, every length and offset around the lanes' width.
#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "rules/letter_filter.h"
#include "support/corpus_texts.h"

using namespace nblint;

namespace {

std::u32string plain_letters(std::u32string_view text) {
  std::u32string out;
  for (const char32_t c : text)
    if (is_letter(c)) out += c;
  return out;
}

void check_against_plain(std::u32string_view text) {
  std::vector<char32_t> out(text.size() + kLetterSlack);
  const std::size_t kept = keep_letters(text, out.data());
  REQUIRE(std::u32string_view(out.data(), kept) == plain_letters(text));
}

}  // namespace

TEST_CASE("letter filter: letters and ideographs kept in order, the rest dropped") {
  const std::u32string_view text = U"2024年，本局（ABC）公开 652 条。𠀀𝟘é";  // 𝟘 is a digit
  std::vector<char32_t> out(text.size() + kLetterSlack);
  CHECK(std::u32string_view(out.data(), keep_letters(text, out.data())) == U"年本局ABC公开条𠀀é");
}

TEST_CASE("letter filter: same as one at a time on random texts over all of Unicode") {
  std::mt19937 random(20261129);
  const std::u32string_view common = U"本局政府信息公开工作年度报告abcXYZ，。、 0123（）|\t\U00020000\U0001D7D8";
  std::uniform_int_distribution<char32_t> any(0, 0x10FFFF), invalid(0x110000, 0xFFFFFFFF), length(0, 40);
  std::uniform_int_distribution<std::size_t> pick(0, common.size() - 1), kind(0, 9);
  for (int round = 0; round < 2000; ++round) {
    std::u32string text(length(random), U'\0');
    for (char32_t& c : text) {
      const std::size_t k = kind(random);
      c = k < 6 ? common[pick(random)] : k < 9 ? any(random) : invalid(random);
    }
    CAPTURE(round);
    check_against_plain(text);
    check_against_plain(std::u32string_view(text).substr(text.size() / 3));  // another alignment
  }
}

TEST_CASE("letter filter: same as one at a time on the corpus") {
  const int files = test::for_each_corpus_text([](const std::filesystem::path& path, std::u32string_view text) {
    CAPTURE(path);
    check_against_plain(text);
  });
  if (test::have_shared_corpus()) CHECK(files > 0);
}
