#include "rules/calendar.h"

#include <chrono>

namespace nblint {

int days_in_month(int year, int month) {
  if (month < 1 || month > 12) return 0;
  namespace chr = std::chrono;
  const chr::year_month_day_last last{chr::year(year) / chr::month(static_cast<unsigned>(month)) / chr::last};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

bool is_possible_date(const DateValue& d) {
  if (d.malformed) return false;
  if (d.month == 0) return d.day == 0;
  if (d.month > 12) return false;
  return d.day == 0 || d.day <= days_in_month(d.year, d.month);
}

int days_between(int y1, int m1, int d1, int y2, int m2, int d2) {
  namespace chr = std::chrono;
  const chr::sys_days a{chr::year(y1) / m1 / d1}, b{chr::year(y2) / m2 / d2};
  return static_cast<int>((b - a).count());
}

}  // namespace nblint
