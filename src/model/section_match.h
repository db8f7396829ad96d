// Where a report covers one section its rule pack mandates (see rules/section_matcher.h).
#pragma once

namespace nblint {

struct SectionMatch {
  int section = -1;          // index into Report::sections of the matching heading, -1 if none
  int paragraph = -1;        // for match: anywhere, a body statement that covers the item
  bool covered() const { return section >= 0 || paragraph >= 0; }
};

}  // namespace nblint
