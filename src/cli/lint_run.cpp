#include "cli/lint_run.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>
#include <utility>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli/i18n.h"
#include "cli/path_walker.h"
#include "cli/result_codec.h"
#include "cli/report_output.h"
#include "config/baseline.h"
#include "rules/cross_report.h"
#include "util/ordered_parallel.h"

namespace nblint {

namespace {

std::optional<std::filesystem::path> optional_path(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return std::filesystem::path(s);
}

}  // namespace

void report_unknown_pack(const std::string& name, const std::vector<std::string>& known, Lang lang) {
  std::cerr << "nblint: " << tr(lang, "未知的规则包“", "unknown rule pack '") << name
            << tr(lang, "”，可选：", "'; known packs:");
  for (const std::string& id : known) std::cerr << ' ' << id;
  std::cerr << '\n';
}

SetupResolver make_setups(const std::string& config, const std::vector<std::string>& pack_files,
                          const std::string& pack) {
  return SetupResolver(optional_path(config), {pack_files.begin(), pack_files.end()}, pack);
}

bool setup_all(SetupResolver& setups, const std::vector<std::string>& files, SetupTable& out, Lang lang) {
  try {
    for (const std::string& path : files) out.add(setups.setup_for(path));
  } catch (const UnknownPackError& e) {
    report_unknown_pack(e.name, e.known, lang);
    return false;
  }
  return true;
}

namespace {

// Keeps of a linted file only what output can still ask for, so that a run holds no file's text:
// the lines where each finding begins and ends, the line its baseline fingerprint reads, and
// the same for the places the cross-report checks (added later) can point at.
void keep_what_output_needs(FileResult& r) {
  if (r.error) return;
  const SourceText& source = r.source();
  std::vector<std::uint32_t> lines;
  const auto keep = [&](Span s) {
    const std::uint32_t fingerprinted = fingerprinted_line(source, s.begin);
    for (std::uint32_t line = source.locate(s.begin).line; line <= fingerprinted; ++line) lines.push_back(line);
    lines.push_back(source.locate(s.end).line);
  };
  for (const Diagnostic& d : r.diagnostics) keep(d.span);
  for (const SectionProse& s : r.record.sections) keep(s.heading_span);
  for (const auto* row : {&r.record.carried_from, &r.record.carried_into}) {
    if (!*row) continue;
    keep((*row)->label);
    for (const BoundCell& cell : (*row)->cells) keep(cell.span);
  }
  r.document.keep_only_lines(std::move(lines));
}

// Findings that need every report of the run (same organ's previous year, other organs), at
// the severities each file's configuration sets. They wait in a spool of their own as each check
// gives them, so a run with findings on every report holds none of them; then each file that got
// some is read back once, and its findings merged in source order.
void add_cross_report_findings(LintRun& run, Lang lang) {
  ResultSpool spooled;
  struct Found {
    std::uint32_t file;
    std::uint32_t slot;  // in `spooled`
  };
  std::vector<Found> found;
  check_across_reports(run.records, lang, [&](std::size_t i, std::vector<Diagnostic> findings) {
    apply_rule_severities(run.setups[i].severities, findings);
    if (findings.empty()) return;
    std::string bytes;
    encode_diagnostics(findings, bytes);
    found.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(spooled.append_encoded(bytes))});
  });
  // Each file's findings in the order the checks gave them (as before spooling: then sorted).
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.file < b.file; });
  for (std::size_t first = 0, last = 0; first < found.size(); first = last) {
    FileResult result = run.results.load(found[first].file);
    auto& diagnostics = result.diagnostics;
    for (last = first; last < found.size() && found[last].file == found[first].file; ++last)
      for (Diagnostic& d : decode_diagnostics(spooled.load_encoded(found[last].slot))) diagnostics.push_back(std::move(d));
    std::stable_sort(diagnostics.begin(), diagnostics.end(), in_source_order);
    run.results.store(found[first].file, result);
  }
}

// What a checked file leaves until the spool takes it, and the line stderr shows for it.
struct CheckedFile {
  std::string encoded;  // cli/result_codec, without its record
  ReportRecord record;
  bool unreadable = false;
  std::string note;     // "cannot read" or, with --verbose, what was read and how
};

std::string note_for(const FileResult& r, const FileSetup& setup, bool verbose, Lang lang) {
  std::ostringstream note;
  if (r.error) {
    note << "nblint: " << (r.path == "-" ? "<stdin>" : r.path) << tr(lang, "：无法读取，", ": cannot read: ")
         << r.error_message << '\n';
  } else if (verbose) {
    note << "nblint: " << r.source().display_path << tr(lang, "：格式 ", ": format ") << format_name(r.document.format)
         << tr(lang, "，编码 ", ", encoding ") << r.source().encoding << tr(lang, "（依据：", " (by ")
         << r.source().detected_by << tr(lang, "），规则包 ", "), pack ") << (r.pack.empty() ? "-" : r.pack);
    if (setup.config) note << tr(lang, "，配置 ", ", config ") << setup.config->string();
    if (r.suppressed)
      note << tr(lang, "，注释抑制了 ", ", ") << r.suppressed << tr(lang, " 个问题", " finding(s) suppressed by comments");
    note << '\n';
  }
  return note.str();
}

}  // namespace

