// Checks across the reports of one run: a report against the same organ's report for the year
// before (crossyear/*) and against other organs' reports (text/copied-from-other). Each report
// leaves a small record when its model is gone; the checks run on the records of the whole run,
// holding in memory only each record's digest and reading back the records they pair.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/report.h"
#include "rules/diagnostic.h"
#include "rules/pack_selector.h"
#include "rules/publication_deadline.h"
#include "rules/text_fingerprint.h"
#include "util/lang.h"

namespace nblint {

// The prose of one mandated section (pack copied_text.sections), as a fingerprint.
struct SectionProse {
  std::string key;      // pack section key, "overview"
  std::string heading;  // the heading as written, "一、总体情况"
  Span heading_span;
  TextFingerprint fingerprint;
};

struct ReportRecord {
  std::string name;              // the file, as output names it
  std::string organ;             // the organ its title names, blanks removed; empty: unknown
  int year = 0;                  // the report year; 0 when unknown
  const Pack* pack = nullptr;    // the pack applied
  std::optional<BoundRow> carried_from;  // pack carry_over.from (结转下年度继续办理)
  std::optional<BoundRow> carried_into;  // pack carry_over.into (上年结转)
  std::vector<SectionProse> sections;    // sections with at least copied_text.min_chars
  std::optional<PublicationTiming> publication;  // with a pack and a report year (nblint report)
};

ReportRecord make_report_record(const Report& report, const PackChoice& choice, std::string name);

// One column of the carry-over table that both years have (matched by key): the later year's
// 上年结转 cell and the earlier year's 结转下年度继续办理 cell.
struct CarriedColumn {
  const LabelSpec* column;  // the later year's table column
  const BoundCell* into;    // later year, pack carry_over.into
  const BoundCell* from;    // earlier year, pack carry_over.from
};

// The columns `before` (year N) carries into `now` (year N+1); empty when either report lacks
// its carry-over row or its pack has no carry-over table. Organ and years are not compared.
std::vector<CarriedColumn> carried_columns(const ReportRecord& before, const ReportRecord& now);

// The label of row `key` of the pack's carry-over table ("结转下年度继续办理").
std::string carry_row_label(const Pack& pack, std::string_view key);

// What the checks across reports keep of a record for the whole run: enough to pair reports, in
// a fixed 40 bytes with no pointer into memory of its own (cli/record_spool keeps them in a
// util/spill_array, so a run of any size holds no more than a budget of them). The prose's
// fingerprints (RecordSource::fingerprint), and carried rows, headings and the publication
// (RecordSource::load), are read back for the reports a check compares or reports on.
struct RecordDigest {
  std::uint64_t organ = 0;        // organ_id(record.organ); 0: unknown
  const Pack* pack = nullptr;
  std::int32_t year = 0;
  std::uint32_t first_print = 0;  // where the RecordSource keeps the prose's fingerprints
  std::uint64_t prose = 0;        // bit k: pack->sections[k] is one of record.sections, in order
  bool carries_from = false;      // record.carried_from is set
  bool carries_into = false;      // record.carried_into is set

