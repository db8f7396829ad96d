// Cross-report records written to bytes and back (cli/result_codec: encode_record) and the run's
// spool of them (cli/record_spool): every field comes back, and the checks across reports find
// exactly the same over the spool (digests in memory, records read back) as over the records.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/lint_file.h"
#include "cli/record_spool.h"
#include "cli/result_codec.h"
#include "cli/result_spool.h"
#include "support/run.h"

using namespace nblint;
namespace fs = std::filesystem;

namespace {

// The reports of the cross-report fixtures: one organ's consecutive years, a rewritten report,
// another organ's copy.
std::vector<ReportRecord> fixture_records() {
  const fs::path root = test::source_dir();
  std::vector<std::string> files = {(root / "examples/qingshan-transport-2025.txt").string()};
  for (const char* dir : {"tests/fixtures/crossyear", "tests/fixtures/crossyear/rewritten",
                          "tests/fixtures/crossyear/other-organ", "tests/fixtures/crossyear/consistent"})
    for (const auto& e : fs::directory_iterator(root / dir))
      if (e.path().extension() == ".txt") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::vector<ReportRecord> records;
  for (const std::string& f : files) {
    FileResult r = lint_file(f, LintOptions{});
    REQUIRE_FALSE(r.error);
    records.push_back(std::move(r.record));
  }
  return records;
}

void check_same_cell(const BoundCell& a, const BoundCell& b) {
  CHECK(a.state == b.state);
  CHECK(a.value.mantissa == b.value.mantissa);
  CHECK(a.value.scale == b.value.scale);
  CHECK(a.value.negative == b.value.negative);
  CHECK(a.value.unit == b.value.unit);
  CHECK(a.span.begin == b.span.begin);
  CHECK(a.span.end == b.span.end);
  CHECK(a.line == b.line);
  CHECK(a.text == b.text);
}

void check_same_row(const std::optional<BoundRow>& a, const std::optional<BoundRow>& b) {
  REQUIRE(a.has_value() == b.has_value());
  if (!a) return;
  CHECK(a->key == b->key);
  CHECK(a->label.begin == b->label.begin);
  CHECK(a->line == b->line);
  REQUIRE(a->cells.size() == b->cells.size());
  for (std::size_t c = 0; c < a->cells.size(); ++c) check_same_cell(a->cells[c], b->cells[c]);
}

void check_same(const ReportRecord& a, const ReportRecord& b) {
  CHECK(a.name == b.name);
  CHECK(a.organ == b.organ);
  CHECK(a.year == b.year);
  CHECK(a.pack == b.pack);
  check_same_row(a.carried_from, b.carried_from);
  check_same_row(a.carried_into, b.carried_into);
  REQUIRE(a.sections.size() == b.sections.size());
  for (std::size_t s = 0; s < a.sections.size(); ++s) {
    CHECK(a.sections[s].key == b.sections[s].key);
    CHECK(a.sections[s].heading == b.sections[s].heading);
    CHECK(a.sections[s].heading_span.begin == b.sections[s].heading_span.begin);
    CHECK(a.sections[s].fingerprint.minhash == b.sections[s].fingerprint.minhash);
    CHECK(a.sections[s].fingerprint.chars == b.sections[s].fingerprint.chars);
  }
  REQUIRE(a.publication.has_value() == b.publication.has_value());
  if (a.publication) {
    CHECK(a.publication->stated.has_value() == b.publication->stated.has_value());
    if (a.publication->stated) CHECK(a.publication->stated->span.begin == b.publication->stated->span.begin);
    CHECK(a.publication->published == b.publication->published);
    CHECK(a.publication->deadline == b.publication->deadline);
    CHECK(a.publication->lenient == b.publication->lenient);
    CHECK(a.publication->deadline_date == b.publication->deadline_date);
  }
}

}  // namespace

