#include "rules/required_char_index.h"

#include <algorithm>
#include <utility>

namespace nblint {

RequiredCharIndex::RequiredCharIndex(const std::vector<const std::vector<std::u32string>*>& required)
    : sets_of_(required.size()) {
  std::vector<std::pair<char32_t, std::uint32_t>> pairs;  // (character, set)
  for (std::size_t i = 0; i < required.size(); ++i) {
    // ICU sees U+FFFD where the text holds an invalid code point (a surrogate, above U+10FFFF):
    // a set holding U+FFFD is not judged from the text's own code points.
    for (const std::u32string& set : *required[i]) {
      if (set.find(U'\uFFFD') != std::u32string::npos) continue;
      const auto number = static_cast<std::uint32_t>(set_count_++);
      sets_of_[i].push_back(number);
      for (const char32_t c : set) pairs.emplace_back(c, number);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  for (const auto& [c, number] : pairs) {
    if (chars_.empty() || chars_.back() != c) {
      chars_.push_back(c);
      sets_.emplace_back();
      slots_[(c >> 6) & 63] |= std::uint64_t{1} << (c & 63);
    }
    sets_.back().push_back(number);
  }
}

bool RequiredCharIndex::scan(std::u32string_view text, std::vector<unsigned char>& possible) const {
  hit_.assign(set_count_, 0);
  std::size_t unhit = set_count_;
  for (const char32_t c : text) {
    if (unhit == 0) break;
    if (!may_be_required(c)) continue;
    const auto at = std::lower_bound(chars_.begin(), chars_.end(), c);
    if (at == chars_.end() || *at != c) continue;
    for (const std::uint32_t number : sets_[static_cast<std::size_t>(at - chars_.begin())])
      if (!hit_[number]) {
        hit_[number] = 1;
        --unhit;
      }
  }
  possible.assign(sets_of_.size(), 1);
  bool any = false;
  for (std::size_t i = 0; i < sets_of_.size(); ++i) {
    for (const std::uint32_t number : sets_of_[i])
      if (!hit_[number]) possible[i] = 0;
    any = any || possible[i];
  }
  return any;
}

}  // namespace nblint
