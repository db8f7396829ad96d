#include "util/word_matcher.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace nblint {

WordMatcher::WordMatcher(std::span<const std::u32string_view> lists) {
  if (lists.size() > kMaxLists) throw std::invalid_argument("WordMatcher: more than 64 word lists");
  std::map<std::u32string, Lists> lists_of;
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const std::u32string_view list = lists[i];
    for (std::size_t b = 0; b <= list.size();) {
      std::size_t e = list.find(U'|', b);
      if (e == std::u32string_view::npos) e = list.size();
      if (e > b) lists_of[std::u32string(list.substr(b, e - b))] |= Lists{1} << i;
      b = e + 1;
    }
  }
  for (auto& [text, in] : lists_of) words_.push_back({text, in});
  std::stable_sort(words_.begin(), words_.end(), [](const Word& a, const Word& b) {
    return a.text[0] != b.text[0] ? a.text[0] < b.text[0] : a.text.size() < b.text.size();
  });
  std::vector<char32_t> firsts;
  for (std::size_t i = 0; i < words_.size(); ++i)
    if (firsts.empty() || firsts.back() != words_[i].text[0]) {
      firsts.push_back(words_[i].text[0]);
      group_starts_.push_back(static_cast<std::uint32_t>(i));
    }
  group_starts_.push_back(static_cast<std::uint32_t>(words_.size()));
  // At most one slot in eight taken, so that a probe seldom goes on past a full slot.
  int bits = 4;
  while ((std::size_t{1} << bits) < firsts.size() * 8) ++bits;
  slot_shift_ = 32 - bits;
  slots_.resize(std::size_t{1} << bits);
  for (std::size_t g = 0; g < firsts.size(); ++g) {
    std::size_t s = slot_of(firsts[g]);
    while (slots_[s].group) s = (s + 1) & (slots_.size() - 1);
    slots_[s] = {firsts[g], static_cast<std::uint32_t>(g + 1)};
    first_chars_.add(firsts[g]);
  }
}

void WordMatcher::find_all(std::u32string_view text, std::vector<Occurrence>& out) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (!first_chars_.may_hold(c)) continue;
    std::size_t s = slot_of(c);
    while (slots_[s].group && slots_[s].first != c) s = (s + 1) & mask;
    if (!slots_[s].group) continue;
    const std::uint32_t g = slots_[s].group - 1;
    for (std::uint32_t w = group_starts_[g]; w < group_starts_[g + 1]; ++w) {
      const std::u32string& word = words_[w].text;
      if (word.size() > text.size() - i) break;  // longer words follow
      // Compared in place: words are a few characters and most differ at the second, where a
      // call to memcmp (std::equal) would cost more than the comparison.
      std::size_t k = 1;
      while (k < word.size() && word[k] == text[i + k]) ++k;
      if (k == word.size())
        out.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(word.size()), words_[w].lists});
    }
  }
}

}  // namespace nblint
