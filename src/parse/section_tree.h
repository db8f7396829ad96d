// Builds the section tree and the paragraphs of a report from its folded lines.
#pragma once
#include "model/report.h"

namespace nblint {

// Fills report.sections, report.paragraphs, report.chrome, report.comments and
// report.line_count from report.folded. `outline_levels`, when given, holds a heading level
// per line from the document's own styles (DOCX 标题 1 → 1; 0 = body text).
void build_section_tree(Report& report, const std::vector<int>* outline_levels = nullptr);

}  // namespace nblint
