// A fully compliant report of each era gives no error and no warning: every rule of its pack
// stays silent (only meta/pack's info says which pack was applied).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/replace_once.h"
#include "support/run.h"

using namespace nblint::test;

namespace {

struct Checked {
  int exit_code;
  std::string pack;
  std::vector<std::string> findings;  // "rule line" of every finding but meta/pack's info note
};

Checked check_compliant(const std::filesystem::path& report) {
  const RunResult r = run_nblint({"check", "--format", "json", "--fail-on", "warning", report.string()});
  const nlohmann::json file = nlohmann::json::parse(r.out)["files"].at(0);
  Checked out{r.exit_code, file["pack"].is_null() ? "" : file["pack"].get<std::string>(), {}};
  for (const auto& d : file["diagnostics"])
    if (d["rule"] != "meta/pack" || d["severity"] != "info")
      out.findings.push_back(d["rule"].get<std::string>() + " " + std::to_string(d["line"].get<int>()));
  return out;
}

}  // namespace

TEST_CASE("compliant reports: fmt2021, fmt2019 and reg2008 each give zero errors and warnings") {
  const struct {
    const char* file;
    const char* pack;
  } reports[] = {
      {"examples/qingshan-transport-2025.txt", "fmt2021"},
      {"tests/fixtures/compliant/songlin-market-2020.txt", "fmt2019"},
      {"examples/yunling-eco-2016.txt", "reg2008"},
  };
  for (const auto& report : reports) {
    CAPTURE(report.file);
    const Checked c = check_compliant(source_dir() / report.file);
    CHECK(c.pack == report.pack);
    CHECK(c.exit_code == 0);
    // Not even an info finding (web chrome, an undated report): meta/pack's note is all there is.
    CHECK(c.findings.empty());
  }
}

TEST_CASE("compliant reports: the same check catches one defect put into the reg2008 report") {
  // The assertion above is real: yunling-eco-2016 with its statistical period cut to 28 December,
  // or published after 31 March, is no longer compliant.
  const std::string text = read_file(source_dir() / "examples" / "yunling-eco-2016.txt");
  const auto dir = fresh_temp_dir("nblint-compliant", "broken");
  write_file(dir / "partial.txt", replace_once(text, "至2016年12月31日止", "至2016年12月28日止"));
  write_file(dir / "late.txt", replace_once(text, "发布日期：2017-03-20", "发布日期：2017-04-20"));
  CHECK(check_compliant(dir / "partial.txt").findings == std::vector<std::string>{"date/period-mismatch 3"});
  CHECK(check_compliant(dir / "late.txt").findings == std::vector<std::string>{"date/publish-deadline 2"});
  std::filesystem::remove_all(dir);
}
