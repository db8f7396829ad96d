#include "util/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <unistd.h>

#include "util/interrupt.h"

namespace nblint {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(OutputFileError::Kind kind, const fs::path& tmp, const std::string& reason) {
  std::error_code ec;
  fs::remove(tmp, ec);
  throw OutputFileError(kind, reason);
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view text, bool replace) {
  const fs::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
  const PendingOutput removed_if_interrupted(tmp.string());
  {
    errno = 0;
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) fail(OutputFileError::Kind::CannotWrite, tmp, errno != 0 ? std::strerror(errno) : "");
  }
  std::error_code ec;
  if (!replace) {
    // link() fails with EEXIST when the name is taken, also when it was taken a moment ago.
    if (::link(tmp.c_str(), path.c_str()) == 0) {
      fs::remove(tmp, ec);
      return;
    }
    const int link_errno = errno;
    if (link_errno == EEXIST) fail(OutputFileError::Kind::Exists, tmp, std::strerror(link_errno));
    // A file system without hard links: look, then rename (a race with another writer is possible).
    if (link_errno != EPERM && link_errno != EOPNOTSUPP) fail(OutputFileError::Kind::CannotWrite, tmp, std::strerror(link_errno));
    if (fs::exists(fs::symlink_status(path, ec))) fail(OutputFileError::Kind::Exists, tmp, std::strerror(EEXIST));
  }
  fs::rename(tmp, path, ec);
  if (ec) fail(OutputFileError::Kind::CannotWrite, tmp, ec.message());
}

}  // namespace nblint
