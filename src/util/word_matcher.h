// Finds, in one pass over a text, every occurrence of every word of several word lists: the
// scanners that ask "does one of these words occur here" for many lists and many stretches of
// the same text search it once and answer from the occurrences instead.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/code_point_filter.h"

namespace nblint {

class WordMatcher {
 public:
  using Lists = std::uint64_t;  // bit i: list i
  static constexpr std::size_t kMaxLists = 64;

  struct Occurrence {
    std::uint32_t at, length;
    Lists lists;  // the lists that hold this word
  };

  // Each list is '|'-separated words (empty words are ignored, so an empty list never occurs).
  // A word in several lists is one occurrence with several bits. Throws std::invalid_argument
  // beyond kMaxLists lists.
  explicit WordMatcher(std::span<const std::u32string_view> lists);

  // Appends every occurrence in `text`, overlapping ones included, ordered by position and, at
  // one position, shorter words first. Positions are 32-bit: a text (a paragraph) is far shorter.
  void find_all(std::u32string_view text, std::vector<Occurrence>& out) const;

 private:
  struct Word {
    std::u32string text;
    Lists lists;
  };
  // Words sorted by first character, then length; a group per first character.
  std::vector<Word> words_;
  std::vector<std::uint32_t> group_starts_;  // group g is words_[group_starts_[g], group_starts_[g + 1])
  // The group of each first character, by open addressing (probed for the characters that pass
  // first_chars_ below).
  struct Slot {
    char32_t first = 0;
    std::uint32_t group = 0;  // 0: an empty slot; else the group's index + 1
  };
  std::vector<Slot> slots_;
  int slot_shift_ = 0;
  std::size_t slot_of(char32_t c) const { return (static_cast<std::uint32_t>(c) * 0x9E3779B1u) >> slot_shift_; }
  // Every word's first character: most characters of a text are none, and the filter says so
  // before any probe.
  CodePointFilter first_chars_;
};

}  // namespace nblint
