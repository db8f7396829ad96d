#include "cli/result_spool.h"

#include <unistd.h>

#include <algorithm>
#include <climits>
#include <stdexcept>
#include <string_view>

#include "cli/result_codec.h"
#include "util/anonymous_file.h"

namespace nblint {

namespace {
// Bytes gathered before they are written to the spool's file.
constexpr std::size_t kWriteBlock = 256 * 1024;
// Bytes read at once from the file when the reads go in order.
constexpr std::uint64_t kReadBlock = 64 * 1024;
}  // namespace

ResultSpool::ResultSpool(std::size_t count) {
  slots_.resize(count);
  if (count > 0) fd_ = open_anonymous_file();
}

ResultSpool::~ResultSpool() {
  if (fd_ >= 0) ::close(fd_);
}

ResultSpool::ResultSpool(ResultSpool&& other) noexcept
    : slots_(std::move(other.slots_)),
      fd_(other.fd_),
      memory_(std::move(other.memory_)),
      pending_(std::move(other.pending_)),
      flushed_(other.flushed_),
      end_(other.end_) {
  other.fd_ = -1;
}

ResultSpool& ResultSpool::operator=(ResultSpool&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    slots_ = std::move(other.slots_);
    fd_ = other.fd_;
    memory_ = std::move(other.memory_);
    pending_ = std::move(other.pending_);
    flushed_ = other.flushed_;
    end_ = other.end_;
    other.fd_ = -1;
    read_.clear();  // this file's bytes, not the other's
    read_start_ = read_end_ = 0;
  }
  return *this;
}

void ResultSpool::store_encoded(std::size_t i, const std::string& bytes) {
  if (i >= slots_.size()) throw std::out_of_range("result " + std::to_string(i) + " has no slot");
  if (bytes.size() > UINT32_MAX) throw ResultCodecError("a result is too large to spool");
  if (fd_ >= 0) {
    pending_.append(bytes);
    if (pending_.size() >= kWriteBlock) flush();
  } else {
    memory_.append(bytes);
  }
  slots_.set(i, {end_, static_cast<std::uint32_t>(bytes.size()), true});
  end_ += bytes.size();
}

void ResultSpool::flush() {
  if (write_all(fd_, pending_, flushed_)) {
    flushed_ += pending_.size();
    pending_.clear();
    return;
  }
  // The disk filled up (or failed) mid-run: what is on it stays readable, the rest goes to memory.
  std::string earlier(flushed_, '\0');
  if (!read_all(fd_, earlier.data(), earlier.size(), 0)) throw ResultCodecError("the result spool cannot be read back");
  ::close(fd_);
  fd_ = -1;
  memory_ = std::move(earlier);
  memory_.append(pending_);
  std::string().swap(pending_);
}

std::size_t ResultSpool::append_encoded(const std::string& bytes) {
  if (slots_.empty() && fd_ < 0 && end_ == 0) fd_ = open_anonymous_file();
  slots_.push_back({});
  store_encoded(slots_.size() - 1, bytes);
  return slots_.size() - 1;
}

void ResultSpool::store(std::size_t i, const FileResult& result) {
  std::string bytes;
  encode_result(result, bytes);
  store_encoded(i, bytes);
}

FileResult ResultSpool::load(std::size_t i) const { return decode_result(stored_bytes(i)); }

std::string ResultSpool::load_encoded(std::size_t i) const { return std::string(stored_bytes(i)); }

std::string_view ResultSpool::stored_bytes(std::size_t i) const {
  const Slot slot = slots_.get(i);
  if (!slot.stored) throw std::out_of_range("result " + std::to_string(i) + " was never spooled");
  if (fd_ < 0) return std::string_view(memory_).substr(slot.offset, slot.size);
  if (slot.offset >= flushed_) return std::string_view(pending_).substr(slot.offset - flushed_, slot.size);  // not written yet
  const std::uint64_t end = slot.offset + slot.size;
  if (slot.offset < read_start_ || end > read_start_ + read_.size()) {
    // A read that goes on from the last one (printing, the path list) takes a block of what
    // follows; any other (the checks across reports) only the bytes asked for.
    const bool in_order = slot.offset >= read_end_ && slot.offset - read_end_ < kReadBlock;
    const std::uint64_t length = in_order ? std::min<std::uint64_t>(std::max<std::uint64_t>(kReadBlock, slot.size), flushed_ - slot.offset)
                                          : slot.size;
    read_.resize(static_cast<std::size_t>(length));
    if (!read_all(fd_, read_.data(), read_.size(), slot.offset)) throw ResultCodecError("the result spool cannot be read back");
    read_start_ = slot.offset;
  }
  read_end_ = end;
  return std::string_view(read_).substr(slot.offset - read_start_, slot.size);
}

}  // namespace nblint
