// Finds where a report covers each section its pack mandates. Shared by the structure checks.
#pragma once
#include <vector>

#include "model/report.h"
#include "rules/pack.h"

namespace nblint {

struct SectionMatch {
  int section = -1;          // index into Report::sections of the matching heading, -1 if none
  int paragraph = -1;        // for match: anywhere, a body statement that covers the item
  bool covered() const { return section >= 0 || paragraph >= 0; }
};

// One entry per pack.sections, in the pack's order. A heading covers at most one mandated
// section; top-level headings are preferred over nested ones.
std::vector<SectionMatch> match_sections(const Report& report, const Pack& pack);

}  // namespace nblint
