// Check kinds over the report's dates: date/period-missing, date/period-mismatch,
// date/partial-period, date/year-mismatch, date/publish-deadline, date/invalid. The deadlines by
// organ level and the metadata fields that hold dates come from the pack's `dates:` block.
#pragma once
#include <optional>

#include "model/report.h"
#include "rules/calendar.h"
#include "rules/check_context.h"

namespace nblint {

void check_dates(const CheckContext& ctx);

// The stated period as calendar bounds, when it can be read as one: both ends well formed and
// possible; a year-only statement (统计期限为2019年度) is that whole year; a month without a
// day runs from its first to its last day. nullopt when it cannot be judged.
struct PeriodBounds {
  int from_year = 0, from_month = 0, from_day = 0;
  int to_year = 0, to_month = 0, to_day = 0;
  bool whole_year() const {
    return from_year == to_year && from_month == 1 && from_day == 1 && to_month == 12 && to_day == 31;
  }
};
std::optional<PeriodBounds> period_bounds(const PeriodFact& period);

}  // namespace nblint
