// cli/file_setup: SetupTable holds each distinct setup once and gives every file its own.
#include <doctest/doctest.h>

#include <vector>

#include "cli/file_setup.h"

using namespace nblint;

TEST_CASE("setup table: files share equal setups, and each file gets back exactly its own") {
  FileSetup plain;
  FileSetup strict = plain;
  strict.severities.emplace("table/blank-cell", Severity::Error);
  FileSetup silenced = plain;
  silenced.severities.emplace("table/blank-cell", std::nullopt);
  FileSetup elsewhere = strict;
  elsewhere.config = "/reports/b/.nblint.yaml";

  const std::vector<const FileSetup*> files = {&plain, &plain, &strict, &plain, &silenced, &strict, &elsewhere, &strict};
  SetupTable table;
  for (const FileSetup* f : files) table.add(*f);
  REQUIRE(table.size() == files.size());
  CHECK(table.distinct() == 4);
  for (std::size_t i = 0; i < files.size(); ++i) {
    CAPTURE(i);
    CHECK(table[i] == *files[i]);
  }
  CHECK(table[2].severities.at("table/blank-cell") == Severity::Error);
  CHECK_FALSE(table[4].severities.at("table/blank-cell").has_value());
  CHECK(table[6].config == std::filesystem::path("/reports/b/.nblint.yaml"));
  CHECK_THROWS_AS(table[files.size()], std::out_of_range);
}