  // record.sections.size().
  std::size_t section_count() const;
  // The key of record.sections[s] (s < section_count()).
  std::string_view section_key(std::size_t s) const;
  // The s of record.sections[s] with key `key`; nullopt when it has none.
  std::optional<std::size_t> section_index(std::string_view key) const;
};

// The organ's identity in a digest: a 64-bit hash of its name, never 0 for a known organ (two
// different names are taken for one organ with a chance of about n^2 / 2^65 among n organs).
std::uint64_t organ_id(std::string_view organ);

// Throws std::invalid_argument when a section's key is not among the first 64 of the record's
// pack (pack_loader refuses such a copied_text), or the sections are not in the pack's order.
RecordDigest digest_of(const ReportRecord& record);

// The records of a run, by input index.
class RecordSource {
 public:
  virtual ~RecordSource() = default;
  virtual std::size_t size() const = 0;
  virtual RecordDigest digest(std::size_t i) const = 0;
  // The fingerprint of record i's section `section` (its index in record.sections).
  virtual TextFingerprint fingerprint(std::size_t i, std::size_t section) const = 0;
  virtual ReportRecord load(std::size_t i) const = 0;
  // Record i's name (the report's path as shown), read back: findings name another report only
  // now and then, so the digests do not hold every name.
  virtual std::string name(std::size_t i) const { return load(i).name; }
};

// Records held in memory (one file, tests).
class RecordVector final : public RecordSource {
 public:
  explicit RecordVector(const std::vector<ReportRecord>& records);
  std::size_t size() const override { return records_.size(); }
  RecordDigest digest(std::size_t i) const override { return digests_.at(i); }
  TextFingerprint fingerprint(std::size_t i, std::size_t section) const override {
    return records_.at(i).sections.at(section).fingerprint;
  }
  ReportRecord load(std::size_t i) const override { return records_.at(i); }
  std::string name(std::size_t i) const override { return records_.at(i).name; }

 private:
  const std::vector<ReportRecord>& records_;
  std::vector<RecordDigest> digests_;
};

// A report's organ and year (empty organ or year 0: unknown).
struct OrganYear {
  std::string_view organ;
  int year = 0;
};

// previous[i]: the indexes of the reports of report i's organ for the year before, in input
// order. Held as one array of indexes and an offset per report (4 bytes a report and 4 a link),
// not a vector per report. For `nblint report`, which holds its reports' results anyway.
class PreviousYears {
 public:
  std::size_t size() const { return first_.empty() ? 0 : first_.size() - 1; }
  std::span<const std::uint32_t> operator[](std::size_t i) const {
    return {links_.data() + first_.at(i), links_.data() + first_.at(i + 1)};
  }

 private:
  friend PreviousYears previous_year_reports(const std::vector<OrganYear>& reports);
  std::vector<std::uint32_t> first_;  // report i's links are links_[first_[i], first_[i + 1])
  std::vector<std::uint32_t> links_;
};

// previous[i] over each report's organ and year (empty organ or year 0: unknown), found by
// sorting the reports by organ and year (n log n), not by comparing every pair.
PreviousYears previous_year_reports(const std::vector<OrganYear>& reports);

// The same for the records of a run, as a stream: visit(i, before) for each record i, in input
// order, that has records of its organ (by digest) for the year before; `before` their indexes
// in input order. The reports are sorted by organ and year, and the pairs by report, through
// util/external_sort: a run of any size holds a budget of them and one organ-year's reports.
using YearBeforeVisit = std::function<void(std::size_t record, std::span<const std::uint32_t> before)>;
void for_each_year_before(const RecordSource& records, const YearBeforeVisit& visit);

// Takes findings for record i as each check finishes with it: a record may be given findings
// by each kind of check, never an empty list. The run spools them instead of holding them all.
using FindingSink = std::function<void(std::size_t record, std::vector<Diagnostic> findings)>;

void check_across_reports(const RecordSource& records, Lang lang, const FindingSink& sink);
// findings[i] are the findings for record i, in the order the sink is given them.
std::vector<std::vector<Diagnostic>> check_across_reports(const RecordSource& records, Lang lang);

// The checks across reports (check_crossyear.cpp, check_copied_text.cpp). The first two compare
// record i with `before`, its organ's records of the year before (for_each_year_before).
void check_carry_over(const RecordSource& records, std::size_t i, std::span<const std::uint32_t> before, Lang lang,
                      const FindingSink& sink);
void check_copied_from_last_year(const RecordSource& records, std::size_t i, std::span<const std::uint32_t> before,
                                 Lang lang, const FindingSink& sink);
void check_copied_from_other(const RecordSource& records, Lang lang, const FindingSink& sink);

}  // namespace nblint
