#include "util/string_sort.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <queue>
#include <stdexcept>

#include "util/anonymous_file.h"

namespace nblint {

namespace {

constexpr std::size_t kReadBytes = 64 * 1024;  // each run's read buffer
// Runs merged into one when there are this many: the merge's read buffers stay within 4 MB.
constexpr std::size_t kMaxRuns = 64;

// A string as the file holds it: its length in 4 bytes, then its bytes.
void append_record(std::string& out, std::string_view s) {
  const auto size = static_cast<std::uint32_t>(s.size());
  out.append(reinterpret_cast<const char*>(&size), sizeof size);
  out += s;
}

// Reads one run back a buffer at a time.
class RunReader {
 public:
  RunReader(int fd, std::uint64_t offset, std::uint64_t bytes) : fd_(fd), next_(offset), end_(offset + bytes) { advance(); }

  bool done() const { return done_; }
  const std::string& current() const { return current_; }

  void advance() {
    std::uint32_t size = 0;
    if (!take(reinterpret_cast<char*>(&size), sizeof size)) {
      done_ = true;
      return;
    }
    current_.resize(size);
    if (!take(current_.data(), size)) throw std::runtime_error("the sort's temporary file cannot be read back");
  }

 private:
  // The next `size` bytes of the run; false at its end.
  bool take(char* into, std::size_t size) {
    while (size > 0) {
      if (at_ == buffer_.size()) {
        if (next_ == end_) return false;
        buffer_.resize(static_cast<std::size_t>(std::min<std::uint64_t>(kReadBytes, end_ - next_)));
        if (!read_all(fd_, buffer_.data(), buffer_.size(), next_))
          throw std::runtime_error("the sort's temporary file cannot be read back");
        next_ += buffer_.size();
        at_ = 0;
      }
      const std::size_t n = std::min(size, buffer_.size() - at_);
      std::memcpy(into, buffer_.data() + at_, n);
      at_ += n;
      into += n;
      size -= n;
    }
    return true;
  }

  int fd_;
  std::uint64_t next_, end_;
  std::string buffer_;
  std::size_t at_ = 0;
  std::string current_;
  bool done_ = false;
};

}  // namespace

ExternalStringSorter::~ExternalStringSorter() {
  if (fd_ >= 0) ::close(fd_);
}

void ExternalStringSorter::add(std::string_view s) {
  if (s.size() > UINT32_MAX) throw std::length_error("a string too long to sort");
  if (held_bytes_ >= held_limit_ && !no_file_) spill();
  held_bytes_ += s.size() + sizeof(std::string);
  held_.emplace_back(s);
}

void ExternalStringSorter::spill() {
  if (fd_ < 0) fd_ = open_anonymous_file();
  if (fd_ < 0) {
    no_file_ = true;
    return;
  }
  std::sort(held_.begin(), held_.end());
  std::string bytes;
  for (const std::string& s : held_) append_record(bytes, s);
  if (!write_all(fd_, bytes, written_)) {
    no_file_ = true;  // the disk is full: what is held stays held, the runs written stay readable
    return;
  }
  runs_.push_back({written_, bytes.size()});
  written_ += bytes.size();
  held_.clear();
  held_bytes_ = 0;
  if (runs_.size() == kMaxRuns) merge_runs();
}

void ExternalStringSorter::merge(const std::vector<std::string>& held, const std::function<void(std::string_view)>& visit) {
  std::vector<RunReader> readers;
  readers.reserve(runs_.size());
  for (const Run& r : runs_) readers.emplace_back(fd_, r.offset, r.bytes);
  // The held strings are one more source, already in memory; ties go to the earlier run.
  std::size_t next_held = 0;
  const std::size_t held_source = readers.size();
  const auto head = [&](std::size_t source) -> const std::string& {
    return source == held_source ? held[next_held] : readers[source].current();
  };
  const auto later = [&](std::size_t a, std::size_t b) {
    const std::string& x = head(a);
    const std::string& y = head(b);
    if (y < x) return true;
    if (x < y) return false;
    return a > b;
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heads(later);
  for (std::size_t r = 0; r < readers.size(); ++r)
    if (!readers[r].done()) heads.push(r);
  if (!held.empty()) heads.push(held_source);
  while (!heads.empty()) {
    const std::size_t source = heads.top();
    heads.pop();
    visit(head(source));
    if (source == held_source) {
      if (++next_held == held.size()) continue;
    } else {
      readers[source].advance();
      if (readers[source].done()) continue;
    }
    heads.push(source);
  }
}

void ExternalStringSorter::merge_runs() {
  const std::uint64_t first = written_;
  std::string out;
  bool failed = false;
  const auto flush = [&] {
    if (!failed && !write_all(fd_, out, written_)) failed = true;
    written_ += out.size();
    out.clear();
  };
  merge({}, [&](std::string_view s) {
    append_record(out, s);
    if (out.size() >= kReadBytes) flush();
  });
  flush();
  if (failed) {  // the disk is full: the runs stay as they were
    written_ = first;
    return;
  }
#if defined(__linux__)
  // The old runs' space given back where the file system can.
  ::fallocate(fd_, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, static_cast<off_t>(runs_.front().offset),
              static_cast<off_t>(first - runs_.front().offset));
#endif
  runs_.assign(1, {first, written_ - first});
}

void ExternalStringSorter::drain(const std::function<void(std::string_view)>& visit) {
  std::sort(held_.begin(), held_.end());
  merge(held_, visit);
  held_ = {};
  held_bytes_ = 0;
  runs_.clear();
}

}  // namespace nblint
