#include "cli/end_process.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/exit_codes.h"
#include "cli/i18n.h"

#if defined(__SANITIZE_ADDRESS__)
#define NBLINT_EXIT_WITH_DESTRUCTORS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NBLINT_EXIT_WITH_DESTRUCTORS 1
#endif
#endif

// Defined only in a build instrumented for profile-guided optimisation (NBLINT_PGO=generate):
// its profile is written by an exit handler, which _Exit skips, so it is written here first.
extern "C" void __gcov_dump(void) __attribute__((weak));

namespace nblint {

void end_process(int code, Lang lang) {
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "nblint: "
              << tr(lang, "无法写出结果（标准输出写入失败：磁盘已满或输出已关闭？），结果不完整",
                    "could not write the results (writing to standard output failed: disk full, or the output closed?); "
                    "they are incomplete")
              << '\n';
    code = kExitTrouble;
  }
  std::cerr.flush();
  std::fflush(nullptr);  // C stdio, should anything have used it
  if (__gcov_dump) __gcov_dump();
#ifdef NBLINT_EXIT_WITH_DESTRUCTORS
  std::exit(code);
#else
  std::_Exit(code);
#endif
}

}  // namespace nblint
