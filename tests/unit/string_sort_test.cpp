// util/string_sort: the strings come out in std::string's order whether they were held, spilled
// to runs on disk, or held again after the disk refused a run.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "support/full_disk.h"
#include "util/string_sort.h"

using namespace nblint;

namespace {

// File names as a big directory has them: shared prefixes, duplicates, bytes above 0x7f, an empty one.
std::vector<std::string> names(std::size_t count, unsigned seed) {
  std::mt19937 random(seed);
  std::vector<std::string> out{""};
  for (std::size_t i = 0; i < count; ++i) {
    std::string name = random() % 2 ? "2023年报-" : "report-";
    for (std::size_t k = random() % 12; k > 0; --k) name += static_cast<char>(random() % 2 ? 'a' + random() % 5 : 0x80 + random() % 0x7f);
    out.push_back(name + ".txt");
  }
  return out;
}

std::vector<std::string> sorted_by(ExternalStringSorter& sorter) {
  std::vector<std::string> got;
  sorter.drain([&](std::string_view s) { got.emplace_back(s); });
  return got;
}

}  // namespace

TEST_CASE("string sort: held, or spilled to many runs, the strings come out sorted") {
  for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{5'000}}) {
    CAPTURE(count);
    std::vector<std::string> input = names(count, static_cast<unsigned>(count));
    ExternalStringSorter held;
    ExternalStringSorter spilled(2'000);  // a run every few dozen strings
    for (const std::string& s : input) {
      held.add(s);
      spilled.add(s);
    }
    CHECK(held.runs() == 0);
    if (count > 100) CHECK(spilled.runs() > 10);
    std::sort(input.begin(), input.end());
    CHECK(sorted_by(held) == input);
    CHECK(sorted_by(spilled) == input);
  }
}

TEST_CASE("string sort: when the disk refuses a run, the strings stay in memory and none is lost") {
  std::vector<std::string> input = names(5'000, 7);
  ExternalStringSorter sorter(2'000);
  test::with_full_disk_past(8'000, [&] {
    for (const std::string& s : input) sorter.add(s);
  });
  CHECK(sorter.runs() > 0);  // the runs written before the disk filled are read back too
  std::sort(input.begin(), input.end());
  CHECK(sorted_by(sorter) == input);
}

TEST_CASE("string sort: past 64 runs the runs are merged into one, and the order holds") {
  std::vector<std::string> input = names(20'000, 11);
  ExternalStringSorter sorter(1'000);  // hundreds of runs' worth
  for (const std::string& s : input) sorter.add(s);
  CHECK(sorter.runs() < 64);
  std::sort(input.begin(), input.end());
  CHECK(sorted_by(sorter) == input);
}
