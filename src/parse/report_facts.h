// Finds the report's title line, its statistical period statement and its publication date.
#pragma once
#include "model/report.h"

namespace nblint {

// Needs report.sections and report.folded (call after build_section_tree).
void find_report_facts(Report& report);

}  // namespace nblint
