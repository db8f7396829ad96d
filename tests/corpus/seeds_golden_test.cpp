// The seeds' expected findings as golden JSON (tests/corpus/golden/seed-<name>.json): every
// finding a careful reader of the spec lists for each seed (rule, line, column, severity; not the
// messages), written by reading the report against ../shared/spec. nblint's JSON output must
// give exactly these, except the disagreements the golden file records in "known_differences"
// ("nblint": "misses" a finding the reader lists, or "adds" one the reader would not), which
// the test prints with their reasons.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "rules/catalogue.h"
#include "support/run.h"

using namespace nblint::test;
namespace fs = std::filesystem;

namespace {

using Finding = std::tuple<int, int, std::string, std::string>;  // line, column, rule, severity

Finding finding_of(const nlohmann::json& j) {
  return {j.at("line").get<int>(), j.at("column").get<int>(), j.at("rule").get<std::string>(),
          j.at("severity").get<std::string>()};
}

std::string describe(const Finding& f) {
  return std::get<2>(f) + " " + std::to_string(std::get<0>(f)) + ":" + std::to_string(std::get<1>(f)) + " " +
         std::get<3>(f);
}

std::vector<fs::path> golden_files() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(source_dir() / "tests" / "corpus" / "golden"))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("corpus golden: one golden file per seed, naming catalogue rules in output order") {
  const auto files = golden_files();
  CHECK(files.size() == 5);
  for (const fs::path& p : files) {
    CAPTURE(p.string());
    const auto golden = nlohmann::json::parse(read_file(p));
    CHECK(p.filename().string() == "seed-" + fs::path(golden.at("report").get<std::string>()).stem().string() + ".json");
    std::vector<Finding> listed;
    for (const auto& f : golden.at("findings")) {
      CHECK(nblint::Catalogue::builtin().find(f.at("rule").get<std::string>()) != nullptr);
      listed.push_back(finding_of(f));
    }
    CHECK(std::is_sorted(listed.begin(), listed.end()));
    for (const auto& d : golden.at("known_differences")) {
      CHECK((d.at("nblint") == "misses" || d.at("nblint") == "adds"));
      CHECK_FALSE(d.at("reason").get<std::string>().empty());
    }
  }
}

TEST_CASE("corpus golden: nblint gives each seed's golden findings exactly (after the known differences)") {
  const fs::path dir = shared_dir() / "corpus" / "seeds";
  if (!fs::is_directory(dir)) {
    MESSAGE("skipped: " << dir.string() << " is absent (the shared corpus is not checked out)");
    return;
  }
  for (const fs::path& p : golden_files()) {
    CAPTURE(p.string());
    const auto golden = nlohmann::json::parse(read_file(p));
    std::multiset<Finding> expected;
    for (const auto& f : golden.at("findings")) expected.insert(finding_of(f));
    for (const auto& d : golden.at("known_differences")) {
      const Finding f = finding_of(d);
      MESSAGE(p.filename().string() << ": known difference, nblint " << d.at("nblint").get<std::string>() << " "
                                    << describe(f) << ": " << d.at("reason").get<std::string>());
      if (d.at("nblint") == "adds") {
        expected.insert(f);
      } else {
        const auto it = expected.find(f);
        REQUIRE_MESSAGE(it != expected.end(), "a missed finding must be one the golden file lists");
        expected.erase(it);
      }
    }
    const fs::path report = shared_dir() / "corpus" / golden.at("report").get<std::string>();
    const RunResult r = run_nblint({"check", "--format", "json", report.string()});
    REQUIRE(r.exit_code != 2);
    const auto file = nlohmann::json::parse(r.out).at("files").at(0);
    CHECK(file.at("pack") == golden.at("pack"));
    std::vector<Finding> in_order;
    for (const auto& d : file.at("diagnostics")) in_order.push_back(finding_of(d));
    const std::multiset<Finding> actual(in_order.begin(), in_order.end());
    for (const Finding& f : actual)
      if (expected.count(f) < actual.count(f)) FAIL_CHECK("nblint reports what the golden file does not: " << describe(f));
    for (const Finding& f : expected)
      if (actual.count(f) < expected.count(f)) FAIL_CHECK("nblint misses a golden finding: " << describe(f));
    CHECK(actual == expected);
  }
}
