// util/thread_spare and its users: a buffer handed on between reports is empty when taken, keeps
// its capacity, stays with its own thread and kind, and never changes what is read or folded.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "ingest/file_reader.h"
#include "text/normalizer.h"
#include "util/thread_spare.h"

using namespace nblint;

namespace {

struct TagA;
struct TagB;

}  // namespace

TEST_CASE("thread_spare: a given-back buffer comes back empty with its capacity, once") {
  std::string big(thread_spare::kMinKept + 10, 'x');
  const std::size_t capacity = big.capacity();
  const char* const storage = big.data();
  thread_spare::give_back<TagA>(std::move(big));

  std::string taken = thread_spare::take<TagA, std::string>();
  CHECK(taken.empty());
  CHECK(taken.capacity() == capacity);
  CHECK(taken.data() == storage);  // the same memory, not a copy
  // Taken once: the next take has nothing to give.
  CHECK(thread_spare::take<TagA, std::string>().capacity() < thread_spare::kMinKept);
}

TEST_CASE("thread_spare: small and huge buffers are not kept; a larger one replaces a smaller") {
  thread_spare::give_back<TagA>(std::string(100, 'x'));
  CHECK(thread_spare::take<TagA, std::string>().capacity() < thread_spare::kMinKept);

  std::vector<std::uint32_t> huge(thread_spare::kMaxKept / sizeof(std::uint32_t) + 1);
  thread_spare::give_back<TagA>(std::move(huge));
  CHECK(thread_spare::take<TagA, std::vector<std::uint32_t>>().capacity() == 0);

  thread_spare::give_back<TagA>(std::string(2 * thread_spare::kMinKept, 'x'));
  thread_spare::give_back<TagA>(std::string(thread_spare::kMinKept, 'y'));  // smaller: dropped
  CHECK(thread_spare::take<TagA, std::string>().capacity() >= 2 * thread_spare::kMinKept);
}

TEST_CASE("thread_spare: each kind of buffer and each thread has its own") {
  thread_spare::give_back<TagA>(std::string(thread_spare::kMinKept, 'a'));
  CHECK(thread_spare::take<TagB, std::string>().capacity() < thread_spare::kMinKept);
  std::size_t other_thread_capacity = 1;
  std::thread([&] { other_thread_capacity = thread_spare::take<TagA, std::string>().capacity(); }).join();
  CHECK(other_thread_capacity < thread_spare::kMinKept);
  CHECK(thread_spare::take<TagA, std::string>().capacity() >= thread_spare::kMinKept);
}

TEST_CASE("read_input: files of every size read back exactly while buffers are handed on") {
  const auto dir = std::filesystem::temp_directory_path() / ("nblint-read-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::mt19937 rng(7);
  const std::size_t k = thread_spare::kMinKept;
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
  while (first.size() < 3 * thread_spare::kMinKept) first += "公開(kāi)信息 ⑴ ＡＢＣ\r\n";
  while (second.size() < thread_spare::kMinKept) second += "依申請(qǐng)公开 (2) 第一条\n";
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
