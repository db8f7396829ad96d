// An array that a run keeps one item per report in (a digest, a slot, an index) without memory
// growing with the number of reports: its first items, up to a byte budget, are held in memory;
// the rest are in an unlinked temporary file, read and written a page at a time through a small
// write-back cache. A run small enough for the budget never makes the file. Without a temporary
// file (or once the disk refuses a page) every item is held in memory instead: the run still
// completes. Items are trivially copyable and written as their bytes, and T{} must read back
// from zero bytes (a page never written is a hole of zeros). Not thread-safe: even a read may
// fill the cache.
#pragma once
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "util/anonymous_file.h"

namespace nblint {

template <class T>
class SpillArray {
  static_assert(std::is_trivially_copyable_v<T>, "items are written as their bytes");

 public:
  static constexpr std::size_t kDefaultHeld = 512 * 1024;  // bytes of items held in memory
  static constexpr std::size_t kDefaultCachedPages = 64;   // 256 KB of cache

  explicit SpillArray(std::size_t held_bytes = kDefaultHeld, std::size_t cached_pages = kDefaultCachedPages)
      : held_limit_(held_bytes / sizeof(T)), cache_(std::max<std::size_t>(1, cached_pages)) {}
  ~SpillArray() { close_file(); }
  SpillArray(SpillArray&& other) noexcept { *this = std::move(other); }
  SpillArray& operator=(SpillArray&& other) noexcept {
    if (this != &other) {
      close_file();
      held_limit_ = other.held_limit_;
      size_ = std::exchange(other.size_, 0);
      held_ = std::move(other.held_);
      cache_ = std::move(other.cache_);
      fd_ = std::exchange(other.fd_, -1);
      file_bytes_ = std::exchange(other.file_bytes_, 0);
      no_file_ = other.no_file_;
    }
    return *this;
  }
  SpillArray(const SpillArray&) = delete;
  SpillArray& operator=(const SpillArray&) = delete;

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  // Some items are kept in the temporary file.
  bool spilled() const { return fd_ >= 0; }

  // Items added at the end are T{}.
  void resize(std::size_t count) {
    if (count < size_) throw std::logic_error("a SpillArray only grows");
    size_ = count;
    if (in_memory()) held_.resize(count);
    else held_.resize(held_limit_);
  }

  void push_back(const T& item) {
    resize(size_ + 1);
    set(size_ - 1, item);
  }

  // Throws std::out_of_range for i >= size(), std::runtime_error when the file cannot be read.
  T get(std::size_t i) const {
    if (i >= size_) throw std::out_of_range("SpillArray index out of range");
    if (i < held_.size()) return held_[i];
    Page& page = page_of(i);
    if (in_memory()) return held_[i];  // the disk refused the page: everything is in memory now
    return page.items[(i - held_limit_) % page.items.size()];
  }

  void set(std::size_t i, const T& item) {
    if (i >= size_) throw std::out_of_range("SpillArray index out of range");
    if (i < held_.size()) {
      held_[i] = item;
      return;
    }
    Page& page = page_of(i);
    if (in_memory()) {
      held_[i] = item;
      return;
    }
    page.items[(i - held_limit_) % page.items.size()] = item;
    page.dirty = true;
  }

 private:
  static constexpr std::size_t kPageItems = std::max<std::size_t>(1, 4096 / sizeof(T));
  static constexpr std::size_t kNoPage = SIZE_MAX;

  struct Page {
    std::size_t number = kNoPage;  // the page of the file it holds
    bool dirty = false;
    std::vector<T> items;
  };

  bool in_memory() const { return no_file_ || size_ <= held_limit_; }

  // The cached page holding item i (i past the held items); when the file cannot be made or
  // written, every item is brought into memory instead (in_memory() is then true).
  Page& page_of(std::size_t i) const {
    const std::size_t number = (i - held_limit_) / kPageItems;
    Page& page = cache_[number % cache_.size()];
    if (page.number == number) return page;
    if (fd_ < 0) fd_ = open_anonymous_file();
    if (fd_ < 0 || (page.dirty && !write_page(page))) {
      take_back();
      return page;
    }
    page.items.assign(kPageItems, T{});
    // A page never written is all T{} (zero bytes); the file's end may cut a page short.
    const std::uint64_t offset = static_cast<std::uint64_t>(number) * kPageItems * sizeof(T);
    if (offset < file_bytes_) {
      const std::size_t bytes = static_cast<std::size_t>(std::min<std::uint64_t>(kPageItems * sizeof(T), file_bytes_ - offset));
      if (!read_all(fd_, reinterpret_cast<char*>(page.items.data()), bytes, offset))
        throw std::runtime_error("a temporary file of the run cannot be read back");
    }
    page.number = number;
    page.dirty = false;
    return page;
  }

  bool write_page(Page& page) const {
    const std::uint64_t offset = static_cast<std::uint64_t>(page.number) * kPageItems * sizeof(T);
    const std::string_view bytes(reinterpret_cast<const char*>(page.items.data()), page.items.size() * sizeof(T));
    if (!write_all(fd_, bytes, offset)) return false;
    file_bytes_ = std::max<std::uint64_t>(file_bytes_, offset + bytes.size());
    page.dirty = false;
    return true;
  }

  // The disk refused: the file's items and the cache's come back into memory, for good.
  void take_back() const {
    std::vector<T> all(size_);
    std::copy(held_.begin(), held_.end(), all.begin());
    if (fd_ >= 0 && file_bytes_ > 0) {
      const std::size_t file_items = std::min<std::size_t>(size_ - held_limit_, file_bytes_ / sizeof(T));
      if (!read_all(fd_, reinterpret_cast<char*>(all.data() + held_limit_), file_items * sizeof(T), 0))
        throw std::runtime_error("a temporary file of the run cannot be read back");
    }
    for (Page& page : cache_) {
      if (page.number == kNoPage) continue;
      if (page.dirty) {
        const std::size_t first = held_limit_ + page.number * kPageItems;
        const std::size_t count = std::min(kPageItems, size_ - std::min(size_, first));
        std::copy_n(page.items.begin(), count, all.begin() + static_cast<std::ptrdiff_t>(first));
      }
      page = Page{};
    }
    held_ = std::move(all);
    no_file_ = true;
    close_file();
  }

  void close_file() const {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  std::size_t held_limit_;  // items held in memory before the file takes the rest
  std::size_t size_ = 0;
  // Mutable: a read may fill the cache, make the file, or bring everything back into memory.
  mutable std::vector<T> held_;        // items 0 .. held_.size()-1
  mutable std::vector<Page> cache_;    // direct-mapped by page number
  mutable int fd_ = -1;
  mutable std::uint64_t file_bytes_ = 0;  // bytes written to the file (its pages from 0)
  mutable bool no_file_ = false;
};

}  // namespace nblint
