#include "cli/result_spool.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

#include "cli/result_codec.h"

namespace nblint {

namespace {

// An anonymous file in $TMPDIR (else /tmp): O_TMPFILE where the file system has it, else a
// mkstemp name unlinked at once. Either way nothing is left behind, even after a crash.
int open_anonymous_file() {
  const char* dir = std::getenv("TMPDIR");
  const std::string directory = dir && *dir ? dir : "/tmp";
#ifdef O_TMPFILE
  if (const int fd = ::open(directory.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600); fd >= 0) return fd;
#endif
  std::string name = directory + "/nblint-spool-XXXXXX";
  const int fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd >= 0) ::unlink(name.c_str());
  return fd;
}

bool write_all(int fd, std::string_view bytes, std::uint64_t offset) {
  while (!bytes.empty()) {
    const ssize_t n = ::pwrite(fd, bytes.data(), bytes.size(), static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
    offset += static_cast<std::uint64_t>(n);
  }
  return true;
}

bool read_all(int fd, char* into, std::size_t size, std::uint64_t offset) {
  while (size > 0) {
    const ssize_t n = ::pread(fd, into, size, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    into += n;
    size -= static_cast<std::size_t>(n);
    offset += static_cast<std::uint64_t>(n);
  }
  return true;
}

}  // namespace

ResultSpool::ResultSpool(std::size_t count) : slots_(count) {
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
  Slot& slot = slots_.at(i);
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
  slot = {end_, static_cast<std::uint32_t>(bytes.size()), true};
  end_ += bytes.size();
}

void ResultSpool::store(std::size_t i, const FileResult& result) {
  std::string bytes;
  encode_result(result, bytes);
  store_encoded(i, bytes);
}

FileResult ResultSpool::load(std::size_t i) const {
  const Slot& slot = slots_.at(i);
  if (fd_ < 0 && slot.stored) return decode_result(std::string_view(memory_).substr(slot.offset, slot.size));
  return decode_result(load_encoded(i));
}

std::string ResultSpool::load_encoded(std::size_t i) const {
  const Slot& slot = slots_.at(i);
  if (!slot.stored) throw std::out_of_range("result " + std::to_string(i) + " was never spooled");
  if (fd_ < 0) return memory_.substr(slot.offset, slot.size);
  std::string bytes(slot.size, '\0');
  if (!read_all(fd_, bytes.data(), bytes.size(), slot.offset)) throw ResultCodecError("the result spool cannot be read back");
  return bytes;
}

}  // namespace nblint
