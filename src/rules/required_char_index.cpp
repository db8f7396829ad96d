#include "rules/required_char_index.h"

#include <algorithm>
#include <bit>
#include <utility>

#include "util/bitmap_lanes.h"
#include "util/u32_search.h"

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
  member_start_.assign(set_count_ + 1, 0);
  for (const auto& [c, number] : pairs) ++member_start_[number + 1];
  for (std::size_t n = 0; n < set_count_; ++n) member_start_[n + 1] += member_start_[n];
  member_.resize(pairs.size());
  std::vector<std::uint32_t> fill(member_start_.begin(), member_start_.end() - 1);
  for (std::size_t k = 0; k < sets_.size(); ++k)
    for (const std::uint32_t number : sets_[k]) member_[fill[number]++] = static_cast<std::uint32_t>(k);
  all_sets_ = set_count_ >= kMaskBits ? ~std::uint64_t{0} : (std::uint64_t{1} << set_count_) - 1;
}

void RequiredCharIndex::build_mask_table() const {
  masks_ = {0};
  std::vector<std::uint8_t> entry_of(chars_.size());  // index in masks_
  for (std::size_t k = 0; k < chars_.size(); ++k) {
    std::uint64_t mask = 0;
    for (const std::uint32_t number : sets_[k]) mask |= std::uint64_t{1} << number;
    auto at = std::find(masks_.begin(), masks_.end(), mask);
    if (at == masks_.end()) at = masks_.insert(at, mask);  // at most 1 + kMaxTableChars masks
    entry_of[k] = static_cast<std::uint8_t>(at - masks_.begin());
  }
  page_.assign(256, 0);
  block_.assign(256, 0);
  for (std::size_t k = 0; k < chars_.size(); ++k) {
    const char32_t c = chars_[k];
    if (c > 0xFFFF) {
      astral_.emplace_back(c, entry_of[k]);  // chars_ is sorted, so astral_ is too
      continue;
    }
    std::uint32_t& page = page_[c >> 8];
    if (page == 0) {
      page = static_cast<std::uint32_t>(block_.size());
      block_.resize(block_.size() + 256, 0);
    }
    block_[page + (c & 0xFF)] = entry_of[k];
  }
  need_.assign(sets_of_.size(), 0);
  for (std::size_t i = 0; i < sets_of_.size(); ++i)
    for (const std::uint32_t number : sets_of_[i]) need_[i] |= std::uint64_t{1} << number;
  no_hit_possible_.assign(need_.size(), 0);
  for (std::size_t i = 0; i < need_.size(); ++i) no_hit_possible_[i] = need_[i] == 0;
  no_hit_any_ = std::find(no_hit_possible_.begin(), no_hit_possible_.end(), 1) != no_hit_possible_.end();
}

RequiredCharIndex::Path RequiredCharIndex::path_for(std::size_t size) const {
  if (size >= kSearchMinCharsPerRequired * chars_.size()) return Path::search;
  return set_count_ <= kMaskBits && chars_.size() <= kMaxTableChars ? Path::masks : Path::sets;
}

bool RequiredCharIndex::scan(std::u32string_view text, std::vector<unsigned char>& possible) const {
  switch (path_for(text.size())) {
    case Path::search: return scan_search(text, possible);
    case Path::masks:
      // A scanner made for one short text (Pattern::find_all) would spend more on the table
      // than on looking its few characters up in the list: the table comes at the second.
      if (page_.empty() && short_scans_++ == 0) return scan_sets(text, possible);
      return scan_masks(text, possible);
    case Path::sets: break;
  }
  return scan_sets(text, possible);
}

