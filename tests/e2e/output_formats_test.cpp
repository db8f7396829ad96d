// Every output format against its golden file, and the SARIF against the official schema.
// Golden files: tests/golden/formats/. After a deliberate change, regenerate them with
// NBLINT_UPDATE_GOLDEN=1 ctest -R 'output formats' and read the diff before committing.
#include <doctest/doctest.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "support/run.h"

using namespace nblint::test;
namespace fs = std::filesystem;

namespace {

const char* kReport = "tests/fixtures/formats/qingshan-columns-2025.txt";

// nblint run in the source tree (so paths are relative, as a CI job gives them).
RunResult run_in_source(std::vector<std::string> args) {
  return run_nblint(args, "", "cd " + shell_quote(source_dir().string()) + " &&");
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

// The machine-dependent parts (where the checkout is, the time taken) made stable.
std::string stable(std::string out) {
  out = replace_all(out, "file://" + source_dir().string() + "/", "file://<checkout>/");
  const auto timing = out.find("，用时 ");
  if (timing != std::string::npos) out.erase(timing, out.find(" 秒", timing) + 4 - timing);
  return out;
}

void check_golden(const std::string& name, const std::string& actual) {
  const fs::path golden = source_dir() / "tests" / "golden" / "formats" / name;
  if (const char* update = std::getenv("NBLINT_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(golden, std::ios::binary) << actual;
    MESSAGE("updated " << golden);
    return;
  }
  REQUIRE_MESSAGE(fs::exists(golden), golden << " is missing");
  const std::string expected = read_file(golden);
  CHECK_MESSAGE(actual == expected, name << " differs from its golden file; actual output:\n" << actual);
}

}  // namespace

TEST_CASE("output formats: each format's output equals its golden file") {
  const std::vector<std::string> files{kReport, "examples/baihe-town-2020.txt"};
  const struct {
    const char* name;
    std::vector<std::string> extra;
  } formats[] = {
      {"text.out", {"--format", "text", "--color", "never"}},
      {"text-color.out", {"--format", "text", "--color", "always"}},
      {"gcc-display.out", {"--format", "gcc", "--column-unit", "display"}},
      {"github.out", {"--format", "github"}},
      {"json-utf16.json", {"--format", "json", "--column-unit", "utf16"}},
      {"sarif.json", {"--format", "sarif", "--doc-url", "https://docs.example.org/nblint/"}},
      {"rdjson.json", {"--format", "rdjson", "--doc-url", "https://docs.example.org/nblint/"}},
  };
  for (const auto& f : formats) {
    CAPTURE(f.name);
    std::vector<std::string> args{"check"};
    args.insert(args.end(), f.extra.begin(), f.extra.end());
    args.insert(args.end(), files.begin(), files.end());
    const RunResult r = run_in_source(args);
    CHECK(r.exit_code == 1);
    // Text prints its summary on stderr; the golden file holds both, summary last.
    check_golden(f.name, stable(r.out + (std::string(f.name).starts_with("text") ? r.err : "")));
  }
}

TEST_CASE("output formats: one position, converted per consumer, on a line with CJK and a non-BMP character") {
  // Line 12: 本局专栏（𠀋溪分站）新增XX…: twelve characters before XX, one of them (𠀋, U+2000B)
  // outside the BMP: 11 × 3 + 4 UTF-8 bytes, 12 + 1 UTF-16 units, 12 × 2 terminal columns.
  const struct {
    const char* unit;
    int column;
  } units[] = {{"codepoint", 13}, {"utf16", 14}, {"byte", 38}, {"display", 25}};
  for (const auto& u : units) {
    CAPTURE(u.unit);
    const RunResult r = run_in_source({"check", "--format", "gcc", "--column-unit", u.unit, kReport});
    CHECK(r.out.find(std::string(kReport) + ":12:" + std::to_string(u.column) + ": error:") != std::string::npos);
  }
  // rdjson always counts UTF-8 bytes; SARIF says what it counts.
  const auto rd = nlohmann::json::parse(run_in_source({"check", "--format", "rdjson", kReport}).out);
  bool found = false;
  for (const auto& d : rd["diagnostics"])
    if (d["code"]["value"] == "text/placeholder") {
      found = true;
      CHECK(d["location"]["range"]["start"]["column"] == 38);
      CHECK(d["location"]["range"]["end"]["column"] == 40);
    }
  CHECK(found);
  const auto sarif = nlohmann::json::parse(run_in_source({"check", "--format", "sarif", "--column-unit", "utf16", kReport}).out);
  CHECK(sarif["runs"][0]["columnKind"] == "utf16CodeUnits");
  const RunResult refused = run_in_source({"check", "--format", "sarif", "--column-unit", "display", kReport});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("SARIF 只支持 --column-unit codepoint 或 utf16") != std::string::npos);
}

TEST_CASE("output formats: SARIF validates against the official SARIF 2.1.0 schema") {
  if (run_shell("/usr/bin/python3 -c 'import jsonschema'").exit_code != 0) {
    // scripts/install-deps.sh installs python3-jsonschema; a machine without it cannot validate.
    FAIL_CHECK("python3-jsonschema is not installed (scripts/install-deps.sh installs it)");
    return;
  }
  const fs::path dir = fresh_temp_dir("sarif", "schema");
  // A file nblint cannot read (binary) becomes a tool execution notification; the rest is checked.
  std::ofstream(dir / "binary.txt", std::ios::binary) << std::string("\x00\x01\x02\x00 binary", 10);
  const RunResult sarif = run_in_source({"check", "--format", "sarif", kReport, "examples/", (dir / "binary.txt").string()});
  CHECK(sarif.exit_code == 2);
  std::ofstream(dir / "out.sarif") << sarif.out;
  const std::string script =
      "import json,sys,jsonschema\n"
      "schema=json.load(open(sys.argv[1]))\n"
      "doc=json.load(open(sys.argv[2]))\n"
      "jsonschema.validators.validator_for(schema)(schema).validate(doc)\n"
      "print('valid', len(doc['runs'][0]['results']))\n";
  std::ofstream(dir / "validate.py") << script;
  const RunResult v = run_shell("/usr/bin/python3 " + shell_quote((dir / "validate.py").string()) + " " +
                                 shell_quote((source_dir() / "tests/schemas/sarif-schema-2.1.0.json").string()) + " " +
                                 shell_quote((dir / "out.sarif").string()));
  CHECK_MESSAGE(v.out.starts_with("valid"), v.out << v.err);
  const auto doc = nlohmann::json::parse(sarif.out);
  const auto& run = doc["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "nblint");
  CHECK(run["tool"]["driver"]["rules"].size() > 30);
  for (const auto& rule : run["tool"]["driver"]["rules"]) CHECK(rule["helpUri"].get<std::string>().ends_with(".md"));
  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == kReport);
  CHECK(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(run["invocations"][0]["executionSuccessful"] == false);
  CHECK(run["invocations"][0]["toolExecutionNotifications"].size() == 1);
  fs::remove_all(dir);
}

TEST_CASE("output formats: --quiet shows errors only, --max-warnings moves the exit code") {
  const RunResult quiet = run_in_source({"check", "--quiet", "--no-excerpt", kReport});
  CHECK(quiet.out.find("error:") != std::string::npos);
  CHECK(quiet.out.find("warning:") == std::string::npos);
  CHECK(quiet.out.find("info:") == std::string::npos);
  // A report whose only finding above info is a warning: exit 0, unless more than N warnings.
  const RunResult lenient = run_in_source({"check", "examples/donghu-office-2022.txt"});
  CHECK(lenient.exit_code == 0);
  CHECK(run_in_source({"check", "--max-warnings", "1", "examples/donghu-office-2022.txt"}).exit_code == 1);
  CHECK(run_in_source({"check", "--max-warnings", "2", "examples/donghu-office-2022.txt"}).exit_code == 0);
}

TEST_CASE("output formats: colour only when asked or on a terminal, and never with NO_COLOR") {
  CHECK(run_in_source({"check", "--color", "always", kReport}).out.find("\033[") != std::string::npos);
  CHECK(run_in_source({"check", "--color", "never", kReport}).out.find("\033[") == std::string::npos);
  // stdout is a file here, so auto means no colour; NO_COLOR keeps it off under `script` too.
  CHECK(run_in_source({"check", kReport}).out.find("\033[") == std::string::npos);
}
