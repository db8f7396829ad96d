// How reports meet their organ's reports of the year before (rules/cross_report): the index of
// `nblint report` (previous_year_reports) and the stream of the checks across reports
// (for_each_year_before) each pair a report with exactly those, in input order.
#include <doctest/doctest.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "rules/cross_report.h"

using namespace nblint;

namespace {

ReportRecord record(std::string organ, int year) {
  ReportRecord r;
  r.organ = std::move(organ);
  r.year = year;
  return r;
}

std::vector<std::size_t> links(std::span<const std::uint32_t> of) { return {of.begin(), of.end()}; }

std::vector<OrganYear> organ_years(const std::vector<ReportRecord>& records) {
  std::vector<OrganYear> out;
  for (const ReportRecord& r : records) out.push_back({r.organ, r.year});
  return out;
}

// The stream, gathered per report; checks that it comes in input order, without empty lists.
std::vector<std::vector<std::size_t>> streamed(const std::vector<ReportRecord>& records) {
  std::vector<std::vector<std::size_t>> out(records.size());
  std::size_t last = 0;
  bool first = true;
  for_each_year_before(RecordVector(records), [&](std::size_t i, std::span<const std::uint32_t> before) {
    CHECK((first || i > last));
    CHECK_FALSE(before.empty());
    first = false;
    last = i;
    out.at(i) = links(before);
  });
  return out;
}

}  // namespace

TEST_CASE("cross report: each report is paired with its organ's reports of the year before") {
  const std::vector<ReportRecord> records = {
      record("青山县交通运输局", 2023),  // 0
      record("青山县交通运输局", 2022),  // 1
      record("白河镇人民政府", 2022),    // 2
      record("青山县交通运输局", 2022),  // 3: a second 2022 report of the same organ
      record("", 2023),                  // 4: organ unknown
      record("白河镇人民政府", 0),       // 5: year unknown
      record("白河镇人民政府", 2023),    // 6
      record("青山县交通运输局", 2024),  // 7
  };
  const auto previous = previous_year_reports(organ_years(records));
  REQUIRE(previous.size() == records.size());
  CHECK(links(previous[0]) == std::vector<std::size_t>{1, 3});
  CHECK(previous[1].empty());
  CHECK(previous[2].empty());
  CHECK(previous[4].empty());
  CHECK(previous[5].empty());
  CHECK(links(previous[6]) == std::vector<std::size_t>{2});
  CHECK(links(previous[7]) == std::vector<std::size_t>{0});
  const auto stream = streamed(records);
  for (std::size_t i = 0; i < records.size(); ++i) CHECK(stream[i] == links(previous[i]));

  // Against every pair, on a larger run: the index finds what the quadratic search found.
  std::vector<ReportRecord> many;
  for (int i = 0; i < 300; ++i) many.push_back(record(i % 7 == 0 ? "" : "机关" + std::to_string(i % 11), 2015 + i % 6));
  const auto indexed = previous_year_reports(organ_years(many));
  const auto many_stream = streamed(many);
  for (std::size_t i = 0; i < many.size(); ++i) {
    std::vector<std::size_t> expected;
    for (std::size_t j = 0; j < many.size(); ++j)
      if (!many[i].organ.empty() && many[j].organ == many[i].organ && many[j].year == many[i].year - 1) expected.push_back(j);
    CAPTURE(i);
    CHECK(links(indexed[i]) == expected);
    CHECK(many_stream[i] == expected);
  }
}
