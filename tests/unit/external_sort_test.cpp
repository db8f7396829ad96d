// util/external_sort: the items come out in the order std::sort gives, whether they were held,
// spilled to runs on disk, or held again after the disk refused a run.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "support/full_disk.h"
#include "util/external_sort.h"

using namespace nblint;

namespace {

struct Item {
  std::uint64_t key;
  std::uint32_t a, b;
};

constexpr auto kLess = [](const Item& x, const Item& y) {
  if (x.key != y.key) return x.key < y.key;
  if (x.a != y.a) return x.a < y.a;
  return x.b < y.b;
};

bool same(const Item& x, const Item& y) { return x.key == y.key && x.a == y.a && x.b == y.b; }

// `count` items with few distinct keys (as LSH buckets have), duplicates included.
std::vector<Item> items(std::size_t count, unsigned seed) {
  std::mt19937_64 random(seed);
  std::vector<Item> out;
  for (std::size_t i = 0; i < count; ++i)
    out.push_back({random() % 97, static_cast<std::uint32_t>(random() % 50), static_cast<std::uint32_t>(i % 7)});
  return out;
}

void check_sorted_like_std(ExternalSorter<Item, decltype(kLess)>& sorter, std::vector<Item> expected) {
  std::sort(expected.begin(), expected.end(), kLess);
  std::vector<Item> got;
  sorter.drain([&](const Item& item) { got.push_back(item); });
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    CHECK(same(got[i], expected[i]));
  }
}

}  // namespace

TEST_CASE("external sort: held, or spilled to many runs, the items come out sorted") {
  for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{999}, std::size_t{20'000}}) {
    CAPTURE(count);
    const std::vector<Item> input = items(count, static_cast<unsigned>(count));
    ExternalSorter<Item, decltype(kLess)> held(1 << 20, kLess);  // all fit
    for (const Item& i : input) held.add(i);
    CHECK(held.runs() == 0);
    check_sorted_like_std(held, input);

    ExternalSorter<Item, decltype(kLess)> spilled(1000 * sizeof(Item), kLess);  // runs of 1000
    spilled.reserve(input.size());
    for (const Item& i : input) spilled.add(i);
    CHECK(spilled.runs() == (count == 0 ? 0 : (count - 1) / 1000));
    check_sorted_like_std(spilled, input);
  }
}

TEST_CASE("external sort: when the disk refuses a run, the items are held and still come out sorted") {
  const std::vector<Item> input = items(10'000, 7);
  ExternalSorter<Item, decltype(kLess)> sorter(1000 * sizeof(Item), kLess);
  for (std::size_t i = 0; i < 2500; ++i) sorter.add(input[i]);  // two runs written
  REQUIRE(sorter.runs() == 2);
  // A full disk: the third run fails.
  test::with_full_disk_past(2000 * sizeof(Item) + 8, [&] {
    for (std::size_t i = 2500; i < input.size(); ++i) sorter.add(input[i]);
  });
  CHECK(sorter.runs() == 2);
  check_sorted_like_std(sorter, input);
}

TEST_CASE("external sort: past 64 runs the runs are merged into one, and the order holds") {
  const std::vector<Item> input = items(50'000, 5);
  ExternalSorter<Item, decltype(kLess)> sorter(100 * sizeof(Item), kLess);  // 500 runs' worth
  for (const Item& i : input) sorter.add(i);
  CHECK(sorter.runs() < 64);
  check_sorted_like_std(sorter, input);
}
