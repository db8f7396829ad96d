#include "rules/section_matcher.h"

#include <deque>

namespace nblint {

std::vector<SectionMatch> match_sections(const Report& report, const Pack& pack) {
  std::vector<SectionMatch> matches(pack.sections.size());
  std::vector<bool> taken(report.sections.size(), false);
  // One scanner per pack section, asked of every heading (and paragraph) of the report.
  std::deque<AnyPatternScanner> headings, mentions;  // not movable: a deque builds them in place
  for (const SectionSpec& spec : pack.sections) {
    headings.emplace_back(spec.headings);
    mentions.emplace_back(spec.mentions);
  }
  // Pass 0 looks at top-level headings only, pass 1 at every heading.
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < pack.sections.size(); ++i) {
      if (matches[i].section >= 0) continue;
      for (std::size_t s = 0; s < report.sections.size(); ++s) {
        const Section& section = report.sections[s];
        if (taken[s] || (pass == 0 && section.parent >= 0)) continue;
        if (headings[i].found_in(section.heading.key)) {
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
        if (mentions[i].found_in(report.paragraph_text(report.paragraphs[p]))) {
          matches[i].paragraph = static_cast<int>(p);
          break;
        }
    }
  }
  return matches;
}

}  // namespace nblint
