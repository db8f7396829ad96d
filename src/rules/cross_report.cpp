#include "rules/cross_report.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <utility>

#include "util/external_sort.h"

namespace nblint {

namespace {

std::string organ_of(const Report& report) {
  std::string organ;
  if (!report.title || !report.title->organ) return organ;
  const Span s = report.title->organ->span;
  for (char c : report.folded.source.substr(s.begin, s.end - s.begin))
    if (c != ' ' && c != '\t') organ += c;
  return organ;
}

// The folded ranges of the report's tables (NormalizedText::folded_range): a paragraph is in a
// table when its folded range is inside one, with no look at each paragraph's source offsets.
using FoldedRanges = std::vector<std::pair<std::size_t, std::size_t>>;

FoldedRanges table_ranges(const Report& report) {
  FoldedRanges ranges;
  for (const BoundTable& t : report.tables)
    if (t.found) ranges.push_back(report.folded.folded_range(t.span));
  return ranges;
}

// The wording of section `root` and its subsections' bodies, table cells left out (their labels
// are the template's, the same in every report), given to `builder` paragraph by paragraph.
void add_section_wording(const Report& report, const FoldedRanges& tables, int root, FingerprintBuilder& builder) {
  std::vector<bool> in_section(report.sections.size(), false);
  in_section[root] = true;
  for (std::size_t i = root + 1; i < report.sections.size(); ++i)  // children follow their parent
    if (report.sections[i].parent >= 0 && in_section[report.sections[i].parent]) in_section[i] = true;
  for (const Paragraph& p : report.paragraphs) {
    if (p.section < 0 || !in_section[p.section]) continue;
    const auto in_table = [&](const auto& t) { return p.folded_begin >= t.first && p.folded_end <= t.second; };
    if (std::any_of(tables.begin(), tables.end(), in_table)) continue;
    if (!p.cells) builder.add(report.paragraph_text(p));
  }
}

}  // namespace

ReportRecord make_report_record(const Report& report, const PackChoice& choice, std::string name) {
  ReportRecord record;
  record.name = std::move(name);
  record.organ = organ_of(report);
  record.pack = choice.pack;
  record.year = choice.year.value_or(0);
  if (!choice.pack) return record;
  const Pack& pack = *choice.pack;
  if (choice.year) record.publication = publication_timing(report, pack, *choice.year);
  if (pack.carry_over) {
    for (const BoundTable& table : report.tables) {
      if (table.key != pack.carry_over->table) continue;
      if (const BoundRow* r = table.row(pack.carry_over->from)) record.carried_from = *r;
      if (const BoundRow* r = table.row(pack.carry_over->into)) record.carried_into = *r;
    }
  }
  if (pack.copied_text) {
    // One for every section, and every report this thread makes a record of: its table and its
    // list of hashes (128 KB and more) would otherwise be fresh pages for each report.
    thread_local FingerprintBuilder builder;
    const FoldedRanges tables = table_ranges(report);
    const std::vector<SectionMatch>& matches = report.section_matches;
    for (std::size_t i = 0; i < pack.sections.size(); ++i) {
      const SectionSpec& spec = pack.sections[i];
      if (matches[i].section < 0) continue;
      const auto& keys = pack.copied_text->sections;
      if (std::find(keys.begin(), keys.end(), spec.key) == keys.end()) continue;
      builder.clear();
      add_section_wording(report, tables, matches[i].section, builder);
      if (builder.chars() < pack.copied_text->min_chars) continue;
      const Heading& h = report.sections[matches[i].section].heading;
      const Span heading{h.marker.begin, h.text.end};
      record.sections.push_back({spec.key, std::string(report.folded.source.substr(heading.begin, heading.end - heading.begin)),
                                 heading, builder.finish()});
    }
  }
  return record;
}

PreviousYears previous_year_reports(const std::vector<OrganYear>& reports) {
  // The known reports sorted by (organ, year, input index): an organ's reports of one year are
  // one run of it, in input order, found by binary search.
  std::vector<std::uint32_t> sorted;
  for (std::uint32_t j = 0; j < reports.size(); ++j)
    if (!reports[j].organ.empty() && reports[j].year != 0) sorted.push_back(j);
  const auto key = [&](std::uint32_t j) { return std::tuple(reports[j].organ, reports[j].year, j); };
  std::sort(sorted.begin(), sorted.end(), [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
  const auto year_before = [&](std::size_t i) {
    const std::string_view organ = reports[i].organ;
    const int year = reports[i].year - 1;
    const auto first = std::partition_point(sorted.begin(), sorted.end(), [&](std::uint32_t j) {
      return std::pair(reports[j].organ, reports[j].year) < std::pair(organ, year);
    });
    const auto last = std::partition_point(first, sorted.end(), [&](std::uint32_t j) {
      return reports[j].organ == organ && reports[j].year == year;
    });
    return std::span<const std::uint32_t>(std::to_address(first), std::to_address(last));
  };
  const auto known = [&](std::size_t i) { return !reports[i].organ.empty() && reports[i].year != 0; };
  PreviousYears previous;
  previous.first_.reserve(reports.size() + 1);
  previous.first_.push_back(0);
  for (std::size_t i = 0; i < reports.size(); ++i) {
    if (known(i)) {
      const auto links = year_before(i);
      previous.links_.insert(previous.links_.end(), links.begin(), links.end());
    }
    previous.first_.push_back(static_cast<std::uint32_t>(previous.links_.size()));
  }
  return previous;
}

std::size_t RecordDigest::section_count() const { return static_cast<std::size_t>(std::popcount(prose)); }

std::string_view RecordDigest::section_key(std::size_t s) const {
  std::uint64_t bits = prose;
  for (; s > 0 && bits; --s) bits &= bits - 1;  // drop the s lowest sections
  if (!bits || !pack) throw std::out_of_range("no such section in the record");
  return pack->sections.at(static_cast<std::size_t>(std::countr_zero(bits))).key;
}

std::optional<std::size_t> RecordDigest::section_index(std::string_view key) const {
  std::size_t s = 0;
  for (std::uint64_t bits = prose; bits; bits &= bits - 1, ++s)
    if (pack->sections[static_cast<std::size_t>(std::countr_zero(bits))].key == key) return s;
  return std::nullopt;
}

std::uint64_t organ_id(std::string_view organ) {
  if (organ.empty()) return 0;
  const std::uint64_t id = std::hash<std::string_view>{}(organ);
  return id == 0 ? 1 : id;
}

RecordDigest digest_of(const ReportRecord& record) {
  RecordDigest digest{.organ = organ_id(record.organ),
                      .pack = record.pack,
                      .year = record.year,
                      .carries_from = record.carried_from.has_value(),
                      .carries_into = record.carried_into.has_value()};
  std::size_t next = 0;  // sections come in the pack's order
  for (const SectionProse& s : record.sections) {
    if (!record.pack) throw std::invalid_argument("a record's section prose without its pack");
    const auto& specs = record.pack->sections;
    const auto spec = std::find_if(specs.begin() + static_cast<std::ptrdiff_t>(std::min(next, specs.size())), specs.end(),
                                   [&](const SectionSpec& k) { return k.key == s.key; });
    const auto k = static_cast<std::size_t>(spec - specs.begin());
    if (spec == specs.end() || k >= 64) throw std::invalid_argument("section '" + s.key + "' cannot be held in a digest");
    digest.prose |= std::uint64_t{1} << k;
    next = k + 1;
  }
  return digest;
}

RecordVector::RecordVector(const std::vector<ReportRecord>& records) : records_(records) {
  digests_.reserve(records.size());
  for (const ReportRecord& r : records) digests_.push_back(digest_of(r));
}

namespace {

// Bytes of each sort's items held in memory before it spills (util/external_sort).
constexpr std::size_t kHeldSortBytes = 2u << 20;

}  // namespace

void for_each_year_before(const RecordSource& records, const YearBeforeVisit& visit) {
  struct Known {
    std::uint64_t organ;
    std::int32_t year;
    std::uint32_t index;
  };
  const auto by_organ_year = [](const Known& a, const Known& b) {
    return std::tie(a.organ, a.year, a.index) < std::tie(b.organ, b.year, b.index);
  };
  ExternalSorter<Known, decltype(by_organ_year)> known(kHeldSortBytes, by_organ_year);
  for (std::uint32_t i = 0; i < records.size(); ++i) {
    const RecordDigest d = records.digest(i);
    if (d.organ != 0 && d.year != 0) known.add({d.organ, d.year, i});
  }
  struct Link {
    std::uint32_t report, before;
  };
  const auto by_report = [](const Link& a, const Link& b) { return std::tie(a.report, a.before) < std::tie(b.report, b.before); };
  ExternalSorter<Link, decltype(by_report)> links(kHeldSortBytes, by_report);
  // One organ-year's reports at a time (in input order), and the one before it in the sort.
  struct Group {
    std::uint64_t organ = 0;
    std::int32_t year = 0;
    std::vector<std::uint32_t> reports;
  };
  Group group, earlier;
  const auto close_group = [&] {
    if (earlier.organ == group.organ && earlier.year == group.year - 1 && !earlier.reports.empty())
      for (const std::uint32_t i : group.reports)
        for (const std::uint32_t j : earlier.reports) links.add({i, j});
    std::swap(earlier, group);
    group.reports.clear();
  };
  known.drain([&](const Known& k) {
    if (!group.reports.empty() && (k.organ != group.organ || k.year != group.year)) close_group();
    group.organ = k.organ;
    group.year = k.year;
    group.reports.push_back(k.index);
  });
  if (!group.reports.empty()) close_group();
  std::vector<std::uint32_t> before;
  std::uint32_t report = 0;
  links.drain([&](const Link& link) {
    if (!before.empty() && link.report != report) {
      visit(report, before);
      before.clear();
    }
    report = link.report;
    before.push_back(link.before);
  });
  if (!before.empty()) visit(report, before);
}

void check_across_reports(const RecordSource& records, Lang lang, const FindingSink& sink) {
  for_each_year_before(records, [&](std::size_t i, std::span<const std::uint32_t> before) {
    check_carry_over(records, i, before, lang, sink);
    check_copied_from_last_year(records, i, before, lang, sink);
  });
  check_copied_from_other(records, lang, sink);
}

std::vector<std::vector<Diagnostic>> check_across_reports(const RecordSource& records, Lang lang) {
  std::vector<std::vector<Diagnostic>> findings(records.size());
  check_across_reports(records, lang, [&](std::size_t i, std::vector<Diagnostic> found) {
    findings[i].insert(findings[i].end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  });
  return findings;
}

}  // namespace nblint
