// Finds the report's title line, its statistical period statement and its publication date.
#pragma once
#include "model/report.h"

namespace nblint {

// The title, opening year, year mentions and statistical period. Needs report.sections and
// report.folded (call after build_section_tree).
void find_report_facts(Report& report);

// The publication date: the first dated 发布日期/公开日期/发布时间/生成日期/成文日期/印发日期
// field of report.metadata (call after find_metadata).
void find_publication_date(Report& report);

}  // namespace nblint
