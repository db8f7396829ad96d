// Configuration as users meet it on the command line: .nblint.yaml discovery and overrides,
// --config, organ_level and pack, --pack-file and packs:, inline suppression comments, and
// baselines. Each test copies tests/fixtures/config/ reports into a temporary directory of its
// own and writes the configuration there.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <nlohmann/json.hpp>

#include "support/run.h"

using namespace nblint::test;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = source_dir() / "tests" / "fixtures" / "config";
const char* kReport = "wenquan-2022.txt";  // section 三 (line 7) is empty

fs::path temp_dir(const std::string& name) { return fresh_temp_dir("nblint-config-cli", name); }

void write(const fs::path& p, const std::string& text) { write_file(p, text); }

std::string report_text() { return read_file(kFixtures / kReport); }

// The report with `line` inserted before line `before` (1-based).
std::string with_line(const std::string& text, int before, const std::string& line) {
  std::size_t at = 0;
  for (int i = 1; i < before; ++i) at = text.find('\n', at) + 1;
  return text.substr(0, at) + line + "\n" + text.substr(at);
}

// The report without line `number` (1-based).
std::string without_line(const std::string& text, int number) {
  std::size_t at = 0;
  for (int i = 1; i < number; ++i) at = text.find('\n', at) + 1;
  return text.substr(0, at) + text.substr(text.find('\n', at) + 1);
}

struct Finding {
  std::string file, rule, severity;
  int line;
};

std::vector<Finding> findings(const RunResult& r) {
  std::vector<Finding> out;
  const auto doc = nlohmann::json::parse(r.out);
  for (const auto& f : doc["files"])
    for (const auto& d : f["diagnostics"])
      out.push_back({fs::path(f["path"].get<std::string>()).filename().string(), d["rule"], d["severity"], d["line"]});
  return out;
}

const Finding* find(const std::vector<Finding>& all, const std::string& rule, const std::string& file = "") {
  for (const Finding& f : all)
    if (f.rule == rule && (file.empty() || f.file == file)) return &f;
  return nullptr;
}

// The exit code must follow the findings that remain (--fail-on error).
int expected_exit(const std::vector<Finding>& all) {
  return std::any_of(all.begin(), all.end(), [](const Finding& f) { return f.severity == "error"; }) ? 1 : 0;
}

}  // namespace

TEST_CASE("config cli: without a configuration the fixture gives its empty-section error") {
  const fs::path dir = temp_dir("plain");
  write(dir / kReport, report_text());
  const RunResult r = run_nblint({"check", "--format", "json", dir.string()});
  const auto all = findings(r);
  REQUIRE(find(all, "structure/empty-section"));
  CHECK(find(all, "structure/empty-section")->line == 7);
  CHECK(r.exit_code == 1);
}

TEST_CASE("config cli: .nblint.yaml above the file turns a rule off and changes a severity") {
  const fs::path dir = temp_dir("off");
  // The fixture has no tables either (table/missing): that rule is off too, so no error is left.
  write(dir / ".nblint.yaml", "rules:\n  structure/empty-section: off\n  table/missing: off\n  meta/pack: warning\n");
  write(dir / "reports" / "2022" / kReport, report_text());
  const RunResult r = run_nblint({"check", "--format", "json", (dir / "reports").string()});
  const auto all = findings(r);
  CHECK_FALSE(find(all, "structure/empty-section"));
  REQUIRE(find(all, "meta/pack"));
  CHECK(find(all, "meta/pack")->severity == "warning");
  CHECK(r.exit_code == expected_exit(all));
  CHECK(r.exit_code != 1);  // the only errors were turned off

  // -v names the configuration file used.
  const RunResult verbose = run_nblint({"check", "-v", (dir / "reports").string()});
  CHECK(verbose.err.find("配置 " + (dir / ".nblint.yaml").string()) != std::string::npos);

  // The nearest file wins: one below replaces it for its subtree.
  write(dir / "reports" / ".nblint.yaml", "rules: {structure/empty-section: info}\n");
  const auto nearer = findings(run_nblint({"check", "--format", "json", (dir / "reports").string()}));
  REQUIRE(find(nearer, "structure/empty-section"));
  CHECK(find(nearer, "structure/empty-section")->severity == "info");
  CHECK(find(nearer, "meta/pack")->severity == "info");  // the upper file no longer applies

  // --config names one file and turns discovery off.
  write(dir / "elsewhere" / "strict.yaml", "rules: {meta/pack: error}\n");
  const auto named = findings(run_nblint(
      {"check", "--format", "json", "--config", (dir / "elsewhere" / "strict.yaml").string(), (dir / "reports").string()}));
  CHECK(find(named, "meta/pack")->severity == "error");
  CHECK(find(named, "structure/empty-section")->severity == "error");
}