TEST_CASE("record spool: records round-trip whole, and the checks across reports find the same through the spool") {
  const std::vector<ReportRecord> records = fixture_records();
  REQUIRE(records.size() >= 4);
  // The fixtures exercise what a record holds: carried rows, section prose, a publication date.
  const auto any = [&](auto has) { return std::any_of(records.begin(), records.end(), has); };
  CHECK(any([](const ReportRecord& r) { return r.carried_from && r.carried_into; }));
  CHECK(any([](const ReportRecord& r) { return !r.sections.empty(); }));
  CHECK(any([](const ReportRecord& r) { return r.publication && r.publication->stated; }));

  RecordSpool spool(records.size());
  // Stored out of order, as a run's threads may finish them.
  for (std::size_t k = records.size(); k-- > 0;) spool.store(k, records[k]);
  for (std::size_t i = 0; i < records.size(); ++i) {
    CAPTURE(records[i].name);
    check_same(spool.load(i), records[i]);
    CHECK(spool.name(i) == records[i].name);  // read alone, for findings that name another report
    const RecordDigest digest = spool.digest(i);
    REQUIRE(digest.section_count() == records[i].sections.size());
    for (std::size_t s = 0; s < records[i].sections.size(); ++s) CHECK(digest.section_key(s) == records[i].sections[s].key);
    CHECK(digest.organ == organ_id(records[i].organ));
    CHECK((digest.organ == 0) == records[i].organ.empty());
    for (std::size_t s = 0; s < records[i].sections.size(); ++s)
      CHECK(spool.fingerprint(i, s).minhash == records[i].sections[s].fingerprint.minhash);
  }

  const auto direct = check_across_reports(RecordVector(records), Lang::Zh);
  const auto spooled = check_across_reports(spool, Lang::Zh);
  REQUIRE(direct.size() == spooled.size());
  std::size_t findings = 0;
  for (std::size_t i = 0; i < direct.size(); ++i) {
    REQUIRE(direct[i].size() == spooled[i].size());
    for (std::size_t d = 0; d < direct[i].size(); ++d) {
      CHECK(direct[i][d].rule == spooled[i][d].rule);
      CHECK(direct[i][d].message == spooled[i][d].message);
      CHECK(direct[i][d].span.begin == spooled[i][d].span.begin);
    }
    findings += direct[i].size();
  }
  CHECK(findings > 0);  // carry-over and copied-text findings among the fixtures
}

TEST_CASE("record codec: damaged bytes are an error, not a crash") {
  ReportRecord record;
  record.name = "a.txt";
  record.sections.push_back({"overview", "一、总体情况", {1, 7}, {}});
  std::string bytes;
  encode_record(record, bytes);
  CHECK(decode_record(bytes).sections.at(0).heading == "一、总体情况");
  CHECK(decode_record_name(bytes) == "a.txt");
  for (std::size_t cut = 0; cut < 8; ++cut) CHECK_THROWS_AS(decode_record_name(bytes.substr(0, cut)), ResultCodecError);
  for (std::size_t cut = 0; cut < bytes.size(); cut += 7) CHECK_THROWS_AS(decode_record(bytes.substr(0, cut)), ResultCodecError);
  CHECK_THROWS_AS(decode_record(bytes + "x"), ResultCodecError);
}

TEST_CASE("finding spool: findings appended to a spool made for none come back whole, in order") {
  ResultSpool spool;
  std::vector<std::vector<Diagnostic>> lists;
  for (int n = 0; n < 5; ++n) {
    std::vector<Diagnostic> list;
    for (int k = 0; k <= n; ++k)
      list.push_back({"text/copied-from-other", Severity::Warning, "第" + std::to_string(k) + "条",
                      {static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(k + 3)}});
    std::string bytes;
    encode_diagnostics(list, bytes);
    CHECK(spool.append_encoded(bytes) == lists.size());
    lists.push_back(std::move(list));
  }
  CHECK(spool.on_disk());
  for (std::size_t i = lists.size(); i-- > 0;) {
    const std::vector<Diagnostic> back = decode_diagnostics(spool.load_encoded(i));
    REQUIRE(back.size() == lists[i].size());
    for (std::size_t k = 0; k < back.size(); ++k) {
      CHECK(back[k].message == lists[i][k].message);
      CHECK(back[k].span.end == lists[i][k].span.end);
    }
  }
  std::string bytes;
  encode_diagnostics(lists.back(), bytes);
  CHECK_THROWS_AS(decode_diagnostics(bytes.substr(0, bytes.size() - 1)), ResultCodecError);
}
