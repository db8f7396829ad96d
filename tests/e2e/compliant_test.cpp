// A fully compliant report of each era gives no error and no warning: every rule of its pack
// stays silent (only meta/pack's info says which pack was applied).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/run.h"

using namespace nblint::test;

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
    const RunResult r = run_nblint({"check", "--format", "json", "--fail-on", "warning",
                                    (source_dir() / report.file).string()});
    CHECK(r.exit_code == 0);
    const nlohmann::json json = nlohmann::json::parse(r.out);
    const auto& file = json["files"].at(0);
    CHECK(file["pack"] == report.pack);
    for (const auto& d : file["diagnostics"]) {
      CAPTURE(d.dump());
      CHECK(d["severity"] == "info");
    }
  }
}
