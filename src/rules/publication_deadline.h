// When a report was published and by when it had to be: the publication date the parser read
// and the deadline the pack's `dates:` block sets for the organ's level in the year after the
// report year. Shared by date/publish-deadline and by the overview of `nblint report`.
#pragma once
#include <optional>

#include "model/report.h"
#include "rules/pack.h"

namespace nblint {

struct CalendarDate {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const CalendarDate&) const = default;
};

struct PublicationTiming {
  // The publication date, when one is stated (possibly malformed or without a day).
  std::optional<DateValue> stated;
  // The stated date as a calendar day: well formed, possible and with a day.
  std::optional<CalendarDate> published;
  // The deadline for the organ's level; for an unknown level the pack's latest deadline
  // (`lenient`). Null when the pack sets no deadline.
  const DeadlineSpec* deadline = nullptr;
  bool lenient = false;
  CalendarDate deadline_date;  // the deadline in the year after the report year; valid with `deadline`

  // Days from the deadline to the publication (positive: late; zero or less: in time), when
  // both are known.
  std::optional<int> days_late() const;
};

// The report's publication date and its deadline by `pack` and the organ level its title names,
// for report year `year`.
PublicationTiming publication_timing(const Report& report, const Pack& pack, int year);

}  // namespace nblint
