#include "cli/result_spool.h"

#include <unistd.h>

#include <climits>
#include <stdexcept>
#include <string_view>

#include "cli/result_codec.h"
#include "util/anonymous_file.h"

namespace nblint {

ResultSpool::ResultSpool(std::size_t count) {
  slots_.resize(count);
  if (count > 0) fd_ = open_anonymous_file();
}

ResultSpool::~ResultSpool() {
  if (fd_ >= 0) ::close(fd_);
}

namespace {
// Bytes gathered before they are written to the spool's file.
constexpr std::size_t kWriteBlock = 256 * 1024;
}  // namespace

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

FileResult ResultSpool::load(std::size_t i) const {
  const Slot slot = slots_.get(i);
  if (fd_ < 0 && slot.stored) return decode_result(std::string_view(memory_).substr(slot.offset, slot.size));
  if (fd_ >= 0 && slot.stored && slot.offset >= flushed_)
    return decode_result(std::string_view(pending_).substr(slot.offset - flushed_, slot.size));
  return decode_result(load_encoded(i));
}

std::string ResultSpool::load_encoded(std::size_t i) const {
  const Slot slot = slots_.get(i);
  if (!slot.stored) throw std::out_of_range("result " + std::to_string(i) + " was never spooled");
  if (fd_ < 0) return memory_.substr(slot.offset, slot.size);
  if (slot.offset >= flushed_) return pending_.substr(slot.offset - flushed_, slot.size);  // not written yet
  std::string bytes(slot.size, '\0');
  if (!read_all(fd_, bytes.data(), bytes.size(), slot.offset)) throw ResultCodecError("the result spool cannot be read back");
  return bytes;
}

}  // namespace nblint
