// The reports in ../shared/corpus/real: nblint reads each without trouble and finds the year
// INDEX.tsv gives (the year the report covers), so it applies the right pack.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/run.h"

using namespace nblint::test;

namespace {

std::string pack_for(int year) { return year <= 2018 ? "reg2008" : year <= 2020 ? "fmt2019" : "fmt2021"; }

}  // namespace

TEST_CASE("corpus real: every report is read, and its year and pack are found") {
  const auto dir = shared_dir() / "corpus" / "real";
  if (!std::filesystem::exists(dir / "INDEX.tsv")) {
    MESSAGE("skipped: " << dir.string() << " is absent (the shared corpus is not checked out)");
    return;
  }
  std::istringstream index(read_file(dir / "INDEX.tsv"));
  std::string row;
  std::getline(index, row);  // header
  int checked = 0;
  while (std::getline(index, row)) {
    std::istringstream cells(row);
    std::string file, url, year;
    std::getline(cells, file, '\t');
    std::getline(cells, url, '\t');
    std::getline(cells, year, '\t');
    CAPTURE(file);
    const std::string text = strip_collection_header(read_file(dir / file));
    const RunResult r = run_nblint({"check", "--format", "json", "-"}, text);
    REQUIRE(r.exit_code != 2);
    const auto doc = nlohmann::json::parse(r.out);
    CHECK(doc["files"][0]["pack"] == pack_for(std::stoi(year)));
    bool year_stated = false;
    for (const auto& d : doc["files"][0]["diagnostics"])
      if (d["rule"] == "meta/pack") year_stated = d["message"].get<std::string>().find("报告年度 " + year) != std::string::npos;
    CHECK(year_stated);
    ++checked;
  }
  CHECK(checked >= 20);
}
