#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <thread>
#include <vector>

#include "util/ordered_parallel.h"

using nblint::ordered_parallel;

TEST_CASE("ordered_parallel: every index is worked once and reported in order on the calling thread") {
  for (unsigned jobs : {0u, 1u, 3u, 8u}) {
    for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{257}}) {
      CAPTURE(jobs);
      CAPTURE(count);
      std::vector<std::atomic<int>> worked(count);
      std::vector<std::size_t> reported;
      bool reported_elsewhere = false;
      const auto caller = std::this_thread::get_id();
      ordered_parallel(
          count, jobs, [&](std::size_t i) { ++worked[i]; },
          [&](std::size_t i) {
            reported_elsewhere = reported_elsewhere || std::this_thread::get_id() != caller;
            // Everything reported has been worked: done(i) sees work(i)'s effects.
            CHECK(worked[i] == 1);
            reported.push_back(i);
          });
      std::size_t wrong = 0;
      for (std::size_t i = 0; i < count; ++i) wrong += worked[i] != 1 || reported[i] != i;
      CHECK(reported.size() == count);
      CHECK(wrong == 0);
      CHECK_FALSE(reported_elsewhere);
    }
  }
}

TEST_CASE("ordered_parallel: a failing item is rethrown after the items before it were reported") {
  for (unsigned jobs : {1u, 4u}) {
    CAPTURE(jobs);
    std::vector<std::size_t> reported;
    CHECK_THROWS_WITH(ordered_parallel(
                          100, jobs,
                          [](std::size_t i) {
                            if (i == 37) throw std::runtime_error("item 37");
                          },
                          [&](std::size_t i) { reported.push_back(i); }),
                      "item 37");
    REQUIRE(reported.size() == 37);
    CHECK(reported.back() == 36);
  }
}

TEST_CASE("ordered_parallel: an exception from the reporting side stops the run cleanly") {
  std::atomic<int> worked{0};
  CHECK_THROWS_AS(ordered_parallel(
                      1000, 4, [&](std::size_t) { ++worked; },
                      [](std::size_t i) {
                        if (i == 3) throw std::logic_error("stop");
                      }),
                  std::logic_error);
  CHECK(worked >= 4);
}

TEST_CASE("ordered_parallel: work runs at most a window ahead of done, so a slot per window index is enough") {
  for (unsigned jobs : {2u, 3u}) {
    CAPTURE(jobs);
    const std::size_t window = nblint::ordered_window(jobs);
    std::atomic<std::size_t> handed{0};  // done(i) returned for every i below
    std::atomic<std::size_t> too_early{0};
    std::vector<std::size_t> slots(window, SIZE_MAX);  // what the caller of a window would keep
    std::atomic<std::size_t> overwritten{0};
    ordered_parallel(
        20 * window, jobs,
        [&](std::size_t i) {
          if (i >= handed + window) ++too_early;
          // Index 0 is slow: without the window, the other threads would run far ahead.
          if (i == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
          slots[i % window] = i;
        },
        [&](std::size_t i) {
          if (slots[i % window] != i) ++overwritten;
          handed = i + 1;
        });
    CHECK(too_early == 0);
    CHECK(overwritten == 0);
  }
}
