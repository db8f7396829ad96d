#include "cli/report_output.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "cli/i18n.h"

namespace nblint {

bool fails(Severity s, FailOn threshold) {
  switch (threshold) {
    case FailOn::Error: return s >= Severity::Error;
    case FailOn::Warning: return s >= Severity::Warning;
    case FailOn::Info: return true;
    case FailOn::Never: return false;
  }
  return true;
}

namespace {

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");  // https://no-color.org: any non-empty value
  const char* term = std::getenv("TERM");
  return ::isatty(STDOUT_FILENO) && !(no_color && *no_color) && !(term && std::string_view(term) == "dumb");
}

// The nearest directory at or above the working directory holding .git (SARIF paths are
// relative to the repository root, as code scanning expects); else the working directory.
std::string repository_root() {
  std::error_code ec;
  const std::filesystem::path cwd = std::filesystem::current_path(ec);
  for (std::filesystem::path p = cwd; !p.empty(); p = p.parent_path()) {
    if (std::filesystem::exists(p / ".git", ec)) return p.string();
    if (p == p.root_path()) break;
  }
  return cwd.string();
}

}  // namespace

bool output_options(const CheckOptions& check, OutputOptions& out) {
  out.lang = check.lang;
  const auto unit = parse_column_unit(check.column_unit);
  if (!unit) return false;  // CLI11 checks the names; kept for callers that build options by hand
  out.unit = *unit;
  if (check.format == "sarif" && (out.unit == ColumnUnit::Byte || out.unit == ColumnUnit::Display)) {
    std::cerr << "nblint: "
              << tr(check.lang, "SARIF 只支持 --column-unit codepoint 或 utf16（columnKind 只有这两种）",
                    "SARIF takes --column-unit codepoint or utf16 only (its columnKind has no other)")
              << '\n';
    return false;
  }
  out.color = check.format == "text" && use_color(check.color);
  out.excerpt = !check.no_excerpt;
  out.root = repository_root();
  out.doc_base = check.doc_url;
  return true;
}

bool settle_findings(FileResult& result, const CheckOptions& check, RunCounts& counts) {
  std::size_t dropped = 0;
  if (check.quiet)
    dropped = std::erase_if(result.diagnostics, [](const Diagnostic& d) { return d.severity != Severity::Error; });
  for (const Diagnostic& d : result.diagnostics) {
    counts.errors += d.severity == Severity::Error;
    counts.warnings += d.severity == Severity::Warning;
    counts.failed = counts.failed || fails(d.severity, check.fail_on);
  }
  return dropped > 0;
}

void finish_counts(RunCounts& counts, const CheckOptions& check) {
  if (check.max_warnings >= 0 && counts.warnings > static_cast<std::size_t>(check.max_warnings)) counts.failed = true;
}

void print_results(const ResultSequence& results, const CheckOptions& check, const OutputOptions& out,
                   const RunCounts& counts, double seconds, std::optional<std::size_t> baseline_matched) {
  const std::string& format = check.format;
  if (format == "text" || format == "gcc" || format == "github") {
    results.for_each([&](const FileResult& r) {
      if (r.error) return;
      if (format == "text") print_text(std::cout, r, out);
      else if (format == "gcc") print_gcc(std::cout, r, out);
      else print_github(std::cout, r, out);
    });
  } else if (format == "json") {
    print_json(std::cout, results, out, baseline_matched);
  } else if (format == "sarif") {
    print_sarif(std::cout, results, out);
  } else if (format == "rdjson") {
    print_rdjson(std::cout, results, out);
  }

  std::cout.flush();  // the findings before the summary, when both go to one terminal
  if (format == "text") {
    const Lang lang = check.lang;
    std::cerr << tr(lang, "已检查 ", "checked ") << results.size() << tr(lang, " 个文件：", " file(s): ") << counts.errors
              << tr(lang, " 个错误，", " error(s), ") << counts.warnings << tr(lang, " 个警告", " warning(s)")
              << tr(lang, "，用时 ", " in ") << std::fixed << std::setprecision(2) << seconds << tr(lang, " 秒", " s");
    if (baseline_matched)
      std::cerr << tr(lang, "；另有 ", "; ") << *baseline_matched
                << tr(lang, " 个问题已在基线中，未显示", " finding(s) matched the baseline, not shown");
    if (check.max_warnings >= 0 && counts.warnings > static_cast<std::size_t>(check.max_warnings))
      std::cerr << tr(lang, "（警告超过 --max-warnings ", " (more warnings than --max-warnings ") << check.max_warnings
                << tr(lang, "）", ")");
    std::cerr << '\n';
  }
}

Progress::Progress(std::size_t total, Lang lang)
    : total_(total), lang_(lang), shown_(total > 1 && ::isatty(STDERR_FILENO)) {}

void Progress::clear() {
  if (visible_) std::cerr << "\r\033[K" << std::flush;
  visible_ = false;
}

void Progress::finish() {
  clear();
  shown_ = false;
}

void Progress::step(std::size_t done) {
  if (!shown_) return;
  std::cerr << '\r' << tr(lang_, "检查中 ", "checking ") << done << '/' << total_ << " …" << std::flush;
  visible_ = true;
}

}  // namespace nblint
