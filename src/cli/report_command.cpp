#include "cli/report_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/lint_run.h"
#include "cli/path_walker.h"
#include "cli/report_output.h"
#include "overview/csv_writer.h"
#include "overview/html_writer.h"
#include "overview/overview.h"
#include "util/atomic_file.h"

namespace nblint {

namespace {

// A page this command wrote before (its generator line is near the top).
bool is_overview_page(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head.find("<meta name=\"generator\" content=\"nblint report") != std::string::npos;
}

// The paths to lint: the arguments, unless the output file is one of the files they name. An
// earlier overview there is left out (and replaced); any other input is never overwritten.
bool paths_to_lint(const ReportOptions& options, std::vector<std::string>& out) {
  out = options.paths;
  if (options.output.empty()) return true;
  std::error_code ec;
  if (!std::filesystem::exists(options.output, ec)) return true;
  const PathPlan plan = plan_paths(options.paths);
  std::vector<std::string> others;
  bool found = false;
  for (std::size_t i = 0; i < plan.files.size(); ++i) {
    const std::string file = plan.files[i];
    if (file != "-" && std::filesystem::equivalent(file, options.output, ec)) {
      if (!is_overview_page(file)) {
        std::cerr << "nblint: " << options.output
                  << tr(options.lang, "：输出文件是被检查的报告之一，不会覆盖它", ": the output file is one of the reports checked; it is not overwritten")
                  << '\n';
        return false;
      }
      found = true;
      continue;
    }
    others.push_back(file);
  }
  if (!found) return true;
  for (const PathProblem& p : plan.problems) others.push_back(p.path);  // said again by the run
  if (others.empty()) {
    std::cerr << "nblint: " << tr(options.lang, "没有检查任何文件", "nothing was checked") << '\n';
    return false;
  }
  out = std::move(others);
  return true;
}

}  // namespace

int run_report(const ReportOptions& options) {
  const Lang lang = options.lang;
  CheckOptions check;
  check.format = "json";  // not printed; only the run's settings below are used
  check.pack = options.pack;
  check.encoding = options.encoding;
  check.max_file_size = options.max_file_size;
  check.config = options.config;
  check.pack_files = options.pack_files;
  check.jobs = options.jobs;
  check.verbose = options.verbose;
  check.lang = lang;
  if (!paths_to_lint(options, check.paths)) return kExitTrouble;

  std::optional<LintRun> run = lint_paths(check);
  if (!run) return kExitTrouble;
  // The page shows every report at once, so the results are read back whole here.
  std::vector<FileResult> results;
  results.reserve(run->size());
  for (std::size_t i = 0; i < run->size(); ++i) results.push_back(run->load(i));
  const overview::Overview overview = overview::build_overview(results, lang);

  std::ostringstream page;
  if (options.format == "csv") overview::write_csv(page, overview, lang);
  else overview::write_html(page, overview, lang);
  if (options.output.empty()) {
    std::cout << page.view() << std::flush;
  } else {
    // An earlier overview in the same place is replaced: the page is nblint's own output.
    try {
      write_file_atomically(options.output, page.view(), /*replace=*/true);
    } catch (const OutputFileError& e) {
      const std::string reason = e.what();
      std::cerr << "nblint: " << options.output << tr(lang, "：无法写入", ": cannot write")
                << (reason.empty() ? "" : tr(lang, "（", " (") + reason + tr(lang, "）", ")")) << '\n';
      return kExitTrouble;
    }
    std::cerr << "nblint: " << tr(lang, "已写入 ", "written: ") << options.output << tr(lang, "（", " (")
              << overview.reports.size() << tr(lang, " 份报告）", " reports)") << '\n';
  }

  if (run->trouble) return kExitTrouble;
  for (const FileResult& r : results)
    for (const Diagnostic& d : r.diagnostics)
      if (fails(d.severity, options.fail_on)) return kExitFindings;
  return kExitClean;
}

}  // namespace nblint
