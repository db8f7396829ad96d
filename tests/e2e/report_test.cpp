// `nblint report`: the same findings as `check`, the CSV and the page, -o, escaping, exit codes.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "support/occurrences.h"
#include "support/run.h"

using namespace nblint::test;

namespace {

struct Counts {
  int errors = 0, warnings = 0;
  bool operator==(const Counts&) const = default;
};

std::string path_of(const char* relative) { return (source_dir() / relative).string(); }

// RFC 4180 records (quoted fields, doubled quotes, CRLF), the BOM dropped.
std::vector<std::vector<std::string>> parse_csv(std::string text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') rows.back().back() += '"', ++i;
      else if (c == '"') quoted = false;
      else rows.back().back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.emplace_back(1);
      ++i;
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

std::map<std::string, Counts> check_counts(const RunResult& check) {
  std::map<std::string, Counts> out;
  const nlohmann::json doc = nlohmann::json::parse(check.out);
  for (const auto& file : doc["files"]) {
    Counts& c = out[file["path"].get<std::string>()];
    for (const auto& d : file["diagnostics"]) {
      c.errors += d["severity"] == "error";
      c.warnings += d["severity"] == "warning";
    }
  }
  return out;
}

std::map<std::string, Counts> csv_counts(const RunResult& report) {
  const auto rows = parse_csv(report.out);
  REQUIRE(!rows.empty());
  REQUIRE(rows[0].size() == 11);
  CHECK(rows[0][4] == "errors");
  CHECK(rows[0][5] == "warnings");
  std::map<std::string, Counts> out;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    REQUIRE(rows[i].size() == 11);
    out[rows[i][0]] = {std::stoi(rows[i][4]), std::stoi(rows[i][5])};
  }
  return out;
}

// report --format csv agrees with check --format json, file by file, and exits as it does.
void compare_with_check(const std::vector<std::string>& paths) {
  std::vector<std::string> check_args{"check", "--format", "json"}, report_args{"--lang", "en", "report", "--format", "csv"};
  check_args.insert(check_args.end(), paths.begin(), paths.end());
  report_args.insert(report_args.end(), paths.begin(), paths.end());
  const RunResult check = run_nblint(check_args);
  const RunResult report = run_nblint(report_args);
  REQUIRE(check.exit_code != 2);
  CHECK(report.exit_code == check.exit_code);
  const auto expected = check_counts(check);
  const auto got = csv_counts(report);
  CHECK(got.size() == expected.size());
  for (const auto& [path, counts] : expected) {
    INFO(path);
    REQUIRE(got.count(path) == 1);
    CHECK(got.at(path).errors == counts.errors);
    CHECK(got.at(path).warnings == counts.warnings);
  }
}

}  // namespace

TEST_CASE("report: the CSV's counts are check's, over the examples and several years of one organ") {
  compare_with_check({path_of("examples"), path_of("tests/fixtures/crossyear")});
}

TEST_CASE("report: the CSV's counts are check's over the shared corpus") {
  if (!have_shared_corpus()) {
    MESSAGE("skipped: " << (shared_dir() / "corpus").string() << " is absent (the shared corpus is not checked out)");
    return;
  }
  compare_with_check({(shared_dir() / "corpus").string()});
}

TEST_CASE("report: the page has a row per report, the carry-over of one organ and a link per finding") {
  const RunResult r = run_nblint({"report", path_of("examples"), path_of("tests/fixtures/crossyear/qingshan-transport-2024.txt")});
  CHECK(r.exit_code == 1);  // the examples have errors
  CHECK(r.out.starts_with("<!DOCTYPE html>"));
  CHECK(r.out.find("<html lang=\"zh-CN\">") != std::string::npos);
  CHECK(occurrences(r.out, "<tr class=\"report\"") == 5);
  CHECK(occurrences(r.out, "<details id=\"report-") == 5);
  CHECK(occurrences(r.out, "<tr class=\"carry\">") == 1);
  CHECK(r.out.find("2 列不一致") != std::string::npos);
  const std::string uri = "file://" + path_of("examples/qingshan-transport-2025.txt");
  // crossyear/carry-over's first finding is at line 35, column 20 of the 2025 report.
  CHECK(r.out.find("<a class=\"finding\" href=\"" + uri + "\"><code>35:20</code></a> [错误] <code>crossyear/carry-over</code>") !=
        std::string::npos);
  const RunResult en = run_nblint({"--lang", "en", "report", path_of("examples")});
  CHECK(en.out.find("<html lang=\"en\">") != std::string::npos);
  CHECK(en.out.find("Findings per rule") != std::string::npos);
}

TEST_CASE("report: -o writes the file, replaces an earlier overview, and never overwrites a report") {
  const auto dir = fresh_temp_dir("nblint-report", "output");
  const std::string report = read_file(source_dir() / "examples/baihe-town-2020.txt");  // has errors
  write_file(dir / "baihe-town-2020.txt", report);
  const std::string page = (dir / "overview.html").string();
  RunResult r = run_nblint({"report", dir.string(), "-o", page});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("1 份报告") != std::string::npos);
  const std::string first = read_file(page);
  CHECK(occurrences(first, "<tr class=\"report\"") == 1);
  // The page is now in the directory: a second run leaves it out and replaces it.
  r = run_nblint({"report", dir.string(), "-o", page});
  CHECK(r.exit_code == 1);
  CHECK(read_file(page) == first);
  // A report is never the output.
  r = run_nblint({"report", dir.string(), "-o", (dir / "baihe-town-2020.txt").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("不会覆盖") != std::string::npos);
  CHECK(read_file(dir / "baihe-town-2020.txt") == report);
  // An output that cannot be written is exit code 2.
  r = run_nblint({"report", dir.string(), "-o", (dir / "no-such-dir" / "x.html").string()});
  CHECK(r.exit_code == 2);
  // --fail-on never: exit 0.
  CHECK(run_nblint({"report", dir.string(), "--fail-on", "never", "-o", page}).exit_code == 0);
}

TEST_CASE("report: file names with < & \" are escaped in the page and quoted in the CSV") {
  const auto dir = fresh_temp_dir("nblint-report", "escaping");
  write_file(dir / "<b>&\"x\", y.txt", read_file(source_dir() / "examples/qingshan-transport-2025.txt"));
  const RunResult html = run_nblint({"report", dir.string()});
  CHECK(html.out.find("<b>&\"x\"") == std::string::npos);
  CHECK(html.out.find("&lt;b&gt;&amp;&quot;x&quot;, y.txt") != std::string::npos);
  const RunResult csv = run_nblint({"report", "--format", "csv", dir.string()});
  const auto rows = parse_csv(csv.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1][0] == (dir / "<b>&\"x\", y.txt").string());
}

TEST_CASE("report: an unreadable input is listed and gives exit code 2") {
  const auto dir = fresh_temp_dir("nblint-report", "unreadable");
  write_file(dir / "broken.docx", "not a zip");
  const RunResult r = run_nblint({"report", "--format", "csv", "--lang", "en", dir.string()});
  CHECK(r.exit_code == 2);
  const auto rows = parse_csv(r.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1][10] == "unreadable");
}
