// Finds where a report covers each section its pack mandates. Shared by the structure checks.
#pragma once
#include <vector>

#include "model/report.h"
#include "model/section_match.h"
#include "rules/pack.h"

namespace nblint {

// One entry per pack.sections, in the pack's order. A heading covers at most one mandated
// section; top-level headings are preferred over nested ones.
std::vector<SectionMatch> match_sections(const Report& report, const Pack& pack);

}  // namespace nblint
