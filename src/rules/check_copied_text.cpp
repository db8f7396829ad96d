// Copied prose (内容雷同): crossyear/copied-text compares a report's sections with the same
// organ's report for the year before; text/copied-from-other with other organs' reports of the
// run. The latter buckets the sections' fingerprints by LSH band, so a run of thousands of
// reports compares each section with a few candidates, never all pairs.
#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>
#include <utility>

#include "rules/catalogue.h"
#include "rules/cross_report.h"
#include "rules/message_format.h"
#include "util/external_sort.h"

namespace nblint {

namespace {

constexpr std::string_view kCopiedText = "crossyear/copied-text";
constexpr std::string_view kCopiedFromOther = "text/copied-from-other";
// Members of one LSH bucket compared with each other: each with its next few, so a bucket of
// many copies of one text costs linear time and every member still meets one of its copies.
constexpr std::size_t kBucketNeighbours = 8;
// Bytes of LSH entries sorted in memory (about 13,000 reports' worth) before the sort spills.
constexpr std::size_t kHeldEntries = 6u << 20;
// Bytes of close matches between sections sorted in memory before the sort spills.
constexpr std::size_t kHeldMatches = 1u << 20;

const Severity* enabled(const RecordDigest& r, std::string_view rule) {
  if (!r.pack || !r.pack->copied_text) return nullptr;
  const auto it = r.pack->rules.find(rule);
  return it == r.pack->rules.end() ? nullptr : &it->second;
}

std::string percent(double similarity) { return std::to_string(static_cast<int>(std::lround(similarity * 100))); }

// Two reports of different organs: both organs known and different, or one unknown and the
// same report year (the same organ's reports of one year are one report).
bool other_organs(const RecordDigest& a, const RecordDigest& b) {
  if (a.organ != 0 && b.organ != 0) return a.organ != b.organ;
  return a.year != 0 && a.year == b.year;
}

// Report i's findings, which name its sections' headings: its record is read back for the
// first; the sink gets them all when the check is done with the report (done()).
class Reporter {
 public:
  Reporter(const RecordSource& records, std::size_t i, Lang lang, const FindingSink& sink)
      : records_(records), i_(i), lang_(lang), sink_(sink) {}

  void done() {
    if (!found_.empty()) sink_(i_, std::move(found_));
    found_.clear();
  }

  // Record i, read back once.
  const ReportRecord& record() {
    if (!record_) record_ = records_.load(i_);
    return *record_;
  }

  // Section `section` of record i (its index in record.sections).
  void report(std::string_view rule, const Severity& severity, std::size_t section, MessageArgs args) {
    const SectionProse& s = record().sections.at(section);
    args.insert(args.begin(), {"heading", s.heading});
    const RuleInfo* info = Catalogue::builtin().find(rule);
    found_.push_back({std::string(rule), severity, format_message(info->message("default").get(lang_), args), s.heading_span});
  }

