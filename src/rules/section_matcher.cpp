#include "rules/section_matcher.h"

namespace nblint {

namespace {

bool any_found(const std::vector<Pattern>& patterns, std::u32string_view text) {
  for (const Pattern& p : patterns)
    if (p.found_in(text)) return true;
  return false;
}

}  // namespace

std::vector<SectionMatch> match_sections(const Report& report, const Pack& pack) {
  std::vector<SectionMatch> matches(pack.sections.size());
  std::vector<bool> taken(report.sections.size(), false);
  // Pass 0 looks at top-level headings only, pass 1 at every heading.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < pack.sections.size(); ++i) {
      if (matches[i].section >= 0) continue;
      for (std::size_t s = 0; s < report.sections.size(); ++s) {
        const Section& section = report.sections[s];
        if (taken[s] || (pass == 0 && section.parent >= 0)) continue;
        if (any_found(pack.sections[i].headings, section.heading.key)) {
          matches[i].section = static_cast<int>(s);
          taken[s] = true;
          break;
        }
      }
    }
  }
  if (pack.match_anywhere) {
    for (std::size_t i = 0; i < pack.sections.size(); ++i) {
      if (matches[i].covered() || pack.sections[i].mentions.empty()) continue;
      for (std::size_t p = 0; p < report.paragraphs.size(); ++p)
        if (any_found(pack.sections[i].mentions, report.paragraph_text(report.paragraphs[p]))) {
          matches[i].paragraph = static_cast<int>(p);
          break;
        }
    }
  }
  return matches;
}

}  // namespace nblint
