// Sorting more items than memory should hold: up to a budget the items are sorted in memory;
// beyond it each full buffer is sorted and written as a run to an unlinked temporary file, and
// the runs are merged as they are read back. Without a temporary file (or once the disk refuses
// more) the items stay in memory. Items are trivially copyable and written as their bytes.
#pragma once
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <queue>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <vector>

#include "util/anonymous_file.h"

namespace nblint {

template <class T, class Less>
class ExternalSorter {
  static_assert(std::is_trivially_copyable_v<T>, "items are written as their bytes");

 public:
  ExternalSorter(std::size_t held_bytes, Less less)
      : held_limit_(std::max<std::size_t>(1, held_bytes / sizeof(T))), less_(less) {}
  ~ExternalSorter() {
    if (fd_ >= 0) ::close(fd_);
  }
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;

  // Room for the first `count` items (at most the budget): growth by doubling would hold up to twice.
  void reserve(std::size_t count) { held_.reserve(std::min(count, held_limit_)); }

  void add(const T& item) {
    if (held_.size() == held_limit_ && !no_file_) spill();
    held_.push_back(item);
  }

  // Runs written to the file so far.
  std::size_t runs() const { return runs_.size(); }

  // Calls visit(const T&) with every item added, in order. Once: the items are gone afterwards.
  template <class Visit>
  void drain(Visit visit) {
    std::sort(held_.begin(), held_.end(), less_);
    if (runs_.empty()) {
      for (const T& item : held_) visit(item);
      held_ = {};
      return;
    }
    std::vector<T> held = std::move(held_);
    held_ = {};
    merge(runs_, std::move(held), visit);
    runs_.clear();
  }

 private:
  static constexpr std::size_t kReadBytes = 64 * 1024;  // each run's read buffer
  // Runs merged into one when there are this many: the merge's read buffers stay within 4 MB
  // however many items are sorted.
  static constexpr std::size_t kMaxRuns = 64;
  struct Run {
    std::uint64_t first = 0, count = 0;  // in items
  };

  // Calls visit with the items of `runs` (in the file) and of `held` (sorted) in order.
  template <class Visit>
  void merge(const std::vector<Run>& runs, std::vector<T> held, Visit&& visit) {
    // Each run is read a buffer at a time; the held items are one more run, already in memory.
    struct Reader {
      std::uint64_t next = 0, end = 0;  // items of the file not yet buffered
      std::vector<T> buffer;
      std::size_t at = 0;
    };
    const std::size_t buffer_items = std::max<std::size_t>(1, kReadBytes / sizeof(T));
    std::vector<Reader> readers(runs.size() + 1);
    for (std::size_t r = 0; r < runs.size(); ++r) {
      readers[r].next = runs[r].first;
      readers[r].end = runs[r].first + runs[r].count;
    }
    readers.back().buffer = std::move(held);
    const auto refill = [&](Reader& reader) {
      reader.at = 0;
      reader.buffer.resize(static_cast<std::size_t>(std::min<std::uint64_t>(buffer_items, reader.end - reader.next)));
      if (!read_all(fd_, reinterpret_cast<char*>(reader.buffer.data()), reader.buffer.size() * sizeof(T),
                    reader.next * sizeof(T)))
        throw std::runtime_error("the sort's temporary file cannot be read back");
      reader.next += reader.buffer.size();
    };
    for (std::size_t r = 0; r < runs.size(); ++r) refill(readers[r]);
    // Ties go to the earlier run, so equal items come out in the order a stable merge gives.
    const auto later = [&](std::size_t a, std::size_t b) {
      const T& x = readers[a].buffer[readers[a].at];
      const T& y = readers[b].buffer[readers[b].at];
      if (less_(y, x)) return true;
      if (less_(x, y)) return false;
      return a > b;
    };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heads(later);
    for (std::size_t r = 0; r < readers.size(); ++r)
      if (!readers[r].buffer.empty()) heads.push(r);
    while (!heads.empty()) {
      const std::size_t r = heads.top();
      heads.pop();
      Reader& reader = readers[r];
      visit(reader.buffer[reader.at]);
      if (++reader.at == reader.buffer.size()) {
        if (reader.next == reader.end) continue;
        refill(reader);
      }
      heads.push(r);
    }
  }

  // The file's runs merged into one new run at its end (the old runs' space given back where
  // the file system can); false, with the runs as they were, when the disk refuses it.
  bool merge_runs() {
    const std::uint64_t first = written_;
    std::vector<T> out;
    out.reserve(std::max<std::size_t>(1, kReadBytes / sizeof(T)));
    bool failed = false;
    const auto flush = [&] {
      const std::string_view bytes(reinterpret_cast<const char*>(out.data()), out.size() * sizeof(T));
      if (!failed && !write_all(fd_, bytes, written_ * sizeof(T))) failed = true;
      written_ += out.size();
      out.clear();
    };
    merge(runs_, {}, [&](const T& item) {
      out.push_back(item);
      if (out.size() == out.capacity()) flush();
    });
    flush();
    if (failed) {
      written_ = first;
      return false;
    }
    const Run merged{first, written_ - first};
    give_back(runs_.front().first, first);
    runs_.assign(1, merged);
    return true;
  }

  // Frees the file's items [from, to): a hole, where the file system can make one.
  void give_back(std::uint64_t from, std::uint64_t to) {
#if defined(__linux__)
    ::fallocate(fd_, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, static_cast<off_t>(from * sizeof(T)),
                static_cast<off_t>((to - from) * sizeof(T)));
#else
    (void)from;
    (void)to;
#endif
  }

  void spill() {
    if (fd_ < 0) fd_ = open_anonymous_file();
    if (fd_ < 0) {
      no_file_ = true;
      return;
    }
    std::sort(held_.begin(), held_.end(), less_);
    const std::string_view bytes(reinterpret_cast<const char*>(held_.data()), held_.size() * sizeof(T));
    if (!write_all(fd_, bytes, written_ * sizeof(T))) {
      no_file_ = true;  // the disk is full: what is held stays held, the runs written stay readable
      return;
    }
    runs_.push_back({written_, held_.size()});
    written_ += held_.size();
    held_.clear();
    // Past kMaxRuns the runs become one; if the disk refuses, they stay as they are (more buffers).
    if (runs_.size() == kMaxRuns) merge_runs();
  }

  std::size_t held_limit_;
  Less less_;
  std::vector<T> held_;
  std::vector<Run> runs_;
  std::uint64_t written_ = 0;  // items in the file
  int fd_ = -1;
  bool no_file_ = false;
};

}  // namespace nblint
