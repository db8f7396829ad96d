// The fingerprints of a run's section prose (rules/text_fingerprint), held in memory up to a
// fixed budget and kept beyond it in an unlinked temporary file: they are most of what the
// checks across reports would otherwise hold per report (512 bytes a section). The checks
// compare candidates in no useful order, so reads from the file go one fingerprint at a time
// through a small cache; a run small enough for the budget never reads the file. Without a
// temporary file (or once the disk refuses more) every fingerprint stays in memory.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "rules/text_fingerprint.h"

namespace nblint {

class FingerprintFile {
 public:
  static constexpr std::size_t kDefaultHeld = 12u << 20;  // bytes of fingerprints held in memory

  explicit FingerprintFile(std::size_t held_bytes = kDefaultHeld);
  ~FingerprintFile();
  FingerprintFile(FingerprintFile&& other) noexcept;
  FingerprintFile& operator=(FingerprintFile&& other) noexcept;
  FingerprintFile(const FingerprintFile&) = delete;
  FingerprintFile& operator=(const FingerprintFile&) = delete;

  // Appends `f`; returns its index.
  std::uint32_t append(const TextFingerprint& f);
  // Fingerprint `k` (k < size()). Not thread-safe: reads fill a small cache.
  TextFingerprint at(std::uint32_t k) const;
  std::uint32_t size() const { return count_; }
  // Some fingerprints are in the temporary file.
  bool spilled() const { return fd_ >= 0; }

 private:
  static constexpr std::size_t kWriteBlock = 64;     // fingerprints written at once
  static constexpr std::size_t kCachedPrints = 1024; // direct-mapped cache of file reads

  void flush();
  void take_back();
  void close_file();

  std::size_t held_limit_;              // fingerprints held before the file takes the rest
  std::vector<TextFingerprint> held_;   // fingerprints 0 .. held_.size()-1
  int fd_ = -1;                         // the file: fingerprints from held_.size() on; -1: none yet
  bool no_file_ = false;                // none can be made, or the disk refused: hold everything
  std::uint32_t count_ = 0;
  std::uint32_t written_ = 0;           // fingerprints in the file
  std::vector<TextFingerprint> pending_;  // after those, not yet written
  mutable std::vector<TextFingerprint> cache_;
  mutable std::vector<std::uint32_t> cached_index_;
};

}  // namespace nblint
