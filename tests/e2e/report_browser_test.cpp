// `nblint report` in a real browser: Debian's chromium, headless, loads the page from disk; the
// test reads the DOM it built (after the page's script ran) and saves a screenshot in the build
// directory (report-browser/overview.png). Without chromium the test is SKIPPED under CTest
// (exit code 77, tests/CMakeLists.txt) with a message saying so; CI installs chromium.
#include <doctest/doctest.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "support/occurrences.h"
#include "support/run.h"

using namespace nblint::test;

namespace {

std::filesystem::path chromium() {
  if (const char* env = std::getenv("NBLINT_CHROMIUM"); env && *env) return env;
  return "/usr/bin/chromium";
}

// Ends the test as skipped: exit code 77 under CTest (SKIP_RETURN_CODE), a message otherwise.
bool skip_without_chromium() {
  if (std::filesystem::exists(chromium())) return false;
  const std::string why = "skipped: " + chromium().string() + " is absent (apt-get install chromium; CI installs it)";
  if (std::getenv("NBLINT_UNDER_CTEST")) {
    std::cout << why << std::endl;
    std::_Exit(77);
  }
  MESSAGE(why);
  return true;
}

std::string browser(const std::string& arguments, const std::filesystem::path& profile) {
  const RunResult r = run_shell("timeout 120 " + shell_quote(chromium().string()) +
                                " --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run"
                                " --user-data-dir=" + shell_quote(profile.string()) + ' ' + arguments);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("report: chromium renders the page: report rows, one bar per rule, finding links, anchors open") {
  if (skip_without_chromium()) return;
  const auto out = std::filesystem::path(NBLINT_BINARY).parent_path() / "report-browser";
  std::filesystem::remove_all(out);
  std::filesystem::create_directories(out);
  const std::string examples = (source_dir() / "examples").string();
  const std::string previous = (source_dir() / "tests/fixtures/crossyear/qingshan-transport-2024.txt").string();
  const std::string page = (out / "overview.html").string();
  // Run from the source directory with relative paths, as a user would: the screenshot is the
  // one in README.md (docs/images/report-overview.png).
  REQUIRE(run_shell("cd " + shell_quote(source_dir().string()) + " && " + shell_quote(NBLINT_BINARY) +
                    " report examples tests/fixtures/crossyear/qingshan-transport-2024.txt -o " + shell_quote(page))
              .exit_code == 1);

  // The rules that fired, from check.
  std::set<std::string> rules;
  const nlohmann::json check = nlohmann::json::parse(run_nblint({"check", "--format", "json", examples, previous}).out);
  for (const auto& file : check["files"])
    for (const auto& d : file["diagnostics"]) rules.insert(d["rule"].get<std::string>());
  REQUIRE(!rules.empty());

  const std::string uri = "file://" + page;
  const std::string dom = browser("--dump-dom " + shell_quote(uri + "#report-2"), out / "profile");
  CHECK(occurrences(dom, "<tr class=\"report\"") == 5);
  CHECK(occurrences(dom, "<svg class=\"chart rules\"") == 1);
  CHECK(occurrences(dom, "<g class=\"bar\"") == rules.size());
  CHECK(occurrences(dom, "<svg class=\"chart timeline\"") == 1);
  CHECK(occurrences(dom, "<tr class=\"carry\">") == 1);
  CHECK(dom.find("<a class=\"finding\" href=\"file://" + (source_dir() / "examples/qingshan-transport-2025.txt").string() +
                 "\"><code>35:20</code></a>") != std::string::npos);
  // The script opened the report the address names, and only that one.
  CHECK(occurrences(dom, "open=\"\"") == 1);
  CHECK(dom.find("<details id=\"report-2\" open=\"\">") != std::string::npos);

  const auto png = out / "overview.png";
  browser("--window-size=1280,1800 --screenshot=" + shell_quote(png.string()) + ' ' + shell_quote(uri), out / "profile");
  REQUIRE(std::filesystem::exists(png));
  CHECK(read_file(png).starts_with("\x89PNG"));
  MESSAGE("screenshot: " << png.string());
}
