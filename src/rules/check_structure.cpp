#include "rules/check_structure.h"

#include <algorithm>
#include <optional>


namespace nblint {

namespace {

constexpr std::string_view kMissing = "structure/missing-section";
constexpr std::string_view kEmpty = "structure/empty-section";
constexpr std::string_view kOrder = "structure/section-order";

std::string heading_text(const CheckContext& ctx, const Section& s) {
  return std::string(ctx.original({s.heading.marker.begin, s.heading.text.end}));
}

Span heading_span(const Section& s) { return {s.heading.marker.begin, s.heading.text.end}; }

// The report section matched by the first mandated section after (before) spec `i`, or -1.
int next_present(const std::vector<SectionMatch>& matches, std::size_t i) {
  for (std::size_t j = i + 1; j < matches.size(); ++j)
    if (matches[j].section >= 0) return matches[j].section;
  return -1;
}

int previous_present(const std::vector<SectionMatch>& matches, std::size_t i) {
  for (std::size_t j = i; j-- > 0;)
    if (matches[j].section >= 0) return matches[j].section;
  return -1;
}

// What stands before a heading's numbering on its line ("## " in Markdown) when it is only
// blanks and '#'; empty otherwise.
std::string line_prefix(const CheckContext& ctx, const Section& s) {
  const std::uint32_t line_start = ctx.source.line_start(ctx.source.locate(s.heading.marker.begin).line);
  const std::string_view prefix = ctx.original({line_start, s.heading.marker.begin});
  return prefix.find_first_not_of(" \t#") == std::string_view::npos ? std::string(prefix) : std::string();
}

// A section the pack lets say only its none_text (六、其他需要报告的事项 / 无。) is restored with
// certainty when it belongs at the end, i.e. no later mandated section is present: the template
// heading and that text at the end of the document, styled like the previous section's heading.
// Anywhere else the right place between the present sections is not certain: no fix.
std::optional<Fix> restore_section(const CheckContext& ctx, const SectionSpec& spec, int next, int previous) {
  if (spec.none_text.empty() || !ctx.choice.pack->ordered || next >= 0 || previous < 0) return std::nullopt;
  const std::string& text = ctx.source.text;
  const auto end = static_cast<std::uint32_t>(text.size());
  const std::string heading = line_prefix(ctx, ctx.report.sections[previous]) + spec.number + "、" + spec.title;
  Fix fix;
  fix.title = ctx.message(kMissing, "fix", {{"number", spec.number}, {"title", spec.title}});
  fix.span = {end, end};
  fix.text = text.ends_with('\n') ? heading + "\n" + spec.none_text + "\n" : "\n" + heading + "\n" + spec.none_text;
  return fix;
}

// Where a missing section belongs: before the next mandated section that is present, else
// right after the previous one, else at the title (or the start of the file).
void report_missing(const CheckContext& ctx, const std::vector<SectionMatch>& matches) {
  const Pack& pack = *ctx.choice.pack;
  const Report& report = ctx.report;
  const Span start = report.title ? report.title->span : Span{0, 0};
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (matches[i].covered()) continue;
    const SectionSpec& spec = pack.sections[i];
    MessageArgs args{{"number", spec.number}, {"title", spec.title}, {"where", ""}};
    Span at = start;
    if (pack.ordered) {
      const int next = next_present(matches, i), previous = previous_present(matches, i);
      if (next >= 0) {
        const Section& s = report.sections[next];
        args[2].second = ctx.message(kMissing, "where_before", {{"next", heading_text(ctx, s)}});
        at = {s.heading.marker.begin, s.heading.marker.begin};
      } else if (previous >= 0) {
        const Section& s = report.sections[previous];
        args[2].second = ctx.message(kMissing, "where_after", {{"previous", heading_text(ctx, s)}});
        at = {s.extent.end, s.extent.end};
      }
    }
    std::string message = ctx.message(kMissing, pack.ordered ? "section" : "item", args);
    if (auto fix = restore_section(ctx, spec, next_present(matches, i), previous_present(matches, i)))
      ctx.emit(kMissing, std::move(message), at, std::move(*fix));
    else
      ctx.emit(kMissing, std::move(message), at);
  }
}

void report_empty(const CheckContext& ctx, const std::vector<SectionMatch>& matches) {
  for (const SectionMatch& m : matches) {
    if (m.section < 0) continue;
    const Section& s = ctx.report.sections[m.section];
    if (s.body_chars == 0 && s.children.empty())
      ctx.emit(kEmpty, ctx.message(kEmpty, "default", {{"heading", heading_text(ctx, s)}}), heading_span(s));
  }
}

// Keeps the longest run of sections already in template order (preferring sections that come
// first in the document) and reports each of the others after the kept one it follows.
void report_order(const CheckContext& ctx, const std::vector<SectionMatch>& matches) {
  struct Found {
    std::size_t spec;
    int section;
  };
  std::vector<Found> found;
  for (std::size_t i = 0; i < matches.size(); ++i)
    if (matches[i].section >= 0) found.push_back({i, matches[i].section});
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.section < b.section; });
  const std::size_t n = found.size();
  std::vector<int> length(n, 1), previous(n, -1);
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t j = 0; j < k; ++j)
      if (found[j].spec < found[k].spec && length[j] + 1 > length[k]) length[k] = length[j] + 1, previous[k] = static_cast<int>(j);
  int best = -1;
  for (std::size_t k = 0; k < n; ++k)
    if (best < 0 || length[k] > length[best]) best = static_cast<int>(k);
  std::vector<bool> kept(n, false);
  for (int k = best; k >= 0; k = previous[k]) kept[k] = true;
  for (std::size_t k = 0; k < n; ++k) {
    if (kept[k]) continue;
    // Name a section it is out of order with: the latest earlier one the template puts after
    // it ("comes after"), else the first later one the template puts before it ("comes before").
    int other = -1;
    const char* key = "after";
    for (std::size_t j = 0; j < k; ++j)
      if (found[j].spec > found[k].spec) other = static_cast<int>(j);
    for (std::size_t j = k + 1; j < n && other < 0; ++j)
      if (found[j].spec < found[k].spec) other = static_cast<int>(j), key = "before";
    if (other < 0) continue;
    const Section& s = ctx.report.sections[found[k].section];
    ctx.emit(kOrder,
             ctx.message(kOrder, key,
                         {{"heading", heading_text(ctx, s)},
                          {"number", ctx.choice.pack->sections[found[k].spec].number},
                          {"other", heading_text(ctx, ctx.report.sections[found[other].section])}}),
             heading_span(s));
  }
}

}  // namespace

void check_structure(const CheckContext& ctx) {
  const Pack& pack = *ctx.choice.pack;
  const std::vector<SectionMatch>& matches = ctx.report.section_matches;
  if (pack.enables(kMissing)) report_missing(ctx, matches);
  if (pack.enables(kEmpty)) report_empty(ctx, matches);
  if (pack.enables(kOrder) && pack.ordered) report_order(ctx, matches);
}

}  // namespace nblint
