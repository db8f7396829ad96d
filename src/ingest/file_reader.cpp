#include "ingest/file_reader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/spare_buffers.h"

namespace nblint {

namespace {

struct FileBufferTag;

ReadError from_errno(int err) {
  switch (err) {
    case ENOENT:
    case ENOTDIR:
    case ELOOP:
      return {ReadError::Kind::NotFound, std::strerror(err)};
    case EACCES:
    case EPERM:
      return {ReadError::Kind::PermissionDenied, std::strerror(err)};
    default:
      return {ReadError::Kind::IoError, std::strerror(err)};
  }
}

// `expected`: the size fstat gave (0 for a pipe). That much is read straight into its buffer,
// with no regrowth and no second copy; then whatever follows (a file that grew, a pipe).
std::variant<std::string, ReadError> read_fd(int fd, std::uint64_t max_size, std::size_t expected = 0) {
  std::string out = spare_buffers::take_to_overwrite<FileBufferTag, std::string>(expected);
  std::size_t got = 0;
  while (got < expected) {
    const ssize_t n = ::read(fd, out.data() + got, expected - got);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      return from_errno(errno);
    }
    got += static_cast<std::size_t>(n);
  }
  out.resize(got);
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      return from_errno(errno);
    }
    if (out.size() + static_cast<std::uint64_t>(n) > max_size)
      return ReadError{ReadError::Kind::TooLarge, std::to_string(max_size)};
    out.append(buf, static_cast<std::size_t>(n));
  }
  if (out.empty()) return ReadError{ReadError::Kind::Empty, ""};
  return out;
}

}  // namespace

void give_back_file_buffer(std::string&& buffer) { spare_buffers::give_back<FileBufferTag>(std::move(buffer)); }

std::variant<std::string, ReadError> read_input(const std::string& path, std::uint64_t max_size) {
  if (path == "-") return read_fd(STDIN_FILENO, max_size);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return from_errno(errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return from_errno(err);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return ReadError{ReadError::Kind::NotAFile, ""};
  }
  if (static_cast<std::uint64_t>(st.st_size) > max_size) {
    ::close(fd);
    return ReadError{ReadError::Kind::TooLarge, std::to_string(max_size)};
  }
  auto result = read_fd(fd, max_size, static_cast<std::size_t>(st.st_size));
  ::close(fd);
  return result;
}

}  // namespace nblint
