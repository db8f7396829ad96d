#include "overview/svg_charts.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "cli/i18n.h"
#include "overview/html_escape.h"
#include "overview/labels.h"
#include "rules/calendar.h"

namespace nblint::overview {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  return s;
}

constexpr int kChartWidth = 760;

}  // namespace

std::string rule_chart_svg(const std::vector<RuleCount>& rules, Lang lang) {
  if (rules.empty()) return {};
  constexpr int kRow = 22, kLabel = 250, kBar = 420, kTop = 8;
  std::size_t most = 1;
  for (const RuleCount& r : rules) most = std::max(most, r.total());
  const int height = kTop * 2 + kRow * static_cast<int>(rules.size());
  std::string svg = "<svg class=\"chart rules\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" +
                    std::to_string(kChartWidth) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
                    std::to_string(kChartWidth) + ' ' + std::to_string(height) + "\"><title>" +
                    tr(lang, "各规则的问题数", "Findings per rule") + "</title>";
  int y = kTop;
  for (const RuleCount& r : rules) {
    const std::string id = html_escape(r.rule);
    svg += "<g class=\"bar\" data-rule=\"" + id + "\"><title>" + id + ": " + std::to_string(r.total()) +
           tr(lang, "（错误 ", " (errors ") + std::to_string(r.errors) + tr(lang, "，警告 ", ", warnings ") +
           std::to_string(r.warnings) + tr(lang, "，提示 ", ", infos ") + std::to_string(r.infos) +
           tr(lang, "；涉及 ", "; in ") + std::to_string(r.reports) + tr(lang, " 份报告）", " reports)") + "</title>";
    svg += "<text x=\"" + std::to_string(kLabel - 6) + "\" y=\"" + std::to_string(y + 15) + "\" text-anchor=\"end\">" + id + "</text>";
    double x = kLabel;
    const auto segment = [&](std::size_t count, const char* cls) {
      if (!count) return;
      const double w = std::max(1.0, static_cast<double>(kBar) * static_cast<double>(count) / static_cast<double>(most));
      svg += "<rect class=\"" + std::string(cls) + "\" x=\"" + num(x) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" +
             num(w) + "\" height=\"" + std::to_string(kRow - 8) + "\"/>";
      x += w;
    };
    segment(r.errors, "error");
    segment(r.warnings, "warning");
    segment(r.infos, "info");
    svg += "<text x=\"" + num(x + 6) + "\" y=\"" + std::to_string(y + 15) + "\">" + std::to_string(r.total()) + "</text></g>";
    y += kRow;
  }
  return svg + "</svg>";
}