 private:
  const RecordSource& records_;
  std::size_t i_;
  Lang lang_;
  const FindingSink& sink_;
  std::optional<ReportRecord> record_;
  std::vector<Diagnostic> found_;
};

}  // namespace

void check_copied_from_last_year(const RecordSource& records, std::size_t i, std::span<const std::uint32_t> before_reports,
                                 Lang lang, const FindingSink& sink) {
  const RecordDigest now = records.digest(i);
  const Severity* severity = enabled(now, kCopiedText);
  if (!severity) return;
  Reporter reporter(records, i, lang, sink);
  for (const std::size_t j : before_reports) {
    const RecordDigest before = records.digest(j);
    std::optional<ReportRecord> before_record;  // read back once, for its first finding
    for (std::size_t s = 0; s < now.section_count(); ++s) {
      const std::optional<std::size_t> old = before.section_index(now.section_key(s));
      if (!old) continue;
      const double sim = similarity(records.fingerprint(i, s), records.fingerprint(j, *old));
      if (sim < now.pack->copied_text->similarity) continue;
      if (!before_record) before_record = records.load(j);
      if (before_record->organ != reporter.record().organ) break;  // digests pair organs by a hash: the names decide
      reporter.report(kCopiedText, *severity, s,
                      {{"percent", percent(sim)}, {"previous_year", std::to_string(before.year)},
                       {"previous_file", before_record->name}});
    }
  }
  reporter.done();
}

void check_copied_from_other(const RecordSource& records, Lang lang, const FindingSink& sink) {
  struct Member {
    std::uint32_t record;
    std::uint32_t section;
  };
  // The buckets as one run of entries sorted by key (16 bytes a member), not a hash map of
  // vectors (about 80 bytes a member). With 16 bands a section they are most of what a large
  // run would hold, so beyond kHeldEntries bytes the sort goes through a temporary file.
  struct BandEntry {
    std::uint64_t key;
    Member member;
  };
  // Within a bucket, members in input order (record, then section).
  const auto by_bucket = [](const BandEntry& a, const BandEntry& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.member.record != b.member.record) return a.member.record < b.member.record;
    return a.member.section < b.member.section;
  };
  ExternalSorter<BandEntry, decltype(by_bucket)> entries(kHeldEntries, by_bucket);
  std::size_t compared = 0;
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    const RecordDigest r = records.digest(i);
    if (enabled(r, kCopiedFromOther)) compared += r.section_count();
  }
  entries.reserve(compared * TextFingerprint::kBands);
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    const RecordDigest r = records.digest(i);
    if (!enabled(r, kCopiedFromOther)) continue;
    for (std::uint32_t s = 0; s < r.section_count(); ++s) {
      const std::uint64_t section_salt = std::hash<std::string_view>{}(r.section_key(s));  // = hash<string>
      for (std::uint64_t key : band_keys(records.fingerprint(i, s))) entries.add({key ^ section_salt, {i, s}});
    }
  }
  // A section's match in another report, kept when it is close enough to be reported: a stream
  // sorted by section, not a slot for every section of the run.
  struct Match {
    Member member;
    std::uint32_t other;
    double similarity;
  };
  const auto by_member = [](const Match& a, const Match& b) {
    return std::tie(a.member.record, a.member.section) < std::tie(b.member.record, b.member.section);
  };
  ExternalSorter<Match, decltype(by_member)> matches(kHeldMatches, by_member);
  const auto consider = [&](const Member& a, const Member& b) {
    if (a.record == b.record) return;
    const RecordDigest ra = records.digest(a.record);
    const RecordDigest rb = records.digest(b.record);
    if (!other_organs(ra, rb)) return;
    if (ra.section_key(a.section) != rb.section_key(b.section)) return;  // a salt collision
    const double sim = similarity(records.fingerprint(a.record, a.section), records.fingerprint(b.record, b.section));
    for (const auto& [m, other, pack] : {std::tuple{a, b.record, ra.pack}, std::tuple{b, a.record, rb.pack}})
      if (sim >= pack->copied_text->similarity) matches.add({m, other, sim});
  };
  // Each member of a bucket meets the kBucketNeighbours members before it.
  std::vector<Member> recent;
  std::uint64_t bucket = 0;
  entries.drain([&](const BandEntry& e) {
    if (recent.empty() || e.key != bucket) {
      recent.clear();
      bucket = e.key;
    }
    for (const Member& m : recent) consider(m, e.member);
    if (recent.size() == kBucketNeighbours) recent.erase(recent.begin());
    recent.push_back(e.member);
  });
  // Each reported section's best match: the highest similarity, ties to the earlier file (the
  // same whatever the order of the comparisons, so the output does not depend on bucket order).
  std::optional<Reporter> reporter;
  std::optional<std::pair<std::uint32_t, std::string>> other;  // the last other report named
  std::optional<Match> best;
  const auto report_best = [&] {
    const RecordDigest r = records.digest(best->member.record);
    if (!reporter) reporter.emplace(records, best->member.record, lang, sink);
    // A report's sections mostly match the same other report: its name is read back once.
    if (!other || other->first != best->other) other.emplace(best->other, records.name(best->other));
    reporter->report(kCopiedFromOther, *enabled(r, kCopiedFromOther), best->member.section,
                     {{"percent", percent(best->similarity)}, {"other_file", other->second}});
  };
  matches.drain([&](const Match& m) {
    if (best && (best->member.record != m.member.record || best->member.section != m.member.section)) {
      report_best();
      if (best->member.record != m.member.record) {
        reporter->done();
        reporter.reset();
      }
      best.reset();
    }
    if (!best || m.similarity > best->similarity || (m.similarity == best->similarity && m.other < best->other)) best = m;
  });
  if (best) {
    report_best();
    reporter->done();
  }
}

}  // namespace nblint
