#include "cli/commands.h"

#include <iostream>

#include "bind/analysis.h"
#include "cli/i18n.h"
#include "cli/lint_file.h"
#include "cli/path_walker.h"
#include "output/printers.h"
#include "rules/catalogue.h"
#include "rules/pack_registry.h"
#include "util/resources.h"

namespace nblint {

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitTrouble = 2;

// Resolves --pack; prints the known packs and returns false when the name is unknown.
bool resolve_pack(const std::string& name, const Pack*& pack, Lang lang) {
  pack = nullptr;
  if (name.empty()) return true;
  pack = PackRegistry::builtin().find(name);
  if (pack) return true;
  std::cerr << "nblint: " << tr(lang, "未知的规则包“", "unknown rule pack '") << name
            << tr(lang, "”，可选：", "'; known packs:");
  for (const Pack& p : PackRegistry::builtin().packs()) std::cerr << ' ' << p.id;
  std::cerr << '\n';
  return false;
}

bool fails(Severity s, FailOn threshold) {
  switch (threshold) {
    case FailOn::Error: return s >= Severity::Error;
    case FailOn::Warning: return s >= Severity::Warning;
    case FailOn::Info: return true;
    case FailOn::Never: return false;
  }
  return true;
}

// Findings that need every report of the run (same organ's previous year, other organs).
void add_cross_report_findings(std::vector<FileResult>& results, Lang lang) {
  std::vector<ReportRecord> records;
  records.reserve(results.size());
  for (const FileResult& r : results) records.push_back(r.record);
  auto findings = check_across_reports(records, lang);
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (findings[i].empty()) continue;
    auto& diagnostics = results[i].diagnostics;
    diagnostics.insert(diagnostics.end(), findings[i].begin(), findings[i].end());
    sort_in_source_order(diagnostics);
  }
}

}  // namespace

int run_check(const CheckOptions& options) {
  const Lang lang = options.lang;
  LintOptions lint;
  lint.rules.lang = lang;
  if (options.max_file_size) lint.ingest.max_file_size = options.max_file_size;
  lint.ingest.encoding = options.encoding;
  if (!resolve_pack(options.pack, lint.rules.forced_pack, lang)) return kExitTrouble;

  const PathPlan plan = plan_paths(options.paths);
  bool trouble = false;
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
    trouble = true;
  }
  if (options.verbose)
    for (const std::string& s : plan.skipped)
      std::cerr << "nblint: " << tr(lang, "跳过（不是 nblint 读取的格式）：", "skipped (not a format nblint reads): ") << s << '\n';
  if (plan.files.empty()) {
    std::cerr << "nblint: "
              << tr(lang, "没有检查任何文件（目录中未找到 .txt .md .html .htm .docx .pdf 报告）",
                    "nothing was checked (no .txt .md .html .htm .docx .pdf report found)")
              << '\n';
    return kExitTrouble;
  }

  std::vector<FileResult> results;
  results.reserve(plan.files.size());
  for (const std::string& path : plan.files) {
    FileResult r = lint_file(path, lint);
    if (r.error) {
      std::cerr << "nblint: " << (path == "-" ? "<stdin>" : path) << tr(lang, "：无法读取，", ": cannot read: ")
                << r.error_message << '\n';
      trouble = true;
    } else if (options.verbose) {
      std::cerr << "nblint: " << r.source().display_path << tr(lang, "：格式 ", ": format ")
                << format_name(r.document.format) << tr(lang, "，编码 ", ", encoding ") << r.source().encoding
                << tr(lang, "（依据：", " (by ") << r.source().detected_by << tr(lang, "），规则包 ", "), pack ")
                << (r.pack.empty() ? "-" : r.pack) << '\n';
    }
    results.push_back(std::move(r));
  }
  add_cross_report_findings(results, lang);

  std::size_t errors = 0, warnings = 0;
  bool failed = false;
  for (const FileResult& r : results) {
    for (const Diagnostic& d : r.diagnostics) {
      errors += d.severity == Severity::Error;
      warnings += d.severity == Severity::Warning;
      failed = failed || fails(d.severity, options.fail_on);
    }
    if (options.format == "text") print_text(std::cout, r, lang);
  }
  if (options.format == "json") print_json(std::cout, results, lang);
  if (options.format == "text") {
    std::cerr << tr(lang, "已检查 ", "checked ") << results.size() << tr(lang, " 个文件：", " file(s): ") << errors
              << tr(lang, " 个错误，", " error(s), ") << warnings << tr(lang, " 个警告", " warning(s)") << '\n';
  }
  if (trouble) return kExitTrouble;
  return failed ? kExitFindings : kExitClean;
}

