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

// scan keeps scratch state (hit_, holds_, the lazily built table): one index per thread, as
// the PatternScanner that holds it.
class RequiredCharIndex {
 public:
  // `required[i]`: pattern i's required sets (required_char_sets); none: it may always match.
  explicit RequiredCharIndex(const std::vector<const std::vector<std::u32string>*>& required);

  // Sets possible[i] to 1 where pattern i may match `text` (it has no required set, or the text
  // holds a character of each of them), to 0 elsewhere; returns whether any pattern may match.
  bool scan(std::u32string_view text, std::vector<unsigned char>& possible) const;

  // How scan answers for a text of `size` code points:
  enum class Path {
    search,  // a vectorised search for each required character a pattern still needs
    masks,   // each character looked up in the table of set masks (up to 64 sets; an index's
             // first such scan looks them up in the list instead, as sets does)
    sets,    // each character of the text looked up in the sorted list of required characters
  };
  Path path_for(std::size_t size) const;

 private:
  // The search path: the text is searched for one required character after another, pattern
  // by pattern, a pattern's sets in turn until one is absent. Each search costs a call and a
  // fraction of an instruction per character; looking every character up costs about a dozen:
  // searching wins unless the text is short next to the number of characters.
  static constexpr std::size_t kSearchMinCharsPerRequired = 4;
  bool scan_search(std::u32string_view text, std::vector<unsigned char>& possible) const;
  // The table path: a character's sets are one 64-bit mask, found by two array reads. The
  // table is built at the second scan that may use it (scan: the first takes the list).
  static constexpr std::size_t kMaskBits = 64, kMaxTableChars = 255;  // block_ entries are bytes
  void build_mask_table() const;
  bool scan_masks(std::u32string_view text, std::vector<unsigned char>& possible) const;
  std::uint8_t entry_of(char32_t c) const;  // in block_ or astral_: c's mask in masks_
  // The sets `text` holds a character of (as a mask), character by character in the table; or
  // with AVX2, where the characters are first tested eight at a time against slots_.
  std::uint64_t sets_hit_plain(std::u32string_view text) const;
  std::uint64_t sets_hit_avx2(std::u32string_view text) const;
  // The general path (more sets than a mask holds).
  bool scan_sets(std::u32string_view text, std::vector<unsigned char>& possible) const;
  static constexpr std::size_t kBits = 4096;  // a character's slot is its low 12 bits
  bool may_be_required(char32_t c) const { return (slots_[(c >> 6) & 63] >> (c & 63)) & 1; }

  std::vector<std::vector<std::uint32_t>> sets_of_;  // per pattern, its sets' numbers
  std::size_t set_count_ = 0;
  std::array<std::uint64_t, kBits / 64> slots_{};  // slots of the required characters
  std::vector<char32_t> chars_;                    // required characters, sorted, unique
  std::vector<std::vector<std::uint32_t>> sets_;   // for chars_[k], the sets holding it
  mutable std::vector<unsigned char> hit_;         // per set, during scan: the text holds one of it

  // The search path: set n's characters are member_[member_start_[n] … member_start_[n + 1]),
  // as indexes into chars_; per character during a scan, whether the text holds it.
  std::vector<std::uint32_t> member_start_, member_;
  static constexpr unsigned char kUnknown = 2;  // not searched for yet
  mutable std::vector<unsigned char> holds_;

  // The table path. For a BMP character c, block_[page_[c >> 8] + (c & 0xFF)] is the index in
  // masks_ of the mask of the sets holding c (masks_[0] = 0: it is in none; page_ gives unused
  // pages the all-zero block at 0). Required characters above U+FFFF are in astral_.
  mutable std::vector<std::uint32_t> page_;  // 256 entries once built
  mutable std::vector<std::uint8_t> block_;  // 256 entries per used page
  mutable std::vector<std::uint64_t> masks_;
  mutable std::vector<std::pair<char32_t, std::uint8_t>> astral_;  // sorted by character
  mutable std::vector<std::uint64_t> need_;                         // per pattern, the mask of its sets
  mutable std::vector<unsigned char> no_hit_possible_;              // scan's answer for a text of no set
  mutable bool no_hit_any_ = false;
  mutable std::size_t short_scans_ = 0;                             // scans that chose the table path
  std::uint64_t all_sets_ = 0;
};

}  // namespace nblint
