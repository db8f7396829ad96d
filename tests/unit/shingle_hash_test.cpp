// The shingle hashes four at a time (rules/shingle_hash) against fnv_shingle, one at a time:
// on the corpus and on random texts of every length around the lanes' width.
#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "rules/shingle_hash.h"
#include "support/run.h"
#include "util/utf8.h"

using namespace nblint;

namespace {

void check_lanes_against_plain(std::u32string_view text) {
  if (text.size() < kShingle) return;
  const std::size_t count = text.size() - (kShingle - 1);
  std::vector<std::uint64_t> lanes(count);
  fnv_shingles_in_lanes(text.data(), count, lanes.data());
  for (std::size_t t = 0; t < count; ++t) {
    CAPTURE(t);
    REQUIRE(lanes[t] == fnv_shingle(text.data() + t));
  }
}

}  // namespace

TEST_CASE("shingle hash: FNV-1a of the code points, as written out by hand") {
  const char32_t s[] = {U'政', U'府', U'信', U'息'};
  std::uint64_t h = 1469598103934665603ull;
  for (const char32_t c : s) h = (h ^ c) * 1099511628211ull;
  CHECK(fnv_shingle(s) == h);
}

TEST_CASE("shingle hash: four at a time equals one at a time, on random texts over all of Unicode") {
  if (!fnv_lanes_available()) {
    MESSAGE("no AVX-512DQ here: the lanes are not used, so not tested");
    return;
  }
  std::mt19937 random(20261129);
  std::uniform_int_distribution<char32_t> any(0, 0x10FFFF), small(0, 40);
  for (int round = 0; round < 400; ++round) {
    std::u32string text(small(random), U'\0');
    for (char32_t& c : text) c = round % 2 ? any(random) : U'政' + small(random);
    check_lanes_against_plain(text);
  }
  check_lanes_against_plain(std::u32string(1000, U'\U0010FFFF'));  // the largest code points
}

TEST_CASE("shingle hash: four at a time equals one at a time, on the corpus") {
  if (!fnv_lanes_available()) {
    MESSAGE("no AVX-512DQ here: the lanes are not used, so not tested");
    return;
  }
  if (!test::have_shared_corpus()) {
    MESSAGE("../shared/corpus absent: not checked on real reports");
    return;
  }
  int files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(test::shared_dir() / "corpus")) {
    if (e.path().extension() != ".txt") continue;
    const std::string bytes = test::read_file(e.path());
    std::u32string text;
    for (std::size_t i = 0; i < bytes.size();) {
      const utf8::Decoded d = utf8::decode(bytes, i);
      text += d.cp;
      i += d.length;
    }
    CAPTURE(e.path());
    check_lanes_against_plain(text);
    ++files;
  }
  CHECK(files > 0);
}
