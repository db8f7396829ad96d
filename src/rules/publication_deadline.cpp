#include "rules/publication_deadline.h"

#include "rules/calendar.h"

namespace nblint {

std::optional<int> PublicationTiming::days_late() const {
  if (!published || !deadline) return std::nullopt;
  return days_between(deadline_date.year, deadline_date.month, deadline_date.day, published->year, published->month,
                      published->day);
}

PublicationTiming publication_timing(const Report& report, const Pack& pack, int year) {
  PublicationTiming timing;
  const OrganLevel level = report.title && report.title->organ ? report.title->organ->level : OrganLevel::Unknown;
  if (!pack.dates.deadlines.empty()) timing.deadline = pack.dates.deadline_for(level);
  timing.lenient = timing.deadline == nullptr;
  if (timing.lenient) timing.deadline = pack.dates.latest();
  if (timing.deadline) timing.deadline_date = {year + 1, timing.deadline->month, timing.deadline->day};
  if (report.published) {
    const DateValue& d = report.published->date;
    timing.stated = d;
    if (!d.malformed && is_possible_date(d) && d.day != 0) timing.published = CalendarDate{d.year, d.month, d.day};
  }
  return timing;
}

}  // namespace nblint
