// text/origin_map: the compact list of a folded text's source offsets reads back every offset it
// was given, however they were appended, and searches as a sorted list does.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "text/origin_map.h"

using namespace nblint;

namespace {

// Origins as a folded text has them: steps of 0 (a character folded to several) to 4 bytes, and
// now and then a jump (a removed annotation, an HTML tag, a long script).
std::vector<std::uint32_t> origins_like_text(std::mt19937& rng, std::size_t n) {
  std::vector<std::uint32_t> out;
  std::uint32_t at = rng() % 1000;
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(at);
    const unsigned roll = rng() % 100;
    at += roll < 2 ? 200 + rng() % 100000 : roll < 10 ? 0 : roll < 40 ? 1 : 3;
  }
  return out;
}

// Appends `origins` in pieces of random length (the normaliser flushes whatever it has), some
// one at a time.
void append_in_pieces(OriginMap& map, const std::vector<std::uint32_t>& origins, std::mt19937& rng) {
  for (std::size_t at = 0; at < origins.size();) {
    const std::size_t n = std::min<std::size_t>(origins.size() - at, rng() % 70);
    if (rng() % 4 == 0) {
      for (std::size_t k = 0; k < n; ++k) map.push_back(origins[at + k]);
    } else {
      map.append(origins.data() + at, n);
    }
    at += n;
  }
}

}  // namespace

TEST_CASE("origin map: every origin reads back, and lower_bound agrees with a search of the list") {
  std::mt19937 rng(11);
  for (const std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{15}, std::size_t{16}, std::size_t{17},
                              std::size_t{1000}, std::size_t{40000}}) {
    CAPTURE(n);
    const std::vector<std::uint32_t> origins = origins_like_text(rng, n);
    OriginMap map;
    append_in_pieces(map, origins, rng);
    REQUIRE(map.size() == n);
    CHECK(map.to_vector() == origins);
    bool all = true;
    for (std::size_t i = 0; i < n; ++i) all = all && map[i] == origins[i];
    CHECK(all);
    // Offsets at, between, before and after the origins.
    std::vector<std::uint32_t> probes = {0, 1, UINT32_MAX};
    for (std::size_t k = 0; k < 500 && n > 0; ++k) {
      const std::uint32_t o = origins[rng() % n];
      probes.insert(probes.end(), {o, o + 1, o - 1, o + 2});
    }
    for (const std::uint32_t offset : probes) {
      const auto expected = static_cast<std::size_t>(std::lower_bound(origins.begin(), origins.end(), offset) - origins.begin());
      if (map.lower_bound(offset) != expected) {
        FAIL_CHECK("lower_bound(" << offset << ") = " << map.lower_bound(offset) << ", expected " << expected);
        break;
      }
    }
  }
}

TEST_CASE("origin map: a plain run of characters takes a byte each and a word a block") {
  std::vector<std::uint32_t> origins;
  for (std::uint32_t i = 0; i < 1000; ++i) origins.push_back(7 + 3 * i);  // three-byte characters
  OriginMap map;
  map.append(origins.data(), origins.size());
  CHECK(map.to_vector() == origins);
  auto [steps, firsts] = std::move(map).release();
  CHECK(steps.size() == 1000);
  CHECK(firsts.size() == (1000 + OriginMap::kBlock - 1) / OriginMap::kBlock);
  CHECK(map.empty());
}

TEST_CASE("origin map: origins that go back or leap still read back exactly") {
  // Not what the normaliser makes, but the map must not turn them into other numbers.
  const std::vector<std::uint32_t> origins = {50, 40, 40, 300, 299, 0, UINT32_MAX, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                                              14, 15, 16, 1000000, 1000001, 2};
  OriginMap map;
  map.append(origins.data(), origins.size());
  CHECK(map.to_vector() == origins);
  OriginMap one_by_one;
  for (const std::uint32_t o : origins) one_by_one.push_back(o);
  CHECK(one_by_one == map);
}

TEST_CASE("origin map: buffers handed to a new map keep their capacity, and it starts empty") {
  std::vector<std::uint32_t> origins(5000);
  for (std::size_t i = 0; i < origins.size(); ++i) origins[i] = static_cast<std::uint32_t>(i * 2);
  OriginMap first;
  first.assign(origins);
  auto [steps, firsts] = std::move(first).release();
  const std::size_t steps_capacity = steps.capacity(), firsts_capacity = firsts.capacity();
  OriginMap second(std::move(steps), std::move(firsts));
  CHECK(second.empty());
  CHECK(second.lower_bound(0) == 0);
  second.assign(std::vector<std::uint32_t>{1, 2, 3});
  CHECK(second.to_vector() == std::vector<std::uint32_t>{1, 2, 3});
  auto [steps2, firsts2] = std::move(second).release();
  CHECK(steps2.capacity() == steps_capacity);
  CHECK(firsts2.capacity() == firsts_capacity);
}
