// util/spill_array: whatever is held, spilled to the file, evicted from the cache or brought back
// into memory after the disk refused a page, every item reads back as last set, like a vector.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "support/full_disk.h"
#include "util/spill_array.h"

using namespace nblint;

namespace {

struct Item {
  std::uint64_t key = 0;
  std::uint32_t a = 0, b = 0;
};

bool same(const Item& x, const Item& y) { return x.key == y.key && x.a == y.a && x.b == y.b; }

// Random appends, growths and writes, checked against `expected` (what the array holds so far)
// at every read and at the end.
void check_like_vector(SpillArray<Item>& array, std::vector<Item>& expected, unsigned seed, std::size_t steps) {
  std::mt19937 random(seed);
  for (std::size_t step = 0; step < steps; ++step) {
    const unsigned what = random() % 10;
    if (what < 4 || expected.empty()) {
      const Item item{random(), static_cast<std::uint32_t>(step), 7};
      array.push_back(item);
      expected.push_back(item);
    } else if (what == 4) {
      const std::size_t more = random() % 300;
      array.resize(expected.size() + more);
      expected.resize(expected.size() + more);
    } else if (what < 7) {
      const std::size_t i = random() % expected.size();
      const Item item{random(), static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(step)};
      array.set(i, item);
      expected[i] = item;
    } else {
      const std::size_t i = random() % expected.size();
      CAPTURE(i);
      REQUIRE(same(array.get(i), expected[i]));
    }
  }
  REQUIRE(array.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    REQUIRE(same(array.get(i), expected[i]));
  }
}

}  // namespace

TEST_CASE("spill array: held in memory, or mostly in the file through a small cache, it reads back like a vector") {
  std::vector<Item> expected;
  SpillArray<Item> held(4 << 20);  // these steps never reach this budget
  check_like_vector(held, expected, 1, 3'000);
  CHECK_FALSE(held.spilled());

  // A budget of 100 items and two cached pages: most items live in the file, and pages are
  // evicted (written back) and read again all the time.
  SpillArray<Item> spilled(100 * sizeof(Item), 2);
  expected.clear();
  check_like_vector(spilled, expected, 2, 20'000);
  CHECK(spilled.spilled());

  // Nothing held: every item is in the file.
  SpillArray<Item> none(0, 1);
  std::vector<Item> none_expected;
  check_like_vector(none, none_expected, 3, 5'000);
  CHECK(none.spilled());

  // Moved, the items and the file go with it.
  SpillArray<Item> moved = std::move(spilled);
  CHECK(moved.spilled());
  const std::size_t last = moved.size() - 1;
  moved.set(last, {42, 4, 2});
  CHECK(same(moved.get(last), {42, 4, 2}));
  CHECK_THROWS_AS(moved.get(moved.size()), std::out_of_range);
  CHECK_THROWS_AS(moved.set(moved.size(), {}), std::out_of_range);
}

TEST_CASE("spill array: when the disk refuses a page, every item comes back into memory and nothing is lost") {
  SpillArray<Item> array(64 * sizeof(Item), 2);
  std::vector<Item> expected;
  // The file may hold a few pages, then every write fails: the array must carry on in memory.
  test::with_full_disk_past(3 * 4096, [&] {
    for (std::uint32_t i = 0; i < 5'000; ++i) {
      const Item item{i * 7919u, i, i % 13};
      array.push_back(item);
      expected.push_back(item);
      if (i % 97 == 0) array.set(i / 2, expected[i / 2] = {i, i / 2, 1});
    }
  });
  CHECK_FALSE(array.spilled());  // the file is gone: everything is held
  REQUIRE(array.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    REQUIRE(same(array.get(i), expected[i]));
  }
  check_like_vector(array, expected, 4, 2'000);  // and it keeps working
}
