// util/spare_buffers and its users: a buffer handed on between reports is empty when taken, keeps
// its capacity, goes to a report that needs it written as far (on any thread, of its own kind), and
// never changes what is read or folded.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "ingest/file_reader.h"
#include "support/run.h"
#include "text/normalizer.h"
#include "util/spare_buffers.h"

using namespace nblint;

namespace {

struct TagA;
struct TagB;

constexpr std::size_t k = spare_buffers::kMinKept;

// Takes every buffer kept under Tag: the kept buffers are the process's, and each test starts
// from none.
template <class Tag, class Buffer>
void drain() {
  while (spare_buffers::take<Tag, Buffer>().capacity() >= k) {
  }
}

// A buffer of `size` elements (all written) and where its memory is.
std::pair<std::string, const char*> written(std::size_t size) {
  std::string s(size, 'w');
  const char* data = s.data();
  return {std::move(s), data};
}

}  // namespace

TEST_CASE("spare_buffers: a given-back buffer comes back empty with its capacity, once") {
  drain<TagA, std::string>();
  std::string big(k + 10, 'x');
  const std::size_t capacity = big.capacity();
  const char* const storage = big.data();
  spare_buffers::give_back<TagA>(std::move(big));

  std::string taken = spare_buffers::take<TagA, std::string>();
  CHECK(taken.empty());
  CHECK(taken.capacity() == capacity);
  CHECK(taken.data() == storage);  // the same memory, not a copy
  // Taken once: the next take has nothing to give.
  CHECK(spare_buffers::take<TagA, std::string>().capacity() < k);
}

TEST_CASE("spare_buffers: a buffer taken to overwrite keeps the last report's bytes, and is zeros only beyond them") {
  drain<TagA, std::string>();
  auto [last, last_at] = written(2 * k);
  spare_buffers::give_back<TagA>(std::move(last));
  // Shorter than the last: cut, not cleared and filled again.
  std::string shorter = spare_buffers::take_to_overwrite<TagA, std::string>(k + 5);
  CHECK(shorter.data() == last_at);
  CHECK(shorter.size() == k + 5);
  CHECK(std::all_of(shorter.begin(), shorter.end(), [](char c) { return c == 'w'; }));
  // Longer than it was written: its bytes, then zeros.
  spare_buffers::give_back<TagA>(std::move(shorter));
  const std::string longer = spare_buffers::take_to_overwrite<TagA, std::string>(3 * k);
  REQUIRE(longer.size() == 3 * k);
  CHECK(std::count(longer.begin(), longer.end(), 'w') == static_cast<std::ptrdiff_t>(k + 5));
  CHECK(std::count(longer.begin(), longer.end(), '\0') == static_cast<std::ptrdiff_t>(2 * k - 5));
  // Small: a fresh buffer of that size.
  CHECK(spare_buffers::take_to_overwrite<TagA, std::string>(10) == std::string(10, '\0'));
  drain<TagA, std::string>();
}

TEST_CASE("spare_buffers: small and huge buffers are not kept") {
  drain<TagA, std::string>();
  drain<TagA, std::vector<std::uint32_t>>();
  spare_buffers::give_back<TagA>(std::string(100, 'x'));
  CHECK(spare_buffers::take<TagA, std::string>().capacity() < k);

  std::vector<std::uint32_t> huge(spare_buffers::kMaxKept / sizeof(std::uint32_t) + 1);
  spare_buffers::give_back<TagA>(std::move(huge));
  CHECK(spare_buffers::take<TagA, std::vector<std::uint32_t>>().capacity() == 0);
}

