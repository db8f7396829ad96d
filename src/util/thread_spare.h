// Large transient buffers handed on from one report to the next checked on the same thread.
//
// A large report's biggest buffers, its bytes and its folded text with their offsets, are several
// MB. Fresh from malloc, such a buffer is fresh pages from the kernel, each faulted in and zeroed,
// then unmapped when the report is done (glibc maps large blocks on their own, and
// cli/lint_run keeps it so). A thread checks its reports one after another, so the next report
// can take the last one's buffer, its pages already there (docs/benchmarks.md, eighth round).
//
// Each kind of buffer has its own Tag (a type). Only buffers worth it are kept: at least
// kMinKept bytes (smaller ones come from malloc's heap, not fresh pages) and at most kMaxKept
// (one huge report does not pin its memory for the rest of the run).
#pragma once
#include <algorithm>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace nblint::thread_spare {

inline constexpr std::size_t kMinKept = 128 * 1024;
inline constexpr std::size_t kMaxKept = 32 * 1024 * 1024;

template <class Buffer>
std::size_t bytes_of(const Buffer& b) {
  return b.capacity() * sizeof(typename Buffer::value_type);
}

template <class Tag, class Buffer>
Buffer& slot() {
  thread_local Buffer kept;
  return kept;
}

// An empty buffer with the capacity of the one this thread last gave back under Tag (if any).
template <class Tag, class Buffer>
Buffer take() {
  Buffer b = std::move(slot<Tag, Buffer>());
  slot<Tag, Buffer>() = Buffer();
  b.clear();
  return b;
}

// An empty buffer with room for `count` elements: below kMinKept bytes, a fresh one from the heap;
// above, take<Tag>(). A spare too small grows at once to half of what is kept (or `count`, if
// more): a buffer regrown for each report larger than the ones before is fresh pages every time
// (faulted in and zeroed), while reserved pages cost nothing until they are written.
template <class Tag, class Buffer>
Buffer take_room(std::size_t count) {
  if (count * sizeof(typename Buffer::value_type) < kMinKept) {
    Buffer fresh;
    fresh.reserve(count);
    return fresh;
  }
  Buffer b = take<Tag, Buffer>();
  constexpr std::size_t kRoomy = kMaxKept / 2 / sizeof(typename Buffer::value_type);
  if (b.capacity() < count) b.reserve(std::max(count, kRoomy));
  return b;
}

// Keeps `b` for the next take<Tag>() on this thread when it is worth keeping and larger than
// what is kept already; otherwise it is freed as usual.
template <class Tag, class Buffer>
void give_back(Buffer&& b) {
  static_assert(!std::is_reference_v<Buffer>, "give back an rvalue: the buffer is taken over");
  Buffer& kept = slot<Tag, Buffer>();
  const std::size_t bytes = bytes_of(b);
  if (bytes >= kMinKept && bytes <= kMaxKept && bytes > bytes_of(kept)) kept = std::move(b);
}

}  // namespace nblint::thread_spare
