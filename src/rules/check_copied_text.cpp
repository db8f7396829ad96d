// Copied prose (内容雷同): crossyear/copied-text compares a report's sections with the same
// organ's report for the year before; text/copied-from-other with other organs' reports of the
// run. The latter buckets the sections' fingerprints by LSH band, so a run of thousands of
// reports compares each section with a few candidates, never all pairs.
#include <algorithm>
#include <cmath>
#include <optional>
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

const Severity* enabled(const RecordDigest& r, std::string_view rule) {
  if (!r.pack || !r.pack->copied_text) return nullptr;
  const auto it = r.pack->rules.find(rule);
  return it == r.pack->rules.end() ? nullptr : &it->second;
}

std::string percent(double similarity) { return std::to_string(static_cast<int>(std::lround(similarity * 100))); }

const RecordDigest::Prose* section(const RecordDigest& r, std::string_view key) {
  for (const RecordDigest::Prose& s : r.sections)
    if (s.key == key) return &s;
  return nullptr;
}

// Two reports of different organs: both organs known and different, or one unknown and the
// same report year (the same organ's reports of one year are one report).
bool other_organs(const RecordDigest& a, const RecordDigest& b) {
  if (!a.organ.empty() && !b.organ.empty()) return a.organ != b.organ;
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

  // Section `section` of record i (its index in the digest's sections).
  void report(std::string_view rule, const Severity& severity, std::size_t section, MessageArgs args) {
    if (!record_) record_ = records_.load(i_);
    const SectionProse& s = record_->sections.at(section);
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

void copied_from_last_year(const RecordSource& records, const PreviousYears& previous, Lang lang,
                           const FindingSink& sink) {
  for (std::size_t i = 0; i < records.size(); ++i) {
    const RecordDigest& now = records.digest(i);
    const Severity* severity = enabled(now, kCopiedText);
    if (!severity) continue;
    Reporter reporter(records, i, lang, sink);
    for (const std::size_t j : previous[i]) {
      const RecordDigest& before = records.digest(j);
      std::optional<std::string> before_name;  // read back once, for its first finding
      for (std::size_t s = 0; s < now.sections.size(); ++s) {
        const RecordDigest::Prose* old = section(before, now.sections[s].key);
        if (!old) continue;
        const double sim = similarity(records.fingerprint(i, s),
                                      records.fingerprint(j, static_cast<std::size_t>(old - before.sections.data())));
        if (sim < now.pack->copied_text->similarity) continue;
        if (!before_name) before_name = records.name(j);
        reporter.report(kCopiedText, *severity, s,
                        {{"percent", percent(sim)}, {"previous_year", std::to_string(before.year)},
                         {"previous_file", *before_name}});
      }
    }
    reporter.done();
  }
}

void copied_from_other_organs(const RecordSource& records, Lang lang, const FindingSink& sink) {
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
  // best[first_section[i] + s]: the closest other report's section to record i's section s.
  struct Best {
    double similarity = 0;
    std::uint32_t record = 0;
  };
  std::vector<std::size_t> first_section(records.size() + 1, 0);
  for (std::uint32_t i = 0; i < records.size(); ++i) first_section[i + 1] = first_section[i] + records.digest(i).sections.size();
  std::size_t compared = 0;
  for (std::uint32_t i = 0; i < records.size(); ++i)
    if (enabled(records.digest(i), kCopiedFromOther)) compared += records.digest(i).sections.size();
  entries.reserve(compared * TextFingerprint::kBands);
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    const RecordDigest& r = records.digest(i);
    if (!enabled(r, kCopiedFromOther)) continue;
    for (std::uint32_t s = 0; s < r.sections.size(); ++s) {
      const std::uint64_t section_salt = std::hash<std::string_view>{}(r.sections[s].key);  // = hash<string>
      for (std::uint64_t key : band_keys(records.fingerprint(i, s))) entries.add({key ^ section_salt, {i, s}});
    }
  }
  std::vector<Best> best(first_section.back());
  const auto consider = [&](const Member& a, const Member& b) {
    const RecordDigest& ra = records.digest(a.record);
    const RecordDigest& rb = records.digest(b.record);
    if (a.record == b.record || !other_organs(ra, rb)) return;
    if (ra.sections[a.section].key != rb.sections[b.section].key) return;  // a salt collision
    const double sim = similarity(records.fingerprint(a.record, a.section), records.fingerprint(b.record, b.section));
    // The best is the highest similarity, ties to the earlier file: the same whatever the order
    // of the comparisons, so the output does not depend on bucket order.
    for (const auto& [m, other] : {std::pair{a, b.record}, std::pair{b, a.record}}) {
      Best& slot = best[first_section[m.record] + m.section];
      if (sim > slot.similarity || (sim == slot.similarity && other < slot.record)) slot = {sim, other};
    }
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
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    const RecordDigest& r = records.digest(i);
    const Severity* severity = enabled(r, kCopiedFromOther);
    if (!severity) continue;
    Reporter reporter(records, i, lang, sink);
    // A report's sections mostly match the same other report: its name is read back once.
    std::optional<std::pair<std::uint32_t, std::string>> other;
    for (std::uint32_t s = 0; s < r.sections.size(); ++s) {
      const Best& b = best[first_section[i] + s];
      if (b.similarity == 0 || b.similarity < r.pack->copied_text->similarity) continue;
      if (!other || other->first != b.record) other.emplace(b.record, records.name(b.record));
      reporter.report(kCopiedFromOther, *severity, s, {{"percent", percent(b.similarity)}, {"other_file", other->second}});
    }
    reporter.done();
  }
}

}  // namespace

void check_copied_text(const RecordSource& records, const PreviousYears& previous, Lang lang, const FindingSink& sink) {
  copied_from_last_year(records, previous, lang, sink);
  copied_from_other_organs(records, lang, sink);
}

}  // namespace nblint