TEST_CASE("spare_buffers: a report takes the least-written buffer written as far as it needs, else the furthest") {
  drain<TagA, std::string>();
  REQUIRE(spare_buffers::max_kept() >= 2);  // two are kept at once below
  auto [large, large_at] = written(3 * k);
  auto [middle, middle_at] = written(2 * k);
  spare_buffers::give_back<TagA>(std::move(large));
  spare_buffers::give_back<TagA>(std::move(middle));
  // 1.5 k: the 2 k one (written far enough, and less than the 3 k one, left for a larger report).
  std::string first = spare_buffers::take_room<TagA, std::string>(k + k / 2);
  CHECK(first.data() == middle_at);
  CHECK(first.empty());
  // 5 k: none was written that far; the furthest written is the fewest fresh pages.
  std::string second = spare_buffers::take_room<TagA, std::string>(5 * k);
  CHECK(second.capacity() >= 5 * k);
  CHECK(spare_buffers::take<TagA, std::string>().capacity() < k);  // both taken

  auto [small, small_at] = written(k);
  auto [again, again_at] = written(3 * k);
  spare_buffers::give_back<TagA>(std::move(small));
  spare_buffers::give_back<TagA>(std::move(again));
  CHECK(spare_buffers::take_room<TagA, std::string>(2 * k).data() == again_at);  // the one far enough
  CHECK(spare_buffers::take<TagA, std::string>().data() == small_at);

  auto [one, one_at] = written(k);
  auto [three, three_at] = written(3 * k);
  spare_buffers::give_back<TagA>(std::move(three));
  spare_buffers::give_back<TagA>(std::move(one));
  CHECK(spare_buffers::take<TagA, std::string>().data() == three_at);  // take(): the furthest written
  drain<TagA, std::string>();
}

TEST_CASE("spare_buffers: at most max_kept() of a kind are kept, the furthest written") {
  drain<TagA, std::string>();
  const std::size_t most = spare_buffers::max_kept();
  REQUIRE(most >= 2);
  std::vector<const char*> kept_ones;
  for (std::size_t i = 0; i < most + 3; ++i) {
    // Written k, k + 1, …; the three least written are the ones to go.
    auto [b, at] = written(k + (i * 7919) % (most + 3));
    if ((i * 7919) % (most + 3) >= 3) kept_ones.push_back(at);
    spare_buffers::give_back<TagA>(std::move(b));
  }
  std::vector<const char*> taken;
  while (true) {
    const std::string b = spare_buffers::take<TagA, std::string>();
    if (b.capacity() < k) break;
    taken.push_back(b.data());
  }
  std::sort(taken.begin(), taken.end());
  std::sort(kept_ones.begin(), kept_ones.end());
  CHECK(taken == kept_ones);
}

TEST_CASE("spare_buffers: a buffer given back on one thread is taken on another, each kind has its own") {
  drain<TagA, std::string>();
  drain<TagB, std::string>();
  auto [b, at] = written(k);
  std::thread([&] { spare_buffers::give_back<TagA>(std::move(b)); }).join();
  CHECK(spare_buffers::take<TagB, std::string>().capacity() < k);
  const char* taken_at = nullptr;
  std::thread([&] { taken_at = spare_buffers::take<TagA, std::string>().data(); }).join();
  CHECK(taken_at == at);
}

TEST_CASE("read_input: files of every size read back exactly while buffers are handed on") {
  const auto dir = test::fresh_temp_dir("read", "sizes");
  std::mt19937 rng(7);
  const std::size_t k = spare_buffers::kMinKept;
  // Large after small and small after large, so that a taken buffer is both too small and larger
  // than the file: stale bytes of an earlier file would show.
  for (const std::size_t size : {std::size_t{1}, k + 1, std::size_t{4095}, 3 * k, k - 1, k, 2 * k + 7, std::size_t{50}, 3 * k}) {
    std::string bytes(size, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
    const auto path = dir / ("f" + std::to_string(size));
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    CAPTURE(size);
    auto read = read_input(path.string());
    REQUIRE(std::holds_alternative<std::string>(read));
    std::string& got = std::get<std::string>(read);
    CHECK(got == bytes);
    give_back_file_buffer(std::move(got));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("normalize: a report folded into handed-on buffers folds as into fresh ones") {
  // A first, longer text leaves its buffers; the second must not see any of its characters.
  std::string first, second;
  while (first.size() < 3 * spare_buffers::kMinKept) first += "公開(kāi)信息 ⑴ ＡＢＣ\r\n";
  while (second.size() < spare_buffers::kMinKept) second += "依申請(qǐng)公开 (2) 第一条\n";
  const NormalizedText fresh = normalize(second);
  give_back(normalize(first));
  const NormalizedText handed_on = normalize(second);
  CHECK(handed_on.text == fresh.text);
  CHECK(handed_on.origin == fresh.origin);
  REQUIRE(handed_on.pinyin_removed.size() == fresh.pinyin_removed.size());
  CHECK(!fresh.pinyin_removed.empty());
  for (std::size_t i = 0; i < fresh.pinyin_removed.size(); ++i) {
    CHECK(handed_on.pinyin_removed[i].begin == fresh.pinyin_removed[i].begin);
    CHECK(handed_on.pinyin_removed[i].end == fresh.pinyin_removed[i].end);
  }
}