std::optional<LintRun> lint_paths(const CheckOptions& options) {
  const Lang lang = options.lang;
  LintOptions lint;
  lint.rules.lang = lang;
  if (options.max_file_size) lint.ingest.max_file_size = options.max_file_size;
  lint.ingest.encoding = options.encoding;

  PathPlan plan = plan_paths(options.paths);
  LintRun run;
  for (const PathProblem& p : plan.problems) {
    std::cerr << "nblint: " << p.path;
    switch (p.kind) {
      case PathProblem::Kind::Missing: std::cerr << tr(lang, "：路径不存在", ": no such file or directory"); break;
      case PathProblem::Kind::BrokenSymlink: std::cerr << tr(lang, "：符号链接指向的文件不存在", ": broken symbolic link"); break;
      case PathProblem::Kind::UnreadableDirectory:
        std::cerr << tr(lang, "：无法读取目录（", ": cannot read directory (") << p.detail << tr(lang, "）", ")");
        break;
    }
    std::cerr << '\n';
    run.trouble = true;
  }
  if (options.verbose)
    for (const std::string& s : plan.skipped)
      std::cerr << "nblint: " << tr(lang, "跳过（不是 nblint 读取的格式）：", "skipped (not a format nblint reads): ") << s << '\n';
  if (plan.files.empty()) {
    std::cerr << "nblint: "
              << tr(lang, "没有检查任何文件（目录中未找到 .txt .md .html .htm .docx .pdf 报告）",
                    "nothing was checked (no .txt .md .html .htm .docx .pdf report found)")
              << '\n';
    return std::nullopt;
  }

  SetupResolver setups = make_setups(options.config, options.pack_files, options.pack);
  if (!setup_all(setups, plan.files, run.setups, lang)) return std::nullopt;

#if defined(__GLIBC__)
  // glibc raises its mmap threshold each time a large block is freed, so later large buffers (a
  // big report's text, its HTML tree) come from the heap and stay in the process's RSS after the
  // file is done. A fixed threshold keeps them mapped on their own: returned with each file.
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
  // Files are linted concurrently; each result has its slot, and the lines below are written
  // in input order as the files before them are done, so nothing depends on the thread count.
  // A done file goes to the spool at once: memory holds only the files being checked.
  // A slot per file of the run, empty until the file is checked and again once it is spooled.
  std::vector<std::unique_ptr<CheckedFile>> checked(plan.files.size());
  run.records = RecordSpool(plan.files.size());
  run.results = ResultSpool(plan.files.size());
  Progress progress(plan.files.size(), lang);
  const auto lint_one = [&](std::size_t i) {
    const FileSetup& setup = run.setups[i];
    LintOptions file_lint = lint;
    file_lint.packs = setup.packs;
    file_lint.rules.forced_pack = setup.forced_pack;
    file_lint.organ_level = setup.organ_level;
    file_lint.severities = setup.severities;
    FileResult result = lint_file(plan.files[i], file_lint);
    keep_what_output_needs(result);
    auto file = std::make_unique<CheckedFile>();
    file->unreadable = result.error.has_value();
    file->note = note_for(result, setup, options.verbose, lang);
    file->record = std::exchange(result.record, ReportRecord());
    encode_result(result, file->encoded);
    checked[i] = std::move(file);
  };
  const auto report_one = [&](std::size_t i) {
    const std::unique_ptr<CheckedFile> done = std::move(checked[i]);
    const CheckedFile& file = *done;
    if (!file.note.empty()) {
      progress.clear();
      std::cerr << file.note;
    }
    run.trouble = run.trouble || file.unreadable;
    run.results.store_encoded(i, file.encoded);
    run.records.store(i, file.record);
    progress.step(i + 1);
  };
  ordered_parallel(plan.files.size(), options.jobs ? options.jobs : default_jobs(), lint_one, report_one);
  // The paths are in the spooled results now: not held through the checks across reports.
  std::vector<std::string>().swap(plan.files);
  std::vector<std::unique_ptr<CheckedFile>>().swap(checked);
  add_cross_report_findings(run, lang);
  progress.finish();
  return run;
}

FileResult LintRun::load(std::size_t i) const {
  FileResult result = results.load(i);
  result.record = records.load(i);
  return result;
}

void LintRun::for_each(const std::function<void(const FileResult&)>& visit) const {
  for (std::size_t i = 0; i < results.size(); ++i) visit(results.load(i));
}

}  // namespace nblint
