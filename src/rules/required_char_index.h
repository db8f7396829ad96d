// Which of several patterns can match a text at all, decided exactly from their required
// characters (rules/required_chars) in one pass over the text, before the text is converted
// for ICU: a text that lacks every character of one of a pattern's required sets is never
// searched with it, and one that no pattern can match is not converted at all.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nblint {

class RequiredCharIndex {
 public:
  // `required[i]`: pattern i's required sets (required_char_sets); none: it may always match.
  explicit RequiredCharIndex(const std::vector<const std::vector<std::u32string>*>& required);

  // Sets possible[i] to 1 where pattern i may match `text` (it has no required set, or the text
  // holds a character of each of them), to 0 elsewhere; returns whether any pattern may match.
  bool scan(std::u32string_view text, std::vector<unsigned char>& possible) const;

 private:
  static constexpr std::size_t kBits = 4096;  // a character's slot is its low 12 bits
  bool may_be_required(char32_t c) const { return (slots_[(c >> 6) & 63] >> (c & 63)) & 1; }

  std::vector<std::vector<std::uint32_t>> sets_of_;  // per pattern, its sets' numbers
  std::size_t set_count_ = 0;
  std::array<std::uint64_t, kBits / 64> slots_{};  // slots of the required characters
  std::vector<char32_t> chars_;                    // required characters, sorted, unique
  std::vector<std::vector<std::uint32_t>> sets_;   // for chars_[k], the sets holding it
  mutable std::vector<unsigned char> hit_;         // per set, during scan: the text holds one of it
};

}  // namespace nblint
