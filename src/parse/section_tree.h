// Builds the section tree and the paragraphs of a report from its folded lines.
#pragma once
#include "model/report.h"

namespace nblint {

// Fills report.sections, report.paragraphs and report.line_count from report.folded.
void build_section_tree(Report& report);

}  // namespace nblint
