#include "rules/check_headings.h"

#include <algorithm>
#include <climits>
#include <cstdint>

#include "parse/chinese_numeral.h"
#include "text/normalizer.h"

namespace nblint {

namespace {

constexpr std::string_view kTitle = "structure/missing-title";
constexpr std::string_view kNumbering = "structure/heading-numbering";
constexpr std::string_view kWording = "structure/heading-wording";
constexpr std::string_view kThin = "structure/thin-section";

Span heading_span(const Section& s) { return {s.heading.marker.begin, s.heading.text.end}; }

std::string heading_text(const CheckContext& ctx, const Section& s) { return std::string(ctx.original(heading_span(s))); }

void missing_title(const CheckContext& ctx) {
  const auto& title = ctx.report.title;
  if (!title) {
    ctx.emit(kTitle, ctx.message(kTitle, "none", {}), Span{0, 0});
    return;
  }
  const bool organ = title->organ.has_value(), year = title->year.has_value();
  if (organ && year) return;
  const char* key = !organ && !year ? "no_organ_no_year" : !organ ? "no_organ" : "no_year";
  ctx.emit(kTitle, ctx.message(kTitle, key, {{"title", std::string(ctx.original(title->span))}}), title->span);
}

// Sections that carry the number of the mandated section they are (三、收到和处理… as 三): when
// such sections are missing or out of order, the numbers skip or go back because the
// structure rules' defect does, and those rules report it.
std::vector<bool> template_numbered(const CheckContext& ctx, const std::vector<SectionMatch>& matches) {
  std::vector<bool> out(ctx.report.sections.size(), false);
  const Pack& pack = *ctx.choice.pack;
  if (!pack.ordered) return out;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (matches[i].section < 0) continue;
    const std::u32string number = normalize(pack.sections[i].number).text;
    const auto value = numbering_value(number);
    if (value && ctx.report.sections[matches[i].section].heading.ordinal == *value) out[matches[i].section] = true;
  }
  return out;
}

// Where the report's own numbering ends: the first heading or line the pack's
// heading_numbering.ends_at matches (an appended statistics table numbers its rows 一、二、…).
// Headings after it are not checked; a matching heading itself still is.
std::uint32_t numbering_end(const CheckContext& ctx) {
  const Report& report = ctx.report;
  const auto& ends_at = ctx.choice.pack->numbering_ends_at;
  std::uint32_t end = UINT32_MAX;
  if (ends_at.empty()) return end;
  AnyPatternScanner ends(ends_at);  // asked of every heading and paragraph
  for (const Section& s : report.sections)
    if (ends.found_in(s.heading.key)) {
      end = s.heading.text.end;
      break;
    }
  // The paragraphs that begin before `end`: those before its folded position (origin never
  // decreases), so that origin, cold by now, is read only for the paragraph returned.
  const std::size_t folded_end = end == UINT32_MAX ? SIZE_MAX : report.folded.folded_range({end, end}).first;
  for (const Paragraph& p : report.paragraphs) {
    if (p.folded_begin >= folded_end) break;
    std::u32string_view text = report.paragraph_text(p);
    while (!text.empty() && (text.back() == U' ' || text.back() == U'\u3000')) text.remove_suffix(1);
    while (!text.empty() && (text.front() == U' ' || text.front() == U'\u3000')) text.remove_prefix(1);
    if (ends.found_in(text)) return report.folded.source_span(p.folded_begin, p.folded_end).begin;
  }
  return end;
}

// The top-level numbered headings: one style, counting up by one from 一.
void heading_numbering(const CheckContext& ctx, const std::vector<SectionMatch>& matches) {
  const Report& report = ctx.report;
  const std::vector<bool> as_template = template_numbered(ctx, matches);
  const std::uint32_t end = numbering_end(ctx);
  std::vector<const Section*> top;
  for (const Section& s : report.sections)
    if (s.parent < 0 && s.heading.style != NumberingStyle::MarkdownOnly && s.heading.ordinal > 0 &&
        s.heading.marker.begin < end)
      top.push_back(&s);
  // Only the outermost rank: a （一） in the opening lines, before any 一、, is top-level in the
  // tree but not one of the report's parts.
  int outer = INT_MAX;
  for (const Section* s : top) outer = std::min(outer, s->heading.rank);
  std::erase_if(top, [&](const Section* s) { return s->heading.rank != outer; });
  if (top.empty()) return;
  const Section& first = *top.front();
  const auto emit = [&](const Section& s, const char* key, const Section& other) {
    ctx.emit(kNumbering,
             ctx.message(kNumbering, key,
                         {{"heading", heading_text(ctx, s)}, {"previous", heading_text(ctx, other)},
                          {"marker", std::string(ctx.original(s.heading.marker))},
                          {"first", std::string(ctx.original(first.heading.marker))}}),
             s.heading.marker);
  };
  if (first.heading.ordinal != 1) emit(first, "first", first);
  const Section* previous = &first;
  int expected = first.heading.ordinal + 1;  // after a repeat (三、三), the next is 五, not 四
  for (std::size_t i = 1; i < top.size(); ++i) {
    const Section& s = *top[i];
    // Numbering that starts again at one is another list's (a statistics table's rows
    // 一、本年新收… read as headings): the report's own headings ended before it.
    if (s.heading.ordinal == 1) break;
    if (s.heading.style != first.heading.style) {
      emit(s, "mixed", first);
      continue;  // its number belongs to another sequence
    }
    const int p = previous->heading.ordinal, c = s.heading.ordinal;
    // Both carry their template numbers: a gap or a step back is a missing or moved section.
    const bool structural =
        c != p && as_template[previous - report.sections.data()] && as_template[&s - report.sections.data()];
    if (c == p) emit(s, "repeat", *previous);
    else if (c < p && !structural) emit(s, "backward", *previous);
    else if (c > expected && !structural) emit(s, "skip", *previous);
    expected = std::max(c, expected) + 1;
    previous = &s;
  }
}

std::vector<const Pattern*> addresses(const std::vector<Pattern>& patterns) {
  std::vector<const Pattern*> out;
  for (const Pattern& p : patterns) out.push_back(&p);
  return out;
}

// without(text, ignore) for the scanner's patterns (ignore's, in order): one scanner serves
// every heading, where a scanner per pattern and text cost more than the searches.
std::u32string without_matches(std::u32string_view text, PatternScanner& ignore, std::size_t count) {
  std::u32string out(text);
  bool changed = true;  // since the scanner last took `out`
  for (std::size_t i = 0; i < count; ++i) {
    if (changed) ignore.set_text(out);
    const auto found = ignore.find_all(i);
    for (auto it = found.rbegin(); it != found.rend(); ++it) out.erase(it->first, it->second - it->first);
    changed = !found.empty();
  }
  return out;
}

void heading_wording(const CheckContext& ctx, const std::vector<SectionMatch>& matches) {
  const Pack& pack = *ctx.choice.pack;
  const PatternScanner::Lease ignore = PatternScanner::lease(addresses(pack.wording_ignore));
  const std::size_t count = pack.wording_ignore.size();
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (matches[i].section < 0) continue;
    const Section& s = ctx.report.sections[matches[i].section];
    const SectionSpec& spec = pack.sections[i];
    std::u32string title = normalize(spec.title).text;
    std::erase_if(title, [](char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000'; });
    if (without_matches(s.heading.key, *ignore, count) == without_matches(title, *ignore, count)) continue;
    ctx.emit(kWording,
             ctx.message(kWording, "default",
                         {{"heading", heading_text(ctx, s)}, {"number", spec.number}, {"title", spec.title}}),
             heading_span(s));
  }
}

// The size of a section's content: its own body, and its sub-sections' headings and bodies.
struct ContentSize {
  std::uint32_t chars = 0;      // non-blank characters
  std::uint32_t sentences = 0;  // pieces ended by 。！？ (or by the paragraph); a sub-heading is one
};

void add_sentences(std::u32string_view text, ContentSize& size) {
  bool open = false;  // a sentence has started and not ended
  for (char32_t c : text) {
    if (c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?') {
      if (open) ++size.sentences;
      open = false;
    } else if (c != U' ' && c != U'\t' && c != U'\u3000') {
      open = true;
      ++size.chars;
    }
  }
  if (open) ++size.sentences;
}

ContentSize content_size(const Report& report, int section) {
  std::vector<bool> inside(report.sections.size(), false);
  inside[section] = true;
  for (std::size_t i = static_cast<std::size_t>(section) + 1; i < report.sections.size(); ++i)
    if (report.sections[i].parent >= 0 && inside[report.sections[i].parent]) inside[i] = true;
  ContentSize size;
  for (std::size_t i = static_cast<std::size_t>(section) + 1; i < report.sections.size(); ++i)
    if (inside[i]) {
      size.chars += static_cast<std::uint32_t>(report.sections[i].heading.key.size());
      ++size.sentences;
    }
  for (const Paragraph& p : report.paragraphs)
    if (p.section >= 0 && inside[p.section]) add_sentences(report.paragraph_text(p), size);
  return size;
}

// The content quoted in the message: the text after the heading, cut short.
std::string quoted_content(const CheckContext& ctx, const Section& s) {
  std::string text(ctx.original({s.heading.text.end, std::max(s.heading.text.end, s.extent.end)}));
  const auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  while (!text.empty() && blank(text.front())) text.erase(text.begin());
  while (!text.empty() && blank(text.back())) text.pop_back();
  for (char& c : text)
    if (c == '\n' || c == '\r') c = ' ';
  constexpr std::size_t kMaxBytes = 120;
  if (text.size() > kMaxBytes) {
    std::size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "…";
  }
  return text;
}

void thin_sections(const CheckContext& ctx, const std::vector<SectionMatch>& matches) {
  const Pack& pack = *ctx.choice.pack;
  for (const ThinSectionSpec& thin : pack.thin_sections) {
    for (std::size_t i = 0; i < pack.sections.size(); ++i) {
      if (pack.sections[i].key != thin.section || matches[i].section < 0) continue;
      const Section& s = ctx.report.sections[matches[i].section];
      const ContentSize size = content_size(ctx.report, matches[i].section);
      if (size.chars == 0) continue;  // empty: structure/empty-section
      if (size.sentences > static_cast<std::uint32_t>(thin.max_sentences) ||
          size.chars >= static_cast<std::uint32_t>(thin.min_chars))
        continue;
      ctx.emit(kThin,
               ctx.message(kThin, "default",
                           {{"heading", heading_text(ctx, s)}, {"content", quoted_content(ctx, s)},
                            {"chars", std::to_string(size.chars)}, {"sentences", std::to_string(size.sentences)},
                            {"title", pack.sections[i].title}}),
               heading_span(s));
    }
  }
}

}  // namespace

std::u32string without(std::u32string_view text, const std::vector<Pattern>& ignore) {
  const PatternScanner::Lease scanner = PatternScanner::lease(addresses(ignore));
  return without_matches(text, *scanner, ignore.size());
}

void check_headings(const CheckContext& ctx) {
  const Pack& pack = *ctx.choice.pack;
  if (pack.enables(kTitle)) missing_title(ctx);
  const std::vector<SectionMatch>& matches = ctx.report.section_matches;
  if (pack.enables(kNumbering)) heading_numbering(ctx, matches);
  if (pack.enables(kWording) && pack.ordered) heading_wording(ctx, matches);
  if (pack.enables(kThin)) thin_sections(ctx, matches);
}

}  // namespace nblint
