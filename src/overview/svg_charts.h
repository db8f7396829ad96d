// The overview's charts as inline SVG, drawn here so the page needs no script or library:
// findings per rule (one horizontal bar per rule, split by severity) and the publication
// timeline (reports per day of publication against the deadlines, one lane per report year).
#pragma once
#include <string>
#include <vector>

#include "overview/overview.h"
#include "util/lang.h"

namespace nblint::overview {

// One <g class="bar" data-rule="…"> per rule, in the order given; empty when there are none.
std::string rule_chart_svg(const std::vector<RuleCount>& rules, Lang lang);

// One <g class="lane" data-year="…"> per report year with a dated publication, all on one axis:
// the months from 1 January of the year after the report year, so the deadlines line up. Each
// day with publications is a <g class="day"> whose bars count the reports in time and late; each
// deadline a dashed <line class="deadline">. Empty when no report has a publication date.
std::string timeline_svg(const std::vector<ReportRow>& reports, Lang lang);

}  // namespace nblint::overview
