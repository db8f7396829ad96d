// Words and dates the overview's writers share (HTML, CSV, SVG), in the page's language.
#pragma once
#include <string>

#include "overview/overview.h"
#include "util/lang.h"

namespace nblint::overview {

std::string iso_date(const CalendarDate& date);  // 2026-01-31
std::string status_name(Status status, Lang lang);  // 不合格 / errors …
std::string severity_label(Severity severity, Lang lang);  // 错误 / error …

}  // namespace nblint::overview
