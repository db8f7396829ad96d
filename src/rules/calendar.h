// Calendar facts the date rules and the pack loader rely on (proleptic Gregorian, std::chrono).
#pragma once
#include "model/report.h"

namespace nblint {

int days_in_month(int year, int month);        // 0 for a month outside 1–12
bool is_possible_date(const DateValue& date);  // not malformed; month 1–12 (or absent); day within the month
// Days from the first date to the second (positive when the second is later).
int days_between(int y1, int m1, int d1, int y2, int m2, int d2);

}  // namespace nblint
