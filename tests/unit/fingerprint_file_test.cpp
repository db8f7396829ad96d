// The run's fingerprint file (cli/fingerprint_file): every fingerprint comes back, in any order,
// from memory, from the file and from the part not yet written; a full disk moves them to memory.
#include <doctest/doctest.h>

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "cli/fingerprint_file.h"
#include "support/full_disk.h"

using namespace nblint;

namespace {

// A fingerprint that differs from its neighbours in every slot.
TextFingerprint numbered(std::uint32_t k) {
  TextFingerprint f;
  for (std::size_t s = 0; s < f.minhash.size(); ++s) f.minhash[s] = k * 131u + static_cast<std::uint32_t>(s);
  f.chars = k;
  return f;
}

void check_all(const FingerprintFile& file, std::uint32_t count) {
  REQUIRE(file.size() == count);
  // Backwards, then striding across blocks, so the cache is missed and refilled.
  for (std::uint32_t k = count; k-- > 0;) {
    CAPTURE(k);
    CHECK(file.at(k).minhash == numbered(k).minhash);
  }
  for (std::uint32_t k = 0; k < count; k += 1031) CHECK(file.at(k).chars == k);  // past the cache's size
}

}  // namespace

TEST_CASE("fingerprint file: fingerprints come back in any order, held, written and pending alike") {
  // Held in memory up to the budget: no file.
  FingerprintFile small(100 * sizeof(TextFingerprint));
  for (std::uint32_t k = 0; k < 100; ++k) small.append(numbered(k));
  CHECK_FALSE(small.spilled());
  check_all(small, 100);

  FingerprintFile file(100 * sizeof(TextFingerprint));
  const std::uint32_t count = 5000 + 5;  // more than the cache holds, and a tail not yet written
  for (std::uint32_t k = 0; k < count; ++k) CHECK(file.append(numbered(k)) == k);
  REQUIRE(file.spilled());
  check_all(file, count);
  CHECK_THROWS_AS(file.at(count), std::out_of_range);
  FingerprintFile moved = std::move(file);
  check_all(moved, count);
}

TEST_CASE("fingerprint file: when the disk refuses a block, what was written moves to memory") {
  FingerprintFile file(10 * sizeof(TextFingerprint));
  const std::uint32_t first = 10 + 128;  // ten held, two blocks of 64 written
  for (std::uint32_t k = 0; k < first; ++k) file.append(numbered(k));
  REQUIRE(file.spilled());
  const std::uint32_t count = first + 3 * 64 + 7;
  // A full disk: the third block fails.
  test::with_full_disk_past(128 * sizeof(TextFingerprint) + 16, [&] {
    for (std::uint32_t k = first; k < count; ++k) file.append(numbered(k));
  });
  CHECK_FALSE(file.spilled());
  check_all(file, count);
}
