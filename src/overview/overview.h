// The overview of a whole run for `nblint report`: one row per report (organ, year, pack,
// counts, publication against the deadline), the findings per rule, the reports that fail most
// and the carry-over between consecutive years of one organ. Plain data, built from the run's
// results; the HTML and CSV writers only print it.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cli/lint_file.h"
#include "rules/publication_deadline.h"
#include "rules/severity.h"
#include "util/lang.h"

namespace nblint::overview {

struct Finding {
  std::string rule;
  Severity severity = Severity::Error;
  std::string message;
  std::uint32_t line = 0, column = 0;  // 1-based; column in code points
  std::string where;                   // DOCX/PDF: "第12段", "table 2, row 5" …; else empty
};

enum class Status { Passed, Warnings, Errors, Unreadable };

struct ReportRow {
  std::string path;     // as the run named it (display path)
  std::string uri;      // file: URI of the absolute path; empty for standard input
  std::string anchor;   // in-page id of the report's findings, "report-12"
  std::string organ;    // empty: not recognised
  int year = 0;         // 0: unknown
  std::string pack;     // empty: none applied
  std::size_t errors = 0, warnings = 0, infos = 0;
  std::optional<CalendarDate> published;
  std::optional<CalendarDate> deadline;
  bool lenient_deadline = false;  // organ level unknown: the pack's latest deadline
  std::optional<int> days_late;   // positive: late; zero or less: in time
  Status status = Status::Passed;
  std::string error_message;      // why it could not be read (Unreadable)
  std::vector<Finding> findings;  // in source order

  bool late() const { return days_late && *days_late > 0; }
};

struct RuleCount {
  std::string rule;
  std::size_t errors = 0, warnings = 0, infos = 0;
  std::size_t reports = 0;  // how many reports it fired in
  std::size_t total() const { return errors + warnings + infos; }
};

struct CarryOverColumn {
  std::string label;        // the column, "自然人"
  std::string carried_out;  // year N's 结转下年度继续办理, as written; empty when blank
  std::string carried_in;   // year N+1's 上年结转
  bool agree = true;        // both numbers and equal, or not comparable (blank, unreadable)
};

// Year N and year N+1 of one organ.
struct CarryOver {
  std::string organ;
  int year = 0;  // N
  std::size_t before = 0, after = 0;  // indices into Overview::reports
  std::vector<CarryOverColumn> columns;
  std::size_t differing() const;
};

struct Overview {
  std::vector<ReportRow> reports;      // in run order
  std::vector<RuleCount> rules;        // most findings first, then by id
  std::vector<std::size_t> worst;      // reports with errors or warnings, most errors first (at most 10)
  std::vector<CarryOver> carry_over;   // by organ, then year
  std::size_t errors = 0, warnings = 0, infos = 0;
  std::size_t failing = 0, late = 0, unreadable = 0;
};

inline constexpr std::size_t kWorstShown = 10;

Overview build_overview(const std::vector<FileResult>& results, Lang lang);

}  // namespace nblint::overview
