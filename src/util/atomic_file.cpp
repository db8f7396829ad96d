#include "util/atomic_file.h"

#include <unistd.h>

#include <fstream>

#include "util/interrupt.h"

namespace nblint {

namespace fs = std::filesystem;

std::optional<std::string> write_file_atomically(const fs::path& path, std::string_view bytes) {
  const fs::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
  const PendingOutput removed_if_interrupted(tmp.string());
  std::error_code ec;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      fs::remove(tmp, ec);
      return std::string("cannot write");
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    const std::string why = ec.message();
    fs::remove(tmp, ec);
    return why;
  }
  return std::nullopt;
}

}  // namespace nblint
