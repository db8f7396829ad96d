// Finds the report's title line, its statistical period statement and its publication date.
#pragma once
#include "model/report.h"

namespace nblint {

// The title, opening year, year mentions and statistical period. Needs report.sections and
// report.folded (call after build_section_tree).
// Title: the report's own title line above the body; a 标题: field only until such a line
// comes. When the title names no organ, the issuer alone on the line above it is the organ.
// Period: its dates keep malformed ones (DateValue::malformed) for the rules to report.
void find_report_facts(Report& report);

// The publication date: the first dated 发布日期/公开日期/发布时间/生成日期/成文日期/印发日期/
// 发文日期 field of report.metadata (call after find_metadata); failing that, a date alone on
// its line at the top of the page, above any prose (2015年3月13日 under the title), whose
// PublicationFact::label is then the date's own span.
void find_publication_date(Report& report);

}  // namespace nblint