int run_tree(const TreeOptions& options) {
  const Lang lang = options.lang;
  const Pack* pack = nullptr;
  if (!resolve_pack(options.pack, pack, lang)) return kExitTrouble;
  IngestOptions ingest;
  ingest.encoding = options.encoding;
  auto ingested = ingest_file(options.path, ingest);
  if (auto* e = std::get_if<IngestError>(&ingested)) {
    std::cerr << "nblint: " << options.path << tr(lang, "：无法读取，", ": cannot read: ") << ingest_error_reason(*e, lang)
              << '\n';
    return kExitTrouble;
  }
  const Document& document = std::get<Document>(ingested);
  // The same pipeline as `check`: parse, choose the pack, bind the tables to it.
  const Analysis analysis = analyze(document, pack);
  const Report& report = analysis.report;
  const PackChoice& choice = analysis.choice;
  if (options.format == "json") {
    print_tree_json(std::cout, document.source, report, &choice, lang);
    return kExitClean;
  }
  print_tree(std::cout, document.source, report, lang, options.verbose);
  std::cout << tr(lang, "规则包：", "rule pack: ") << (choice.pack ? choice.pack->id : "-");
  if (choice.year) std::cout << tr(lang, "（报告年度 ", " (report year ") << *choice.year << tr(lang, "）", ")");
  std::cout << '\n';
  return kExitClean;
}

int run_rules(const std::string& pack_name, Lang lang) {
  const Pack* only = nullptr;
  if (!resolve_pack(pack_name, only, lang)) return kExitTrouble;
  const Catalogue& catalogue = Catalogue::builtin();
  for (const Pack& pack : PackRegistry::builtin().packs()) {
    if (only && only != &pack) continue;
    std::cout << pack.id << "  " << pack.name.get(lang) << "  (" << tr(lang, "报告年度 ", "report years ")
              << pack.year_from << "–" << (pack.year_to == 9999 ? std::string() : std::to_string(pack.year_to)) << ")\n";
    for (const RuleInfo& rule : catalogue.rules()) {
      const auto it = pack.rules.find(rule.id);
      if (it == pack.rules.end()) continue;
      std::string sev(severity_name(it->second));
      sev.resize(8, ' ');
      std::string id = rule.id;
      if (id.size() < 28) id.resize(28, ' ');
      std::cout << "  " << id << ' ' << sev << rule.summary.get(lang) << '\n';
    }
    std::cout << '\n';
  }
  std::cout << tr(lang, "用 nblint explain 规则ID 查看规则说明。", "Run nblint explain RULE-ID for a rule's documentation.")
            << '\n';
  return kExitClean;
}

int run_explain(const std::string& rule_id, Lang lang) {
  const RuleInfo* rule = Catalogue::builtin().find(rule_id);
  if (!rule) {
    std::cerr << "nblint: " << tr(lang, "未知的规则“", "unknown rule '") << rule_id
              << tr(lang, "”；可用 nblint rules 列出全部规则", "'; nblint rules lists them all") << '\n';
    return kExitTrouble;
  }
  if (const auto page = resources::find(rule->doc_path())) {
    std::cout << *page;
    if (!page->ends_with('\n')) std::cout << '\n';
  } else {
    std::cout << "# " << rule->id << "\n\n" << rule->summary.get(lang) << '\n';
  }
  return kExitClean;
}

}  // namespace nblint
