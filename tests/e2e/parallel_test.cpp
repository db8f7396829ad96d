// check -j: the output must not depend on the number of threads (docs/benchmarks.md).
#include <doctest/doctest.h>

#include "support/run.h"

using namespace nblint::test;

namespace {

// stderr without the time the run took (the summary's "，用时 0.12 秒"), the one part that varies.
std::string without_timing(std::string err) {
  const auto at = err.find("，用时 ");
  if (at != std::string::npos) err.erase(at, err.find(" 秒", at) + 4 - at);
  return err;
}

// Runs check over `paths` with -j 1 and -j 4 in each output format, verbose (so the per-file
// lines on stderr are compared too), and requires byte-identical stdout, stderr and exit codes.
void check_same_output(const std::vector<std::string>& paths) {
  for (const char* format : {"text", "json"}) {
    CAPTURE(format);
    std::vector<std::string> args = {"check", "-v", "--format", format, "--fail-on", "never"};
    args.insert(args.end(), paths.begin(), paths.end());
    std::vector<std::string> one = args, four = args;
    one.insert(one.begin() + 1, {"-j", "1"});
    four.insert(four.begin() + 1, {"-j", "4"});
    const RunResult serial = run_nblint(one);
    const RunResult parallel = run_nblint(four);
    CHECK(serial.out.size() > 1000);  // real findings, not an empty run
    CHECK(serial.exit_code == parallel.exit_code);
    CHECK(serial.out == parallel.out);
    CHECK(without_timing(serial.err) == without_timing(parallel.err));
  }
}

}  // namespace

TEST_CASE("parallel: -j 1 and -j 4 print the same over the fixtures and examples") {
  // The fixtures include unreadable PDFs, so the error lines' order is compared as well.
  check_same_output({(source_dir() / "tests/fixtures").string(), (source_dir() / "examples").string()});
}

TEST_CASE("parallel: -j 1 and -j 4 print the same over the shared corpus") {
  if (!have_shared_corpus()) {
    MESSAGE("skipped: " << (shared_dir() / "corpus").string() << " is absent (the shared corpus is not checked out)");
    return;
  }
  check_same_output({(shared_dir() / "corpus").string()});
}

TEST_CASE("parallel: -j rejects a negative count") {
  const RunResult r = run_nblint({"check", "-j", "-1", (source_dir() / "examples").string()});
  CHECK(r.exit_code == 2);
}
