// Near-duplicate detection for prose: a MinHash signature over character shingles, so two
// sections can be compared (and bucketed, see band_keys) without keeping their text.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nblint {

struct TextFingerprint {
  static constexpr int kHashes = 128;  // signature slots: standard error of the estimate ≤ 0.045
  static constexpr int kBands = 16;    // LSH bands of kHashes / kBands slots each
  std::array<std::uint32_t, kHashes> minhash{};
  std::uint32_t chars = 0;  // characters compared (after numbers, dates and punctuation are dropped)
};

// The characters that carry the wording: letters and ideographs. Digits (so numbers and dates),
// punctuation, blanks and symbols are dropped: two reports that differ only in their figures
// read the same.
std::u32string wording_of(std::u32string_view text);

// Fingerprint of `wording` (see wording_of); shingles of kShingle characters.
TextFingerprint fingerprint(std::u32string_view wording);

// Fingerprints text given piece by piece, with no wording string: add() takes a piece's
// letters as wording_of does; finish() gives fingerprint(wording_of(the pieces, joined)).
class FingerprintBuilder {
 public:
  void add(std::u32string_view text);
  void add_wording(std::u32string_view wording);  // letters already (a wording)
  std::size_t chars() const { return chars_; }   // the wording's length so far
  TextFingerprint finish() const;
  void clear();  // for the next text (keeps the memory)

 private:
  void add_shingle(std::uint64_t h);

  std::size_t chars_ = 0;
  char32_t last_[3] = {};                // the wording's last three letters
  std::size_t shingles_ = 0;
  int table_bits_ = 0;                   // of seen_
  std::vector<std::uint64_t> seen_;      // recent shingle hashes (see distinct_shingle_hashes)
  std::vector<std::uint64_t> hashes_;    // each distinct shingle's mixed hash (repeats allowed)
};

// Estimated Jaccard similarity of the two shingle sets, in [0, 1].
double similarity(const TextFingerprint& a, const TextFingerprint& b);

// One key per band: fingerprints sharing any key are candidates for a close comparison.
std::array<std::uint64_t, TextFingerprint::kBands> band_keys(const TextFingerprint& f);

}  // namespace nblint