TEST_CASE("config cli: overrides apply per path, relative to the configuration file") {
  const fs::path dir = temp_dir("overrides");
  write(dir / ".nblint.yaml",
        "overrides:\n"
        "  - files: ['乡镇/**/*.txt']\n"
        "    rules: {structure/empty-section: warning}\n"
        "  - files: ['乡镇/白河镇/*']\n"
        "    rules: {structure/empty-section: 'off'}\n");
  write(dir / "县直" / "a.txt", report_text());
  write(dir / "乡镇" / "东岭乡" / "b.txt", report_text());
  write(dir / "乡镇" / "白河镇" / "c.txt", report_text());
  const RunResult r = run_nblint({"check", "--format", "json", dir.string()});
  const auto all = findings(r);
  REQUIRE(find(all, "structure/empty-section", "a.txt"));
  CHECK(find(all, "structure/empty-section", "a.txt")->severity == "error");
  REQUIRE(find(all, "structure/empty-section", "b.txt"));
  CHECK(find(all, "structure/empty-section", "b.txt")->severity == "warning");
  CHECK_FALSE(find(all, "structure/empty-section", "c.txt"));
  CHECK(r.exit_code == expected_exit(all));
}

TEST_CASE("config cli: a broken configuration stops the run with file:line:column and exit 2") {
  const fs::path dir = temp_dir("broken");
  write(dir / ".nblint.yaml", "rules:\n  structure/empty-section: off\n  structure/no-such-rule: warning\n");
  write(dir / kReport, report_text());
  RunResult r = run_nblint({"check", dir.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());  // nothing was checked
  CHECK(r.err.find("配置文件有误：" + (dir / ".nblint.yaml").string() + ":3:3: unknown rule 'structure/no-such-rule'") !=
        std::string::npos);

  write(dir / ".nblint.yaml", "extends: base.yaml\n");
  write(dir / "base.yaml", "extends: [.nblint.yaml]\n");
  r = run_nblint({"check", "--lang", "en", dir.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("broken configuration: " + (dir / "base.yaml").string() + ":1:11: extends makes a cycle") !=
        std::string::npos);

  write(dir / ".nblint.yaml", "pack: fmt2099\n");
  r = run_nblint({"check", dir.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(":1:7: unknown rule pack 'fmt2099'") != std::string::npos);

  CHECK(run_nblint({"check", "--config", (dir / "missing.yaml").string(), dir.string()}).exit_code == 2);
}

TEST_CASE("config cli: pack and organ_level feed the analysis, --pack on the command line wins") {
  const fs::path dir = temp_dir("pack-organ");
  write(dir / ".nblint.yaml", "pack: fmt2019\norgan_level: township\n");
  write(dir / kReport, report_text());
  const auto json = [](const RunResult& r) { return nlohmann::json::parse(r.out); };
  CHECK(json(run_nblint({"check", "--format", "json", dir.string()}))["files"][0]["pack"] == "fmt2019");
  CHECK(json(run_nblint({"check", "--format", "json", "--pack", "fmt2021", dir.string()}))["files"][0]["pack"] ==
        "fmt2021");
  // The title says 自然资源局 (a department); the configuration makes it a township.
  const auto tree = json(run_nblint({"tree", "--format", "json", (dir / kReport).string()}));
  CHECK(tree["title"]["organ"]["level"] == "township");
  CHECK(tree["pack"]["id"] == "fmt2019");
  fs::remove(dir / ".nblint.yaml");
  CHECK(json(run_nblint({"tree", "--format", "json", (dir / kReport).string()}))["title"]["organ"]["level"] ==
        "department");
}

TEST_CASE("config cli: user packs replace a built-in pack or add one chosen by year") {
  const fs::path dir = temp_dir("user-packs");
  // A stricter fmt2021: section order is an error.
  std::string strict = read_file(source_dir() / "rules" / "fmt2021.yaml");
  const std::string from = "structure/section-order: warning";
  REQUIRE(strict.find(from) != std::string::npos);
  strict.replace(strict.find(from), from.size(), "structure/section-order: error");
  write(dir / "packs" / "fmt2021-strict.yaml", strict);
  // Sections 二 and 三 swapped: only a section-order warning with the built-in pack.
  std::string swapped = without_line(without_line(report_text(), 7), 5);  // drop the headings of 二 and 三
  swapped = with_line(swapped, 5, "三、收到和处理政府信息公开申请情况\n本年度未收到政府信息公开申请。\n二、主动公开政府信息情况");
  write(dir / "r" / kReport, swapped);
  const auto builtin = findings(run_nblint({"check", "--format", "json", (dir / "r").string()}));
  REQUIRE(find(builtin, "structure/section-order"));
  CHECK(find(builtin, "structure/section-order")->severity == "warning");
  const RunResult replaced =
      run_nblint({"check", "--format", "json", "--pack-file", (dir / "packs" / "fmt2021-strict.yaml").string(),
                  (dir / "r").string()});
  const auto strict_findings = findings(replaced);
  REQUIRE(find(strict_findings, "structure/section-order"));
  CHECK(find(strict_findings, "structure/section-order")->severity == "error");
  CHECK(replaced.exit_code == 1);

  // The same through the configuration's packs:, relative to the configuration file.
  write(dir / "r" / ".nblint.yaml", "packs: [../packs/fmt2021-strict.yaml]\n");
  CHECK(find(findings(run_nblint({"check", "--format", "json", (dir / "r").string()})), "structure/section-order")
            ->severity == "error");
  fs::remove(dir / "r" / ".nblint.yaml");

  // A new id, from 2024: a 2025 report gets it, a 2022 report keeps fmt2021.
  std::string year2025 = report_text();
  for (std::size_t at; (at = year2025.find("2022")) != std::string::npos;) year2025.replace(at, 4, "2025");
  write(dir / "new" / "r2025.txt", year2025);
  write(dir / "new" / kReport, report_text());
  const RunResult added = run_nblint({"check", "--format", "json", "--pack-file",
                                      (kFixtures / "province-pack.yaml").string(), (dir / "new").string()});
  const auto doc = nlohmann::json::parse(added.out);
  REQUIRE(doc["files"].size() == 2);
  CHECK(doc["files"][0]["pack"] == "province2024");  // r2025.txt sorts first
  CHECK(doc["files"][1]["pack"] == "fmt2021");
  CHECK(run_nblint({"check", "--pack", "province2024", "--pack-file", (kFixtures / "province-pack.yaml").string(),
                    (dir / "new" / kReport).string(), "--format", "json"})
            .out.find("\"pack\": \"province2024\"") != std::string::npos);

  // A broken user pack: file:line:column, exit 2.
  write(dir / "packs" / "broken.yaml", "pack: broken\nyeers: {from: 2024}\n");
  const RunResult broken =
      run_nblint({"check", "--pack-file", (dir / "packs" / "broken.yaml").string(), (dir / "new").string()});
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find((dir / "packs" / "broken.yaml").string() + ":2:1: unknown key 'yeers'") != std::string::npos);
}

TEST_CASE("config cli: nblint-disable-next-line and unknown ids in suppression comments") {
  const fs::path dir = temp_dir("next-line");
  write(dir / kReport, with_line(report_text(), 7, "<!-- nblint-disable-next-line structure/empty-section -->"));
  RunResult r = run_nblint({"check", "--format", "json", dir.string()});
  auto all = findings(r);
  CHECK_FALSE(find(all, "structure/empty-section"));
  CHECK_FALSE(find(all, "meta/suppression"));
  CHECK(r.exit_code == expected_exit(all));
  CHECK(run_nblint({"check", "-v", dir.string()}).err.find("注释抑制了 1 个问题") != std::string::npos);

  // In HTML the comment is an HTML comment before the element's source line.
  std::string html = "<html><body>\n";
  std::istringstream lines(report_text());
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    if (++number == 7) html += "<!-- nblint-disable-next-line structure/empty-section -->\n";
    html += "<p>" + line + "</p>\n";
  }
  fs::remove(dir / kReport);
  write(dir / "page.html", html + "</body></html>\n");
  CHECK_FALSE(find(findings(run_nblint({"check", "--format", "json", dir.string()})), "structure/empty-section"));
  fs::remove(dir / "page.html");

  // Another rule named, or the comment two lines above: the finding stays.
  write(dir / kReport, with_line(report_text(), 7, "<!-- nblint-disable-next-line structure/section-order -->"));
  CHECK(find(findings(run_nblint({"check", "--format", "json", dir.string()})), "structure/empty-section"));
  write(dir / kReport, with_line(report_text(), 6, "<!-- nblint-disable-next-line structure/empty-section -->"));
  CHECK(find(findings(run_nblint({"check", "--format", "json", dir.string()})), "structure/empty-section"));

  // An unknown rule id is itself reported, at the comment.
  write(dir / kReport, with_line(report_text(), 7, "<!-- nblint-disable-next-line structure/empty-sektion -->"));
  r = run_nblint({"check", dir.string()});
  CHECK(r.out.find(kReport + std::string(":7:1: warning: 抑制注释中的规则“structure/empty-sektion”不存在")) !=
        std::string::npos);
  CHECK(r.out.find("[structure/empty-section]") != std::string::npos);
}

TEST_CASE("config cli: nblint-disable … nblint-enable ranges, in .txt and .md") {
  const fs::path dir = temp_dir("range");
  std::string text = with_line(report_text(), 9, "<!-- nblint-enable -->");
  text = with_line(text, 6, "<!-- nblint-disable structure/empty-section meta/pack -->");
  write(dir / "a.txt", text);
  write(dir / "b.md", text);
  RunResult r = run_nblint({"check", "--format", "json", dir.string()});
  auto all = findings(r);
  CHECK_FALSE(find(all, "structure/empty-section"));
  CHECK(find(all, "meta/pack", "a.txt"));  // line 1 is before the range
  CHECK(find(all, "meta/pack", "b.md"));
  CHECK(r.exit_code == expected_exit(all));

  // Disable without ids covers every rule until the end of the file.
  write(dir / "a.txt", with_line(report_text(), 1, "<!-- nblint-disable -->"));
  fs::remove(dir / "b.md");
  r = run_nblint({"check", "--format", "json", dir.string()});
  CHECK(findings(r).empty());
  CHECK(r.exit_code == 0);
}

TEST_CASE("config cli: a baseline holds existing findings when lines move and reports new ones") {
  const fs::path dir = temp_dir("baseline");
  write(dir / "reports" / kReport, report_text());
  const fs::path baseline = dir / "nblint-baseline.json";
  RunResult r = run_nblint({"check", "--write-baseline", baseline.string(), (dir / "reports").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("已写入基线") != std::string::npos);
  const auto doc = nlohmann::json::parse(read_file(baseline));
  const std::size_t recorded = doc["findings"].size();
  CHECK(recorded >= 2);  // meta/pack and structure/empty-section at least
  CHECK(doc["findings"][0]["file"] == "reports/" + std::string(kReport));
  CHECK(read_file(baseline).find("\"line\"") == std::string::npos);  // no line numbers in it

  // Writing again gives the same bytes.
  const std::string first = read_file(baseline);
  run_nblint({"check", "--write-baseline", baseline.string(), (dir / "reports").string()});
  CHECK(read_file(baseline) == first);

  // Lines inserted above the finding: nothing new.
  const std::string moved = with_line(with_line(report_text(), 5, "县自然资源局明确一名分管负责人统筹政务公开工作。"), 5,
                                      "全年组织政务公开业务培训2次。");
  write(dir / "reports" / kReport, moved);
  r = run_nblint({"check", "--format", "json", "--baseline", baseline.string(), (dir / "reports").string()});
  CHECK(findings(r).empty());
  CHECK(nlohmann::json::parse(r.out)["baseline_matched"] == recorded);
  CHECK(r.exit_code == 0);
  r = run_nblint({"check", "--baseline", baseline.string(), (dir / "reports").string()});
  CHECK(r.err.find("另有 " + std::to_string(recorded) + " 个问题已在基线中") != std::string::npos);

  // A new defect: section 一 loses its body (now lines 4–6) and is empty: exactly one new finding.
  write(dir / "reports" / kReport, without_line(without_line(without_line(moved, 4), 4), 4));
  r = run_nblint({"check", "--format", "json", "--baseline", baseline.string(), (dir / "reports").string()});
  const auto fresh = findings(r);
  REQUIRE(fresh.size() == 1);
  CHECK(fresh[0].rule == "structure/empty-section");
  CHECK(fresh[0].line == 3);
  CHECK(r.exit_code == 1);

  // The baseline is relative to its own directory: checking from elsewhere still matches.
  write(dir / "reports" / kReport, moved);
  CHECK(run_nblint({"check", "--baseline", baseline.string(), (dir / "reports" / kReport).string()}).exit_code == 0);
}

TEST_CASE("config cli: a missing or corrupt baseline is an error, exit 2") {
  const fs::path dir = temp_dir("baseline-bad");
  write(dir / kReport, report_text());
  RunResult r = run_nblint({"check", "--baseline", (dir / "none.json").string(), dir.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("基线文件有误") != std::string::npos);
  write(dir / "bad.json", "{\"nblint_baseline\": 1, \"findings\": [");
  r = run_nblint({"check", "--lang", "en", "--baseline", (dir / "bad.json").string(), dir.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("not valid JSON") != std::string::npos);
  CHECK(run_nblint({"check", "--baseline", "a.json", "--write-baseline", "b.json", dir.string()}).exit_code == 2);
}

TEST_CASE("config cli: --help documents the configuration options in both languages") {
  const RunResult zh = run_nblint({"check", "--help"});
  CHECK(zh.out.find("--config") != std::string::npos);
  CHECK(zh.out.find("--pack-file") != std::string::npos);
  CHECK(zh.out.find("只报告不在这个基线文件中的问题") != std::string::npos);
  const RunResult en = run_nblint({"--lang", "en", "check", "--help"});
  CHECK(en.out.find("record the current findings in a baseline file") != std::string::npos);
  const RunResult top = run_nblint({"--help"});
  CHECK(top.out.find("docs/configuration.md") != std::string::npos);
}
