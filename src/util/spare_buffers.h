// Large transient buffers handed on from one report to the next, whichever thread checks it.
//
// A large report's biggest buffers, its bytes and its folded text with their offsets, are several
// MB. Fresh from malloc, such a buffer is fresh pages from the kernel, each faulted in and zeroed,
// then unmapped when the report is done (glibc maps large blocks on their own, and
// cli/lint_run keeps it so). Reports are checked one after another, so the next report can take
// the last one's buffer, its pages already there (docs/benchmarks.md, eighth round).
//
// The buffers are kept for the whole process, not per thread: a buffer one thread has written far
// goes to whichever thread next checks a large report, and no thread unmaps its buffers when it
// ends, after the last report (that was about 1 ms of a -j 2 run, after all the work).
//
// Each kind of buffer has its own Tag (a type). Only buffers worth it are kept: at least
// kMinKept bytes (smaller ones come from malloc's heap, not fresh pages) and at most kMaxKept
// (one huge report does not pin its memory for the rest of the run).
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace nblint::spare_buffers {

inline constexpr std::size_t kMinKept = 128 * 1024;
inline constexpr std::size_t kMaxKept = 32 * 1024 * 1024;

template <class Buffer>
std::size_t bytes_of(const Buffer& b) {
  return b.capacity() * sizeof(typename Buffer::value_type);
}

// How many buffers of one kind are kept: one for each thread that may check a report at once.
inline std::size_t max_kept() {
  static const std::size_t most = std::max(2u, std::thread::hardware_concurrency());
  return most;
}

// Buffers of one kind kept for later reports, with how far each was written (its size when
// given back): the pages that are already there.
template <class Buffer>
struct Kept {
  Buffer buffer;
  std::size_t written;
};

template <class Tag, class Buffer>
struct Pool {
  std::mutex mutex;
  std::vector<Kept<Buffer>> kept;  // at most max_kept()
};

template <class Tag, class Buffer>
Pool<Tag, Buffer>& pool() {
  static Pool<Tag, Buffer> p;
  return p;
}

// An empty buffer that was written at least `count` elements far (the least written of those:
// the others stay for larger reports), or else the furthest written; empty when none is kept.
// `keep_contents`: the buffer keeps its size and elements (the last report's), for a caller that
// overwrites them; otherwise it is empty.
template <class Tag, class Buffer>
Buffer take_written(std::size_t count, bool keep_contents = false) {
  Pool<Tag, Buffer>& p = pool<Tag, Buffer>();
  const std::lock_guard lock(p.mutex);
  if (p.kept.empty()) return Buffer();
  auto best = p.kept.begin();
  for (auto it = p.kept.begin(); it != p.kept.end(); ++it) {
    const bool fits = it->written >= count, best_fits = best->written >= count;
    if (fits ? !best_fits || it->written < best->written : !best_fits && it->written > best->written) best = it;
  }
  Buffer b = std::move(best->buffer);
  p.kept.erase(best);
  if (!keep_contents) b.clear();
  return b;
}

// An empty buffer with the capacity of one given back under Tag (the furthest written), if any.
template <class Tag, class Buffer>
Buffer take() {
  return take_written<Tag, Buffer>(SIZE_MAX);
}

// A buffer with room for `count` elements: below kMinKept bytes, a fresh one from the heap;
// above, a spare (take_written). A spare too small grows at once to half of what is kept (or
// `count`, if more): a buffer regrown for each report larger than the ones before is fresh pages
// every time (faulted in and zeroed), while reserved pages cost nothing until they are written.
template <class Tag, class Buffer>
Buffer take_spare(std::size_t count, bool keep_contents) {
  Buffer b;
  if (count * sizeof(typename Buffer::value_type) < kMinKept) {
    b.reserve(count);
    return b;
  }
  b = take_written<Tag, Buffer>(count, keep_contents);
  constexpr std::size_t kRoomy = kMaxKept / 2 / sizeof(typename Buffer::value_type);
  if (b.capacity() < count) b.reserve(std::max(count, kRoomy));
  return b;
}

// An empty buffer with room for `count` elements (take_spare).
template <class Tag, class Buffer>
Buffer take_room(std::size_t count) {
  return take_spare<Tag, Buffer>(count, false);
}

// A buffer of `count` elements for a caller that overwrites them all: a spare keeps the last
// report's elements instead of being cleared and filled with zeros again, so resize writes only
// what lies beyond them. Reading a file into it is then one pass over the bytes, the read's.
template <class Tag, class Buffer>
Buffer take_to_overwrite(std::size_t count) {
  Buffer b = take_spare<Tag, Buffer>(count, true);
  b.resize(count);
  return b;
}

// Keeps `b` for a later take<Tag>() when it is worth keeping; otherwise it is freed as usual.
template <class Tag, class Buffer>
void give_back(Buffer&& b) {
  static_assert(!std::is_reference_v<Buffer>, "give back an rvalue: the buffer is taken over");
  const std::size_t bytes = bytes_of(b);
  if (bytes < kMinKept || bytes > kMaxKept) return;
  const std::size_t written = b.size();
  Pool<Tag, Buffer>& p = pool<Tag, Buffer>();
  const std::lock_guard lock(p.mutex);
  p.kept.push_back({std::move(b), written});
  if (p.kept.size() > max_kept()) {  // more given back than threads take: the least written goes
    const auto least = std::min_element(p.kept.begin(), p.kept.end(),
                                        [](const Kept<Buffer>& x, const Kept<Buffer>& y) { return x.written < y.written; });
    p.kept.erase(least);
  }
}

}  // namespace nblint::spare_buffers
