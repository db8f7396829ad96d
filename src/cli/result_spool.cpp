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

ResultSpool::ResultSpool(ResultSpool&& other) noexcept
    : slots_(std::move(other.slots_)), fd_(other.fd_), memory_(std::move(other.memory_)), end_(other.end_) {
  other.fd_ = -1;
}

ResultSpool& ResultSpool::operator=(ResultSpool&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    slots_ = std::move(other.slots_);
    fd_ = other.fd_;
    memory_ = std::move(other.memory_);
    end_ = other.end_;
    other.fd_ = -1;
  }
  return *this;
}

void ResultSpool::store_encoded(std::size_t i, const std::string& bytes) {
  if (i >= slots_.size()) throw std::out_of_range("result " + std::to_string(i) + " has no slot");
  if (bytes.size() > UINT32_MAX) throw ResultCodecError("a result is too large to spool");
  if (fd_ >= 0 && !write_all(fd_, bytes, end_)) {
    // The disk filled up (or failed) mid-run: what is on it stays readable, the rest goes to memory.
    std::string earlier(end_, '\0');
    if (!read_all(fd_, earlier.data(), earlier.size(), 0)) throw ResultCodecError("the result spool cannot be read back");
    ::close(fd_);
    fd_ = -1;
    memory_ = std::move(earlier);
  }
  if (fd_ < 0) memory_.append(bytes);
  slots_.set(i, {end_, static_cast<std::uint32_t>(bytes.size()), true});
  end_ += bytes.size();
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
  return decode_result(load_encoded(i));
}

std::string ResultSpool::load_encoded(std::size_t i) const {
  const Slot slot = slots_.get(i);
  if (!slot.stored) throw std::out_of_range("result " + std::to_string(i) + " was never spooled");
  if (fd_ < 0) return memory_.substr(slot.offset, slot.size);
  std::string bytes(slot.size, '\0');
  if (!read_all(fd_, bytes.data(), bytes.size(), slot.offset)) throw ResultCodecError("the result spool cannot be read back");
  return bytes;
}

}  // namespace nblint