bool RequiredCharIndex::scan_search(std::u32string_view text, std::vector<unsigned char>& possible) const {
  holds_.assign(chars_.size(), kUnknown);
  const auto holds = [&](std::uint32_t k) {
    if (holds_[k] == kUnknown) holds_[k] = find_code_point(text, chars_[k]) != std::u32string_view::npos;
    return holds_[k] == 1;
  };
  possible.assign(sets_of_.size(), 1);
  bool any = false;
  for (std::size_t i = 0; i < sets_of_.size(); ++i) {
    for (const std::uint32_t number : sets_of_[i])
      if (std::none_of(member_.begin() + member_start_[number], member_.begin() + member_start_[number + 1], holds)) {
        possible[i] = 0;
        break;  // the pattern cannot match: its other sets need no search
      }
    any = any || possible[i];
  }
  return any;
}

std::uint8_t RequiredCharIndex::entry_of(char32_t c) const {
  if (c <= 0xFFFF) return block_[page_[c >> 8] + (c & 0xFF)];
  const auto at = std::lower_bound(astral_.begin(), astral_.end(), std::pair<char32_t, std::uint8_t>{c, 0});
  return at != astral_.end() && at->first == c ? at->second : 0;
}

std::uint64_t RequiredCharIndex::sets_hit_plain(std::u32string_view text) const {
  const std::uint32_t* const page = page_.data();
  const std::uint8_t* const block = block_.data();
  std::uint64_t hit = 0;
  const char32_t* const t = text.data();
  const std::size_t n = text.size();
  std::size_t i = 0;
  // Two characters a step: one test that both are in the BMP, one that both are in no set
  // (masks_[0] = 0), which is what nearly every pair of a text is.
  for (; i + 2 <= n; i += 2) {
    const char32_t c0 = t[i], c1 = t[i + 1];
    std::uint8_t e0, e1;
    if ((c0 | c1) <= 0xFFFF) {
      e0 = block[page[c0 >> 8] + (c0 & 0xFF)];
      e1 = block[page[c1 >> 8] + (c1 & 0xFF)];
    } else {
      e0 = entry_of(c0);
      e1 = entry_of(c1);
    }
    if ((e0 | e1) == 0) continue;
    hit |= masks_[e0] | masks_[e1];
    if (hit == all_sets_) return hit;
  }
  if (i + 1 == n) hit |= masks_[entry_of(t[i])];
  return hit;
}

#ifdef NBLINT_BITMAP_LANES
// Eight characters a step, each first tested against slots_ (its bit, found with a gather):
// the few characters that may be required (the required ones and those sharing their low
// twelve bits) are then looked up in the table.
__attribute__((target("avx2"))) std::uint64_t RequiredCharIndex::sets_hit_avx2(std::u32string_view text) const {
  const char32_t* const t = text.data();
  const std::size_t n = text.size();
  std::uint64_t hit = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256i c = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(t + i));
    for (unsigned lanes = bitmap_lanes(c, slots_.data(), kBits / 32); lanes != 0; lanes &= lanes - 1)
      hit |= masks_[entry_of(t[i + static_cast<std::size_t>(std::countr_zero(lanes))])];
    if (hit == all_sets_) return hit;
  }
  for (; i < n; ++i)
    if (may_be_required(t[i])) hit |= masks_[entry_of(t[i])];
  return hit;
}
#else
std::uint64_t RequiredCharIndex::sets_hit_avx2(std::u32string_view text) const { return sets_hit_plain(text); }
#endif

bool RequiredCharIndex::scan_masks(std::u32string_view text, std::vector<unsigned char>& possible) const {
  if (page_.empty()) build_mask_table();
  // the sets the text holds a character of
  const std::uint64_t hit = set_count_ == 0 ? 0 : bitmap_lanes_available() ? sets_hit_avx2(text) : sets_hit_plain(text);
  if (hit == 0) {  // most short texts: the answer made with the table
    possible.assign(no_hit_possible_.begin(), no_hit_possible_.end());
    return no_hit_any_;
  }
  possible.resize(need_.size());
  bool any = false;
  for (std::size_t i = 0; i < need_.size(); ++i) {
    possible[i] = (need_[i] & ~hit) == 0;
    any = any || possible[i];
  }
  return any;
}

bool RequiredCharIndex::scan_sets(std::u32string_view text, std::vector<unsigned char>& possible) const {
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
