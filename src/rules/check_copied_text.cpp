// Copied prose (内容雷同): crossyear/copied-text compares a report's sections with the same
// organ's report for the year before; text/copied-from-other with other organs' reports of the
// run. The latter buckets the sections' fingerprints by LSH band, so a run of thousands of
// reports compares each section with a few candidates, never all pairs.
#include <algorithm>
#include <cmath>

#include "rules/catalogue.h"
#include "rules/cross_report.h"
#include "rules/message_format.h"

namespace nblint {

namespace {

constexpr std::string_view kCopiedText = "crossyear/copied-text";
constexpr std::string_view kCopiedFromOther = "text/copied-from-other";
// Members of one LSH bucket compared with each other: each with its next few, so a bucket of
// many copies of one text costs linear time and every member still meets one of its copies.
constexpr std::size_t kBucketNeighbours = 8;

const Severity* enabled(const ReportRecord& r, std::string_view rule) {
  if (!r.pack || !r.pack->copied_text) return nullptr;
  const auto it = r.pack->rules.find(rule);
  return it == r.pack->rules.end() ? nullptr : &it->second;
}

std::string percent(double similarity) { return std::to_string(static_cast<int>(std::lround(similarity * 100))); }

const SectionProse* section(const ReportRecord& r, std::string_view key) {
  for (const SectionProse& s : r.sections)
    if (s.key == key) return &s;
  return nullptr;
}

// Two reports of different organs: both organs known and different, or one unknown and the
// same report year (the same organ's reports of one year are one report).
bool other_organs(const ReportRecord& a, const ReportRecord& b) {
  if (!a.organ.empty() && !b.organ.empty()) return a.organ != b.organ;
  return a.year != 0 && a.year == b.year;
}

void report(std::string_view rule, const Severity& severity, const SectionProse& s,
            const MessageArgs& args, Lang lang, std::vector<Diagnostic>& out) {
  const RuleInfo* info = Catalogue::builtin().find(rule);
  out.push_back({std::string(rule), severity, format_message(info->message("default").get(lang), args), s.heading_span});
}

void copied_from_last_year(const std::vector<ReportRecord>& records, const PreviousYears& previous, Lang lang,
                           std::vector<std::vector<Diagnostic>>& out) {
  for (std::size_t i = 0; i < records.size(); ++i) {
    const ReportRecord& now = records[i];
    const Severity* severity = enabled(now, kCopiedText);
    if (!severity) continue;
    for (const std::size_t j : previous[i]) {
      const ReportRecord& before = records[j];
      for (const SectionProse& s : now.sections) {
        const SectionProse* old = section(before, s.key);
        if (!old) continue;
        const double sim = similarity(s.fingerprint, old->fingerprint);
        if (sim < now.pack->copied_text->similarity) continue;
        report(kCopiedText, *severity, s,
               {{"heading", s.heading}, {"percent", percent(sim)}, {"previous_year", std::to_string(before.year)},
                {"previous_file", before.name}},
               lang, out[i]);
      }
    }
  }
}

void copied_from_other_organs(const std::vector<ReportRecord>& records, Lang lang, std::vector<std::vector<Diagnostic>>& out) {
  struct Member {
    std::uint32_t record;
    std::uint32_t section;
  };
  // The buckets as one array sorted by key (16 bytes a member), not a hash map of vectors
  // (about 80 bytes a member): with 16 bands a section, this is most of what a large run holds.
  struct BandEntry {
    std::uint64_t key;
    Member member;
  };
  std::vector<BandEntry> entries;
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    if (!enabled(records[i], kCopiedFromOther)) continue;
    for (std::uint32_t s = 0; s < records[i].sections.size(); ++s) {
      const std::uint64_t section_salt = std::hash<std::string>{}(records[i].sections[s].key);
      for (std::uint64_t key : band_keys(records[i].sections[s].fingerprint)) entries.push_back({key ^ section_salt, {i, s}});
    }
  }
  // Within a bucket, members in input order (record, then section).
  std::sort(entries.begin(), entries.end(), [](const BandEntry& a, const BandEntry& b) {
    if (a.key != b.key) return a.key < b.key;
    if (a.member.record != b.member.record) return a.member.record < b.member.record;
    return a.member.section < b.member.section;
  });
  struct Best {
    double similarity = 0;
    std::uint32_t record = 0;
  };
  std::vector<std::vector<Best>> best(records.size());
  for (std::uint32_t i = 0; i < records.size(); ++i) best[i].resize(records[i].sections.size());
  const auto consider = [&](const Member& a, const Member& b) {
    const ReportRecord& ra = records[a.record];
    const ReportRecord& rb = records[b.record];
    if (a.record == b.record || !other_organs(ra, rb)) return;
    const SectionProse& sa = ra.sections[a.section];
    const SectionProse& sb = rb.sections[b.section];
    if (sa.key != sb.key) return;  // a salt collision
    const double sim = similarity(sa.fingerprint, sb.fingerprint);
    // Ties go to the earlier file, so the output does not depend on bucket order.
    for (const auto& [m, other] : {std::pair{a, b.record}, std::pair{b, a.record}}) {
      Best& slot = best[m.record][m.section];
      if (sim > slot.similarity || (sim == slot.similarity && other < slot.record)) slot = {sim, other};
    }
  };
  for (std::size_t first = 0, last = 0; first < entries.size(); first = last) {
    while (last < entries.size() && entries[last].key == entries[first].key) ++last;
    for (std::size_t m = first; m < last; ++m)
      for (std::size_t n = m + 1; n < last && n <= m + kBucketNeighbours; ++n) consider(entries[m].member, entries[n].member);
  }
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    const Severity* severity = enabled(records[i], kCopiedFromOther);
    if (!severity) continue;
    for (std::uint32_t s = 0; s < records[i].sections.size(); ++s) {
      const Best& b = best[i][s];
      if (b.similarity == 0 || b.similarity < records[i].pack->copied_text->similarity) continue;
      const SectionProse& prose = records[i].sections[s];
      report(kCopiedFromOther, *severity, prose,
             {{"heading", prose.heading}, {"percent", percent(b.similarity)}, {"other_file", records[b.record].name}},
             lang, out[i]);
    }
  }
}

}  // namespace

void check_copied_text(const std::vector<ReportRecord>& records, const PreviousYears& previous, Lang lang,
                       std::vector<std::vector<Diagnostic>>& out) {
  copied_from_last_year(records, previous, lang, out);
  copied_from_other_organs(records, lang, out);
}

}  // namespace nblint
