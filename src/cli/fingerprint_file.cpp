#include "cli/fingerprint_file.h"

#include <unistd.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "cli/result_codec.h"
#include "util/anonymous_file.h"

namespace nblint {

namespace {

static_assert(std::is_trivially_copyable_v<TextFingerprint>, "fingerprints are written as their bytes");
constexpr std::uint32_t kNone = UINT32_MAX;

}  // namespace

FingerprintFile::FingerprintFile(std::size_t held_bytes)
    : held_limit_(held_bytes / sizeof(TextFingerprint)) {}

FingerprintFile::~FingerprintFile() { close_file(); }

FingerprintFile::FingerprintFile(FingerprintFile&& other) noexcept
    : held_limit_(other.held_limit_),
      held_(std::move(other.held_)),
      fd_(std::exchange(other.fd_, -1)),
      no_file_(other.no_file_),
      count_(std::exchange(other.count_, 0)),
      written_(std::exchange(other.written_, 0)),
      pending_(std::move(other.pending_)),
      cache_(std::move(other.cache_)),
      cached_index_(std::move(other.cached_index_)) {}

FingerprintFile& FingerprintFile::operator=(FingerprintFile&& other) noexcept {
  if (this != &other) {
    close_file();
    held_limit_ = other.held_limit_;
    held_ = std::move(other.held_);
    fd_ = std::exchange(other.fd_, -1);
    no_file_ = other.no_file_;
    count_ = std::exchange(other.count_, 0);
    written_ = std::exchange(other.written_, 0);
    pending_ = std::move(other.pending_);
    cache_ = std::move(other.cache_);
    cached_index_ = std::move(other.cached_index_);
  }
  return *this;
}

void FingerprintFile::close_file() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

std::uint32_t FingerprintFile::append(const TextFingerprint& f) {
  if (count_ == kNone) throw ResultCodecError("too many fingerprints to spool");
  if (fd_ < 0 && (held_.size() < held_limit_ || no_file_)) {
    // The budget reserved at once: growth by doubling would copy, and hold up to twice as much,
    // while untouched reserved pages cost nothing.
    if (held_.empty()) held_.reserve(held_limit_);
    held_.push_back(f);
  } else {
    if (fd_ < 0) {
      fd_ = open_anonymous_file();
      if (fd_ < 0) {
        no_file_ = true;
        held_.push_back(f);
        return count_++;
      }
    }
    pending_.push_back(f);
    if (pending_.size() == kWriteBlock) flush();
  }
  return count_++;
}

void FingerprintFile::flush() {
  const std::string_view bytes(reinterpret_cast<const char*>(pending_.data()), pending_.size() * sizeof(TextFingerprint));
  if (!write_all(fd_, bytes, std::uint64_t{written_} * sizeof(TextFingerprint))) {
    take_back();
    return;
  }
  written_ += static_cast<std::uint32_t>(pending_.size());
  pending_.clear();
}

// The disk refused a block: what the file holds comes back, and everything is held from now on.
void FingerprintFile::take_back() {
  const std::size_t first = held_.size();
  held_.resize(first + written_);
  if (!read_all(fd_, reinterpret_cast<char*>(held_.data() + first), std::size_t{written_} * sizeof(TextFingerprint), 0))
    throw ResultCodecError("the fingerprint spool cannot be read back");
  held_.insert(held_.end(), pending_.begin(), pending_.end());
  pending_.clear();
  written_ = 0;
  close_file();
  no_file_ = true;
}

TextFingerprint FingerprintFile::at(std::uint32_t k) const {
  if (k >= count_) throw std::out_of_range("fingerprint " + std::to_string(k) + " was never spooled");
  if (k < held_.size()) return held_[k];
  const std::uint32_t in_file = k - static_cast<std::uint32_t>(held_.size());
  if (in_file >= written_) return pending_[in_file - written_];
  if (cache_.empty()) {  // made on the first read from the file: most runs never read it
    cache_.resize(kCachedPrints);
    cached_index_.assign(kCachedPrints, kNone);
  }
  const std::size_t slot = k % kCachedPrints;
  if (cached_index_[slot] != k) {
    if (!read_all(fd_, reinterpret_cast<char*>(&cache_[slot]), sizeof(TextFingerprint),
                  std::uint64_t{in_file} * sizeof(TextFingerprint)))
      throw ResultCodecError("the fingerprint spool cannot be read back");
    cached_index_[slot] = k;
  }
  return cache_[slot];
}

}  // namespace nblint
