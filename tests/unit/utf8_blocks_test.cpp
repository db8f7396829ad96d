#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "ingest/utf8_blocks.h"
#include "support/run.h"
#include "util/utf8.h"

using namespace nblint;

namespace {

// Bytes around every boundary the validator's tables distinguish.
const std::vector<unsigned char> kEdgeBytes = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                                               0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5,
                                               0xF7, 0xF8, 0xFF};

using Validator = bool (*)(std::string_view);

// `inner` after `before` bytes of `around` and before `tail`; 1 when the block validator and
// utf8::is_valid disagree.
int disagrees(Validator valid, const std::string& inner, std::size_t before, const char* around,
              const std::string& tail) {
  std::string text;
  while (text.size() < before) text += around;
  text += inner;
  text += tail;
  return valid(text) != utf8::is_valid(text);
}

// `inner` at every offset of a 16- and a 32-byte block and into the next, after ASCII or a CJK
// character, followed by nothing, ASCII or CJK.
int disagreements_anywhere(Validator valid, const std::string& inner) {
  int wrong = 0;
  for (std::size_t before = 0; before <= 65; ++before)
    for (const char* around : {"x", "\xE6\x94\xBF"})  // 政
      for (const std::string& tail : {std::string(), std::string("y"), std::string(15, 'y'), std::string(33, 'y'),
                                      std::string("\xE6\x94\xBF")})
        wrong += disagrees(valid, inner, before, around, tail);
  return wrong;
}

// The same at the offsets around the ends of a block's 16-byte halves only.
int disagreements_at_block_end(Validator valid, const std::string& inner) {
  int wrong = 0;
  for (std::size_t before : {0, 13, 14, 15, 16, 29, 30, 31, 32})
    for (const std::string& tail : {std::string(), std::string("y"), std::string(33, 'y')})
      wrong += disagrees(valid, inner, before, "x", tail);
  return wrong;
}

// Every check of the first test case, for one validator.
int disagreements(Validator valid) {
  int wrong = 0;
  for (int b = 0; b < 256; ++b) wrong += disagreements_anywhere(valid, std::string(1, static_cast<char>(b)));
  for (unsigned char b0 : kEdgeBytes)
    for (unsigned char b1 : kEdgeBytes)
      wrong += disagreements_anywhere(valid, {static_cast<char>(b0), static_cast<char>(b1)});
  for (int b0 = 0x80; b0 < 256; ++b0)
    for (int b1 = 0; b1 < 256; ++b1)
      wrong += disagreements_at_block_end(valid, {static_cast<char>(b0), static_cast<char>(b1)});
  for (unsigned char b0 : kEdgeBytes)
    for (unsigned char b1 : kEdgeBytes)
      for (unsigned char b2 : kEdgeBytes) {
        wrong += disagreements_at_block_end(valid, {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2)});
        if (b0 >= 0xF0)
          for (unsigned char b3 : kEdgeBytes)
            wrong += disagreements_at_block_end(
                valid, {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2), static_cast<char>(b3)});
      }
  return wrong;
}

// The widths this machine can run.
std::vector<Validator> validators() {
  std::vector<Validator> all;
  if (utf8_blocks_available()) all.push_back(utf8_valid_blocks16);
  if (utf8_blocks32_available()) all.push_back(utf8_valid_blocks32);
  return all;
}

}  // namespace

TEST_CASE("utf8_valid_blocks: agrees with the code-point validator at every block position") {
  if (!utf8_blocks_available()) {
    MESSAGE("no SSSE3 on this machine: the byte-at-a-time check is used, nothing to compare");
    return;
  }
  if (!utf8_blocks32_available()) MESSAGE("no AVX2 on this machine: only the 16-byte blocks are compared");
  for (const Validator valid : validators()) {
    CHECK(valid(""));
    CHECK(valid("政府信息公开工作年度报告 2023"));
    CHECK_FALSE(valid("政府信息公开工作年度报告\xE6\x94"));  // cut short at the end
    CHECK_FALSE(valid("\xED\xA0\x80"));                      // a surrogate
    CHECK(disagreements(valid) == 0);
  }
  CHECK(utf8_valid_blocks("政府信息公开工作年度报告 2023"));
  CHECK_FALSE(utf8_valid_blocks("政府信息公开工作年度报告\xE6\x94"));
}

TEST_CASE("utf8_valid_blocks: agrees with the code-point validator on random byte strings") {
  if (!utf8_blocks_available()) return;
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> edge(0, kEdgeBytes.size() - 1), length(0, 70);
  std::uniform_int_distribution<int> kind(0, 3);
  int wrong = 0, valid = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (std::size_t n = length(random); n > 0; --n) {
      switch (kind(random)) {
        case 0: text += "a"; break;
        case 1: text += "\xE6\x94\xBF"; break;  // 政
        case 2: text += "\xF0\xA0\x80\x80"; break;  // U+20000
        default: text += static_cast<char>(kEdgeBytes[edge(random)]); break;
      }
    }
    const bool expected = utf8::is_valid(text);
    valid += expected;
    for (const Validator validator : validators()) wrong += validator(text) != expected;
  }
  CHECK(wrong == 0);
  CHECK(valid > 100);  // both outcomes were exercised
}

TEST_CASE("utf8_valid_blocks: agrees with the code-point validator on every corpus file") {
  if (!test::have_shared_corpus()) {
    MESSAGE("shared corpus absent: skipped");
    return;
  }
  int files = 0, wrong = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(test::shared_dir() / "corpus")) {
    if (!e.is_regular_file()) continue;
    const std::string bytes = test::read_file(e.path());
    const bool expected = utf8::is_valid(bytes);
    for (const Validator valid : validators()) wrong += valid(bytes) != expected;
    ++files;
  }
  CHECK(files > 0);
  CHECK(wrong == 0);
}
