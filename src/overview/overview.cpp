#include "overview/overview.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "output/location.h"
#include "rules/cross_report.h"
#include "util/file_uri.h"
#include "util/utf8.h"

namespace nblint::overview {

namespace {

std::string absolute_uri(const std::string& path) {
  if (path == "-") return {};
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  if (ec) return {};
  return file_uri(absolute.lexically_normal().string());
}

ReportRow make_row(const FileResult& r, std::size_t index, Lang lang) {
  ReportRow row;
  row.path = r.error ? (r.path == "-" ? "<stdin>" : r.path) : r.source().display_path;
  row.uri = absolute_uri(r.path);
  row.anchor = "report-" + std::to_string(index + 1);
  if (r.error) {
    row.status = Status::Unreadable;
    row.error_message = r.error_message;
    return row;
  }
  row.organ = r.record.organ;
  row.year = r.record.year;
  row.pack = r.pack;
  if (const auto& timing = r.record.publication) {
    row.published = timing->published;
    if (timing->deadline) row.deadline = timing->deadline_date;
    row.lenient_deadline = timing->lenient;
    row.days_late = timing->days_late();
  }
  row.findings.reserve(r.diagnostics.size());
  for (const Diagnostic& d : r.diagnostics) {
    const LineColumn at = r.source().locate(d.span.begin);
    row.findings.push_back({d.rule, d.severity, d.message, at.line, at.column,
                            describe_location(r.document, d.span.begin, lang)});
    row.errors += d.severity == Severity::Error;
    row.warnings += d.severity == Severity::Warning;
    row.infos += d.severity == Severity::Info;
  }
  row.status = row.errors ? Status::Errors : row.warnings ? Status::Warnings : Status::Passed;
  return row;
}

std::string written(const BoundCell& cell) { return cell.state == CellState::Missing ? std::string() : utf8::encode(cell.text); }

std::vector<CarryOver> carry_over_pairs(const std::vector<FileResult>& results) {
  std::vector<OrganYear> reports;
  reports.reserve(results.size());
  for (const FileResult& r : results) reports.push_back(r.error ? OrganYear{} : OrganYear{r.record.organ, r.record.year});
  const auto previous = previous_year_reports(reports);
  std::vector<CarryOver> pairs;
  for (std::size_t j = 0; j < results.size(); ++j) {
    const ReportRecord& after = results[j].record;
    for (const std::size_t i : previous[j]) {
      const ReportRecord& before = results[i].record;
      CarryOver pair{before.organ, before.year, i, j, {}};
      for (const CarriedColumn& c : carried_columns(before, after)) {
        const bool comparable = c.from->state == CellState::Number && c.into->state == CellState::Number;
        pair.columns.push_back({c.column->label, written(*c.from), written(*c.into),
                                !comparable || c.from->value.milli() == c.into->value.milli()});
      }
      pairs.push_back(std::move(pair));
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const CarryOver& a, const CarryOver& b) {
    return std::tie(a.organ, a.year, a.before, a.after) < std::tie(b.organ, b.year, b.before, b.after);
  });
  return pairs;
}

}  // namespace

std::size_t CarryOver::differing() const {
  return static_cast<std::size_t>(std::count_if(columns.begin(), columns.end(), [](const CarryOverColumn& c) { return !c.agree; }));
}

Overview build_overview(const std::vector<FileResult>& results, Lang lang) {
  Overview o;
  o.reports.reserve(results.size());
  std::map<std::string, RuleCount> rules;
  for (std::size_t i = 0; i < results.size(); ++i) {
    ReportRow row = make_row(results[i], i, lang);
    o.errors += row.errors;
    o.warnings += row.warnings;
    o.infos += row.infos;
    o.failing += row.status == Status::Errors;
    o.late += row.late();
    o.unreadable += row.status == Status::Unreadable;
    std::set<std::string_view> fired;
    for (const Finding& f : row.findings) {
      RuleCount& count = rules[f.rule];
      count.rule = f.rule;
      if (fired.insert(f.rule).second) ++count.reports;  // a rule counts once per report
      count.errors += f.severity == Severity::Error;
      count.warnings += f.severity == Severity::Warning;
      count.infos += f.severity == Severity::Info;
    }
    o.reports.push_back(std::move(row));
  }
  for (auto& [id, count] : rules) o.rules.push_back(count);
  std::stable_sort(o.rules.begin(), o.rules.end(),
                   [](const RuleCount& a, const RuleCount& b) { return a.total() > b.total(); });

  for (std::size_t i = 0; i < o.reports.size(); ++i)
    if (o.reports[i].errors || o.reports[i].warnings) o.worst.push_back(i);
  std::stable_sort(o.worst.begin(), o.worst.end(), [&](std::size_t a, std::size_t b) {
    const ReportRow &x = o.reports[a], &y = o.reports[b];
    return std::tie(x.errors, x.warnings) > std::tie(y.errors, y.warnings);
  });
  if (o.worst.size() > kWorstShown) o.worst.resize(kWorstShown);
  o.carry_over = carry_over_pairs(results);
  return o;
}

}  // namespace nblint::overview
