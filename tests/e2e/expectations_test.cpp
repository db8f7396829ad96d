// Each report in tests/fixtures/structure/ and examples/ has a .expect file beside it listing
// the structure findings it must produce, one "RULE-ID LINE" per line. One runner checks all.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "support/run.h"

using namespace nblint::test;
namespace fs = std::filesystem;

namespace {

using Finding = std::pair<std::string, int>;

std::multiset<Finding> expected_findings(const fs::path& expect_file) {
  std::multiset<Finding> out;
  std::istringstream in(read_file(expect_file));
  std::string rule;
  int line;
  while (in >> rule >> line) out.insert({rule, line});
  return out;
}

std::vector<fs::path> reports_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Compares the findings whose rule id starts with one of `groups` (by default the structure rules).
void check_directory(const fs::path& dir, const std::vector<std::string>& groups = {"structure/"}) {
  const auto reports = reports_in(dir);
  REQUIRE_FALSE(reports.empty());
  for (const fs::path& report : reports) {
    CAPTURE(report.string());
    const fs::path expect = fs::path(report).replace_extension(".expect");
    REQUIRE_MESSAGE(fs::exists(expect), "every report needs a .expect file");
    const RunResult r = run_nblint({"check", "--format", "json", report.string()});
    CHECK(r.exit_code != 2);
    const auto doc = nlohmann::json::parse(r.out);
    REQUIRE(doc["files"].size() == 1);
    std::multiset<Finding> actual;
    for (const auto& d : doc["files"][0]["diagnostics"]) {
      const std::string rule = d["rule"];
      for (const std::string& g : groups)
        if (rule.starts_with(g)) actual.insert({rule, d["line"].get<int>()});
    }
    CHECK(actual == expected_findings(expect));
    // Exit code 1 exactly when an error-level finding exists.
    bool has_error = false;
    for (const auto& d : doc["files"][0]["diagnostics"]) has_error = has_error || d["severity"] == "error";
    CHECK(r.exit_code == (has_error ? 1 : 0));
  }
}

}  // namespace

TEST_CASE("e2e: structure fixtures give exactly their expected findings") {
  check_directory(source_dir() / "tests" / "fixtures" / "structure");
}

TEST_CASE("e2e: the encoding fixtures give exactly their expected findings") {
  check_directory(source_dir() / "tests" / "fixtures" / "encodings");
}

TEST_CASE("e2e: date, heading and placeholder fixtures give exactly their expected findings") {
  check_directory(source_dir() / "tests" / "fixtures" / "dates", {"date/", "structure/", "text/placeholder"});
}

TEST_CASE("e2e: bundled examples give exactly their expected findings") {
  check_directory(source_dir() / "examples");
}

TEST_CASE("e2e: every report but the year-less one has a pack, meta/pack says which") {
  for (const fs::path& report : reports_in(source_dir() / "tests" / "fixtures" / "structure")) {
    CAPTURE(report.string());
    const auto doc = nlohmann::json::parse(run_nblint({"check", "--format", "json", report.string()}).out);
    const auto& file = doc["files"][0];
    int meta = 0;
    for (const auto& d : file["diagnostics"])
      if (d["rule"] == "meta/pack") {
        ++meta;
        CHECK(d["severity"] == (file["pack"].is_null() ? "warning" : "info"));
      }
    CHECK(meta == 1);
    CHECK(file["pack"].is_null() == (report.filename() == "no-year.txt"));
  }
}