std::string timeline_svg(const std::vector<ReportRow>& reports, Lang lang) {
  // Every lane shares one axis: days from 1 January of the year after the report year, when
  // reports are due, so the deadlines line up across the years.
  struct Day {
    std::size_t in_time = 0, late = 0;
    CalendarDate date;  // one of the days (the tooltip's)
  };
  struct Lane {
    std::map<int, Day> days;                  // by offset
    std::map<int, CalendarDate> deadlines;    // by offset
  };
  const auto offset = [](int report_year, const CalendarDate& d) {
    return days_between(report_year + 1, 1, 1, d.year, d.month, d.day);
  };
  std::map<int, Lane> lanes;  // by report year
  int first = 0, last = 100;  // at least January to early April of the year after
  for (const ReportRow& r : reports) {
    if (!r.published || r.year == 0) continue;
    Lane& lane = lanes[r.year];
    const int at = offset(r.year, *r.published);
    Day& day = lane.days[at];
    (r.late() ? day.late : day.in_time) += 1;
    day.date = *r.published;
    first = std::min(first, at);
    last = std::max(last, at);
    if (r.deadline) {
      const int due = offset(r.year, *r.deadline);
      lane.deadlines[due] = *r.deadline;
      last = std::max(last, due);
    }
  }
  if (lanes.empty()) return {};
  // Whole months of a reference calendar (2001 the report year, 2002 the next), padded.
  constexpr int kRef = 2001;
  CalendarDate start{kRef + 1, 1, 1};
  while (offset(kRef, start) > first) start = start.month == 1 ? CalendarDate{start.year - 1, 12, 1} : CalendarDate{start.year, start.month - 1, 1};
  const int from = offset(kRef, start);
  const int to = last + 10;
  constexpr int kLeft = 80, kRight = 20, kLane = 64, kBarsHigh = 44, kTop = 10, kAxis = 30;
  const double per_day = static_cast<double>(kChartWidth - kLeft - kRight) / (to - from + 1);
  const auto x_of = [&](int day) { return kLeft + per_day * (day - from); };
  std::size_t busiest = 1;
  for (const auto& [year, lane] : lanes)
    for (const auto& [at, day] : lane.days) busiest = std::max(busiest, day.in_time + day.late);
  const double unit = std::min(8.0, static_cast<double>(kBarsHigh) / static_cast<double>(busiest));
  const double bar_width = std::max(1.5, std::min(6.0, per_day * 0.8));

  const int height = kTop + kLane * static_cast<int>(lanes.size()) + kAxis;
  std::string svg = "<svg class=\"chart timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" +
                    std::to_string(kChartWidth) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
                    std::to_string(kChartWidth) + ' ' + std::to_string(height) + "\"><title>" +
                    tr(lang, "发布日期与发布期限", "Publication dates against the deadlines") + "</title>";
  // Month lines first, beneath the bars; a label where there is room for one.
  const int axis_y = kTop + kLane * static_cast<int>(lanes.size()) + 4;
  double last_label = -1e9;
  for (CalendarDate m = start; offset(kRef, m) <= to;
       m = m.month == 12 ? CalendarDate{m.year + 1, 1, 1} : CalendarDate{m.year, m.month + 1, 1}) {
    const double x = x_of(offset(kRef, m));
    svg += "<line class=\"tick\" x1=\"" + num(x) + "\" y1=\"" + std::to_string(kTop) + "\" x2=\"" + num(x) + "\" y2=\"" +
           std::to_string(axis_y) + "\"/>";
    if (x - last_label < 40) continue;
    last_label = x;
    std::string label = std::to_string(m.month) + tr(lang, "月", "");
    if (lang == Lang::En) {
      static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
      label = kMonths[m.month - 1];
    }
    if (m.year == kRef + 1 && m.month == 1) label = tr(lang, "次年1月", "Jan, year+1");
    svg += "<text class=\"tick-label\" x=\"" + num(x + 2) + "\" y=\"" + std::to_string(axis_y + 14) + "\">" + label + "</text>";
  }
  int lane_top = kTop;
  for (const auto& [year, lane] : lanes) {
    const int base = lane_top + kLane - 10;
    svg += "<g class=\"lane\" data-year=\"" + std::to_string(year) + "\"><text class=\"lane-label\" x=\"4\" y=\"" +
           std::to_string(base - 4) + "\">" + std::to_string(year) + tr(lang, " 年度", "") + "</text>";
    svg += "<line class=\"axis\" x1=\"" + std::to_string(kLeft) + "\" y1=\"" + std::to_string(base) + "\" x2=\"" +
           std::to_string(kChartWidth - kRight) + "\" y2=\"" + std::to_string(base) + "\"/>";
    for (const auto& [due, date] : lane.deadlines) {
      const std::string x = num(x_of(due) + per_day);  // the end of the deadline day
      svg += "<line class=\"deadline\" x1=\"" + x + "\" y1=\"" + std::to_string(lane_top + 2) + "\" x2=\"" + x +
             "\" y2=\"" + std::to_string(base) + "\"><title>" + tr(lang, "发布期限 ", "deadline ") + iso_date(date) +
             "</title></line>";
    }
    for (const auto& [at, day] : lane.days) {
      const double x = x_of(at) + (per_day - bar_width) / 2;
      svg += "<g class=\"day\"><title>" + iso_date(day.date) + tr(lang, "：", ": ") + std::to_string(day.in_time + day.late) +
             tr(lang, " 份", " report(s)");
      if (day.late) svg += tr(lang, "，其中逾期 ", ", late: ") + std::to_string(day.late);
      svg += "</title>";
      double top = base;
      const auto bar = [&](std::size_t count, const char* cls) {
        if (!count) return;
        const double h = std::max(2.0, unit * static_cast<double>(count));
        top -= h;
        svg += "<rect class=\"" + std::string(cls) + "\" x=\"" + num(x) + "\" y=\"" + num(top) + "\" width=\"" +
               num(bar_width) + "\" height=\"" + num(h) + "\"/>";
      };
      bar(day.in_time, "in-time");
      bar(day.late, "late");
      svg += "</g>";
    }
    svg += "</g>";
    lane_top += kLane;
  }
  return svg + "</svg>";
}

}  // namespace nblint::overview
