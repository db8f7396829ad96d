// A full disk, for the tests of what nblint does when a temporary file cannot grow: while
// `during` runs, no file may grow past `bytes` (a write past it fails with EFBIG; SIGXFSZ is
// ignored meanwhile). The limit and the signal's handler are restored afterwards.
#pragma once
#include <sys/resource.h>

#include <csignal>
#include <stdexcept>

namespace nblint::test {

template <class Body>
void with_full_disk_past(rlim_t bytes, Body during) {
  struct rlimit old_limit {};
  if (::getrlimit(RLIMIT_FSIZE, &old_limit) != 0) throw std::runtime_error("getrlimit failed");
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = old_limit;
  small.rlim_cur = bytes;
  if (::setrlimit(RLIMIT_FSIZE, &small) != 0) throw std::runtime_error("setrlimit failed");
  try {
    during();
  } catch (...) {
    ::setrlimit(RLIMIT_FSIZE, &old_limit);
    std::signal(SIGXFSZ, old_handler);
    throw;
  }
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);
}

}  // namespace nblint::test
