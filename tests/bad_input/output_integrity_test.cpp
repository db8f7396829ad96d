// Output integrity: nblint never writes to the files it checks, and a run stopped by SIGTERM or
// SIGINT exits at once with a message and leaves no half-written baseline.
#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "support/run.h"

extern char** environ;

using namespace nblint::test;
namespace fs = std::filesystem;

namespace {

// True once process `pid` catches `signal` (SigCgt in /proc/PID/status): its handler is in.
bool catches(pid_t pid, int signal) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("SigCgt:", 0) == 0) return (std::stoull(line.substr(7), nullptr, 16) >> (signal - 1)) & 1;
  return false;
}

struct Interrupted {
  int exit_code = -1;
  std::string err;
};

// Starts `nblint check - --write-baseline BASELINE` reading a pipe that stays open (a run that
// has not finished), sends `signal` once the handler is installed, and waits for the exit.
Interrupted interrupt_run(const fs::path& dir, int signal) {
  int in[2];
  REQUIRE(::pipe(in) == 0);
  const std::string err_path = (dir / "stderr").string(), baseline = (dir / "baseline.json").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_addclose(&actions, in[1]);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const std::string binary = NBLINT_BINARY;
  std::vector<std::string> args = {binary, "check", "-", "--write-baseline", baseline, "--lang", "en"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  ::close(in[0]);
  const std::string part = "某县2025年政府信息公开工作年度报告\n一、总体情况\n";
  REQUIRE(::write(in[1], part.data(), part.size()) == static_cast<ssize_t>(part.size()));
  // Wait (bounded) until nblint has installed its handler, so the signal meets it, not the default.
  for (int i = 0; i < 3000 && !catches(pid, signal); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(catches(pid, signal));
  ::kill(pid, signal);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(in[1]);
  Interrupted r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = read_file(err_path);
  return r;
}

}  // namespace

TEST_CASE("bad input: SIGTERM and SIGINT stop a run with a message and leave no baseline behind") {
  for (const int signal : {SIGTERM, SIGINT}) {
    CAPTURE(signal);
    const fs::path dir = fresh_temp_dir("nblint-bad-input", signal == SIGTERM ? "sigterm" : "sigint");
    const Interrupted r = interrupt_run(dir, signal);
    CHECK(r.exit_code == 128 + signal);
    CHECK_MESSAGE(r.err.find("interrupted") != std::string::npos, r.err);
    CHECK(r.err.find(signal == SIGTERM ? "SIGTERM" : "SIGINT") != std::string::npos);
    // Neither the baseline nor its temporary file exists.
    for (const auto& entry : fs::directory_iterator(dir)) CHECK(entry.path().filename() == "stderr");
  }
}

TEST_CASE("bad input: nblint never writes to the files it checks") {
  const fs::path dir = fresh_temp_dir("nblint-bad-input", "read-only");
  const fs::path fixtures = source_dir() / "tests/fixtures";
  for (const char* f : {"structure/fmt2021-clean.txt", "structure/fmt2019-order.txt", "html/fmt2021-page.html"}) {
    if (fs::exists(fixtures / f)) fs::copy_file(fixtures / f, dir / fs::path(f).filename());
  }
  std::map<fs::path, std::pair<std::string, fs::file_time_type>> before;
  for (const auto& e : fs::directory_iterator(dir)) before[e.path()] = {read_file(e.path()), e.last_write_time()};
  REQUIRE(before.size() >= 2);
  const RunResult r = run_nblint({"check", dir.string(), "--format", "json", "--write-baseline", (dir / "b.json").string(), "--fail-on", "never"});
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  for (const auto& [path, state] : before) {
    CAPTURE(path);
    CHECK(read_file(path) == state.first);
    CHECK(fs::last_write_time(path) == state.second);
  }
  // What it did write, it wrote whole: the baseline and nothing else beside the inputs.
  CHECK(fs::exists(dir / "b.json"));
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == static_cast<long>(before.size()) + 1);
}
