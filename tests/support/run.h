// Test support: run the nblint binary, read files, find fixtures and the shared corpus.
#pragma once
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace nblint::test {

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// This test process's scratch directory, /tmp/nblint-tests-<pid>: removed when the process ends,
// so that CTest's hundreds of processes leave nothing behind (NBLINT_KEEP_TEST_FILES=1 keeps it
// for a look after a failure). Only the process that made it removes it, not a forked child.
inline const std::filesystem::path& process_temp_root() {
  struct Root {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("nblint-tests-" + std::to_string(::getpid()));
    pid_t owner = ::getpid();
    ~Root() {
      const char* keep = std::getenv("NBLINT_KEEP_TEST_FILES");
      if (::getpid() != owner || (keep && std::string(keep) == "1")) return;
      std::error_code ignored;  // a destructor at exit: nothing to report to
      std::filesystem::remove_all(path, ignored);
    }
  };
  static const Root root;
  return root.path;
}

// Runs the nblint binary with `args` (each quoted), optional `stdin_text`.
inline RunResult run_nblint(const std::vector<std::string>& args, const std::string& stdin_text = "",
                            const std::string& env = "") {
  static int counter = 0;
  const auto dir = process_temp_root() / "runs";
  std::filesystem::create_directories(dir);
  const auto base = dir / std::to_string(counter++);
  const auto in = base.string() + ".in", out = base.string() + ".out", err = base.string() + ".err";
  std::ofstream(in, std::ios::binary) << stdin_text;
  std::string cmd = env + (env.empty() ? "" : " ") + shell_quote(NBLINT_BINARY);
  for (const auto& a : args) cmd += " " + shell_quote(a);
  cmd += " <" + shell_quote(in) + " >" + shell_quote(out) + " 2>" + shell_quote(err);
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  std::filesystem::remove(in), std::filesystem::remove(out), std::filesystem::remove(err);
  return r;
}

// A fresh, empty directory <process_temp_root>/<group>/<name> for one test (never /tmp itself).
inline std::filesystem::path fresh_temp_dir(const std::string& group, const std::string& name) {
  const auto dir = process_temp_root() / group / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Writes `text` to `p`, creating the directories above it.
inline void write_file(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

// Runs a shell command line (already quoted), capturing its output like run_nblint.
inline RunResult run_shell(const std::string& command) {
  static int counter = 0;
  const auto dir = process_temp_root() / "runs";
  std::filesystem::create_directories(dir);
  const auto base = dir / ("shell" + std::to_string(counter++));
  const auto out = base.string() + ".out", err = base.string() + ".err";
  const int status = std::system(("(" + command + ") </dev/null >" + shell_quote(out) + " 2>" + shell_quote(err)).c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  std::filesystem::remove(out), std::filesystem::remove(err);
  return r;
}

inline std::filesystem::path source_dir() { return NBLINT_SOURCE_DIR; }
// ../shared beside the checkout; NBLINT_SHARED_DIR overrides it (e.g. to test the skip path).
inline std::filesystem::path shared_dir() {
  const char* env = std::getenv("NBLINT_SHARED_DIR");
  return env && *env ? std::filesystem::path(env) : std::filesystem::path(NBLINT_SHARED_DIR);
}
inline bool have_shared_corpus() { return std::filesystem::is_directory(shared_dir() / "corpus"); }

// The corpus files carry two collection lines (# source:, # completeness:) that are not part
// of the report; drop them before use.
inline std::string strip_collection_header(std::string text) {
  for (int i = 0; i < 2 && text.starts_with("# "); ++i) {
    const auto nl = text.find('\n');
    text.erase(0, nl == std::string::npos ? text.size() : nl + 1);
  }
  return text;
}

}  // namespace nblint::test
