// Binds the report's table cells to the row and column keys that the pack's table definitions
// declare. Runs after the pack is chosen; reads the parsed Report, never the rules.
#pragma once
#include <vector>

#include "model/report.h"
#include "rules/pack.h"

namespace nblint {

// One BoundTable per pack.tables entry, in the pack's order (found == false when absent).
// `matches`: match_sections(report, pack), computed once per report (bind/analysis.cpp).
std::vector<BoundTable> bind_tables(const Report& report, const Pack& pack, const std::vector<SectionMatch>& matches);

}  // namespace nblint
