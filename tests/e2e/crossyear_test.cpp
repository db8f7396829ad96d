// crossyear/carry-over: reports of one organ for consecutive years, checked in one run.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/run.h"

using namespace nblint::test;

namespace {

const std::string kRule = "crossyear/carry-over";

std::string path_of(const char* relative) { return (source_dir() / relative).string(); }

// The carry-over findings of the run, per file path, as (line, column) pairs.
std::map<std::string, std::vector<std::pair<int, int>>> carry_over_findings(const std::vector<std::string>& files) {
  std::vector<std::string> args{"check", "--format", "json"};
  args.insert(args.end(), files.begin(), files.end());
  const RunResult r = run_nblint(args);
  REQUIRE(r.exit_code != 2);
  std::map<std::string, std::vector<std::pair<int, int>>> out;
  const nlohmann::json report = nlohmann::json::parse(r.out);
  for (const auto& file : report["files"])
    for (const auto& d : file["diagnostics"])
      if (d["rule"] == kRule) out[file["path"].get<std::string>()].emplace_back(d["line"].get<int>(), d["column"].get<int>());
  return out;
}

}  // namespace

TEST_CASE("crossyear/carry-over: each column of 上年结转 that differs from last year's 结转下年度 is an error") {
  const std::string current = path_of("examples/qingshan-transport-2025.txt");
  const std::string previous = path_of("tests/fixtures/crossyear/qingshan-transport-2024.txt");
  // 2025 carries in 2 | 0 | 0 | 0 | 0 | 0 | 2; the 2024 report carried out 1 | 1 | 0 | 0 | 0 | 0 | 2:
  // 自然人 and 商业企业 differ (line 35, the cells 2 and 0), 总计 agrees.
  const auto findings = carry_over_findings({current, previous});
  REQUIRE(findings.count(current) == 1);
  CHECK(findings.at(current) == std::vector<std::pair<int, int>>{{35, 20}, {35, 24}});
  CHECK(findings.count(previous) == 0);  // the earlier report has nothing to compare with
  // The order of the files on the command line does not matter.
  CHECK(carry_over_findings({previous, current}) == findings);
}

TEST_CASE("crossyear/carry-over: silent when the rows agree, for another organ, or with one year only") {
  const std::string current = path_of("examples/qingshan-transport-2025.txt");
  CHECK(carry_over_findings({current, path_of("tests/fixtures/crossyear/consistent/qingshan-transport-2024.txt")}).empty());
  CHECK(carry_over_findings({current, path_of("tests/fixtures/crossyear/other-organ/qingshan-water-2024.txt")}).empty());
  CHECK(carry_over_findings({current}).empty());
}

TEST_CASE("crossyear/carry-over: the message names both figures, the earlier report and its year") {
  const RunResult r = run_nblint({"check", "--lang", "en", path_of("examples/qingshan-transport-2025.txt"),
                                  path_of("tests/fixtures/crossyear/qingshan-transport-2024.txt")});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("column “自然人”, is 2, but the 2024 report (") != std::string::npos);
  CHECK(r.out.find("qingshan-transport-2024.txt) gives 1 for “四、结转下年度继续办理”: they must be equal "
                   "[crossyear/carry-over]") != std::string::npos);
}

namespace {

// The findings of `rule` in the run, as "file-name:line" strings.
std::vector<std::string> findings_of(const std::string& rule, const std::vector<std::string>& files) {
  std::vector<std::string> args{"check", "--format", "json"};
  args.insert(args.end(), files.begin(), files.end());
  const RunResult r = run_nblint(args);
  REQUIRE(r.exit_code != 2);
  const nlohmann::json report = nlohmann::json::parse(r.out);
  std::vector<std::string> out;
  for (const auto& file : report["files"])
    for (const auto& d : file["diagnostics"])
      if (d["rule"] == rule)
        out.push_back(std::filesystem::path(file["path"].get<std::string>()).filename().string() + ":" +
                      std::to_string(d["line"].get<int>()));
  return out;
}

}  // namespace

TEST_CASE("crossyear/copied-text: sections whose prose repeats last year's report, figures aside") {
  const std::string current = path_of("examples/qingshan-transport-2025.txt");
  // The 2024 fixture has the same prose with other figures: 一 (line 4) and 五 (line 70) are
  // long enough to compare; 六 is under the pack's min_chars.
  CHECK(findings_of("crossyear/copied-text", {current, path_of("tests/fixtures/crossyear/qingshan-transport-2024.txt")}) ==
        std::vector<std::string>{"qingshan-transport-2025.txt:4", "qingshan-transport-2025.txt:70"});
  // Rewritten prose in 一 and 五: nothing.
  CHECK(findings_of("crossyear/copied-text",
                    {current, path_of("tests/fixtures/crossyear/rewritten/qingshan-transport-2024.txt")})
            .empty());
  // Another organ's report is text/copied-from-other's, not this rule's.
  CHECK(findings_of("crossyear/copied-text",
                    {current, path_of("tests/fixtures/crossyear/other-organ/qingshan-water-2024.txt")})
            .empty());
}

TEST_CASE("text/copied-from-other: another organ's report with the same prose, both sides told") {
  const std::string a = path_of("examples/qingshan-transport-2025.txt");
  const std::string b = path_of("tests/fixtures/crossyear/other-organ/qingshan-water-2024.txt");
  CHECK(findings_of("text/copied-from-other", {a, b}) ==
        std::vector<std::string>{"qingshan-transport-2025.txt:4", "qingshan-transport-2025.txt:70",
                                 "qingshan-water-2024.txt:4", "qingshan-water-2024.txt:70"});
  // The same organ a year apart is crossyear/copied-text's.
  CHECK(findings_of("text/copied-from-other", {a, path_of("tests/fixtures/crossyear/qingshan-transport-2024.txt")}).empty());
}

TEST_CASE("copied text: the corpus reports, all by different organs or years, copy nothing from each other") {
  if (!have_shared_corpus()) {
    MESSAGE("skipped: " << shared_dir() << "/corpus is absent");
    return;
  }
  const std::vector<std::string> paths{(shared_dir() / "corpus/real").string(), (shared_dir() / "corpus/seeds").string(),
                                       path_of("examples")};
  CHECK(findings_of("text/copied-from-other", paths).empty());
  CHECK(findings_of("crossyear/copied-text", paths).empty());
}
