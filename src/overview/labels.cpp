#include "overview/labels.h"

#include <cstdio>

#include "cli/i18n.h"

namespace nblint::overview {

std::string iso_date(const CalendarDate& d) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string status_name(Status status, Lang lang) {
  switch (status) {
    case Status::Passed: return tr(lang, "通过", "passed");
    case Status::Warnings: return tr(lang, "有警告", "warnings");
    case Status::Errors: return tr(lang, "不合格", "errors");
    case Status::Unreadable: return tr(lang, "无法读取", "unreadable");
  }
  return {};
}

std::string severity_label(Severity severity, Lang lang) {
  switch (severity) {
    case Severity::Error: return tr(lang, "错误", "error");
    case Severity::Warning: return tr(lang, "警告", "warning");
    case Severity::Info: return tr(lang, "提示", "info");
  }
  return {};
}

}  // namespace nblint::overview
