#include "cli/lint_run.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>
#include <tuple>
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
#include "util/external_sort.h"
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
  return setup_all(setups, files.size(), [&](std::size_t i) { return files[i]; }, out, lang);
}

bool setup_all(SetupResolver& setups, std::size_t count, const std::function<std::string(std::size_t)>& path, SetupTable& out,
               Lang lang) {
  try {
    for (std::size_t i = 0; i < count; ++i) out.add(setups.setup_for(path(i)));
  } catch (const UnknownPackError& e) {
    report_unknown_pack(e.name, e.known, lang);
    return false;
  }
  return true;
}

namespace {

// Bytes of the list of cross-report findings sorted in memory before it spills.
constexpr std::size_t kHeldFoundBytes = 1u << 20;

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
    std::uint32_t slot;  // in `spooled`, in the order the checks gave them
  };
  // Each file's findings in the order the checks gave them (as before spooling: then sorted);
  // the list goes through a temporary file past its budget (util/external_sort).
  const auto by_file = [](const Found& a, const Found& b) { return std::tie(a.file, a.slot) < std::tie(b.file, b.slot); };
  ExternalSorter<Found, decltype(by_file)> found(kHeldFoundBytes, by_file);
  check_across_reports(run.records, lang, [&](std::size_t i, std::vector<Diagnostic> findings) {
    apply_rule_severities(run.setups[i].severities, findings);
    if (findings.empty()) return;
    std::string bytes;
    encode_diagnostics(findings, bytes);
    found.add({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(spooled.append_encoded(bytes))});
  });
  std::optional<FileResult> result;  // the file whose findings are being merged
  std::uint32_t file = 0;
  const auto store = [&] {
    std::stable_sort(result->diagnostics.begin(), result->diagnostics.end(), in_source_order);
    run.results.store(file, *result);
  };
  found.drain([&](const Found& f) {
    if (result && f.file != file) store();
    if (!result || f.file != file) {
      result = run.results.load(f.file);
      file = f.file;
    }
    for (Diagnostic& d : decode_diagnostics(spooled.load_encoded(f.slot))) result->diagnostics.push_back(std::move(d));
  });
  if (result) store();
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
    for (std::size_t i = 0; i < plan.skipped.size(); ++i)
      std::cerr << "nblint: " << tr(lang, "跳过（不是 nblint 读取的格式）：", "skipped (not a format nblint reads): ") << plan.skipped[i] << '\n';
  if (plan.files.empty()) {
    std::cerr << "nblint: "
              << tr(lang, "没有检查任何文件（目录中未找到 .txt .md .html .htm .docx .pdf 报告）",
                    "nothing was checked (no .txt .md .html .htm .docx .pdf report found)")
              << '\n';
    return std::nullopt;
  }

  SetupResolver setups = make_setups(options.config, options.pack_files, options.pack);
  if (!setup_all(setups, plan.files.size(), [&](std::size_t i) { return plan.files[i]; }, run.setups, lang))
    return std::nullopt;

#if defined(__GLIBC__)
  // glibc raises its mmap threshold each time a large block is freed, so later large buffers (a
  // big report's text, its HTML tree) come from the heap and stay in the process's RSS after the
  // file is done. A fixed threshold keeps them mapped on their own: returned with each file.
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
  // Files are linted concurrently; each result has its slot, and the lines below are written
  // in input order as the files before them are done, so nothing depends on the thread count.
  // A done file goes to the spool at once: memory holds only the files being checked.
  // A slot per file that may be checked and not yet spooled (file i's is i % window): empty until
  // the file is checked and again once it is spooled.
  const unsigned jobs = options.jobs ? options.jobs : default_jobs();
  const std::size_t window = ordered_window(jobs);
  std::vector<std::unique_ptr<CheckedFile>> checked(window);
  run.records = RecordSpool(plan.files.size());
  run.results = ResultSpool(plan.files.size());
  Progress progress(plan.files.size(), lang);
  std::mutex setup_lookup;  // the setup table's index may be read back through its cache
  const auto lint_one = [&](std::size_t i) {
    const FileSetup& setup = [&]() -> const FileSetup& {
      const std::lock_guard lock(setup_lookup);
      return run.setups[i];  // a distinct setup: it stays where it is for the whole run
    }();
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
    checked[i % window] = std::move(file);
  };
  const auto report_one = [&](std::size_t i) {
    const std::unique_ptr<CheckedFile> done = std::move(checked[i % window]);
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
  ordered_parallel(plan.files.size(), jobs, lint_one, report_one);
  // The paths are in the spooled results now: not held through the checks across reports.
  plan.files.clear();
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
