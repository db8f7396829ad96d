#include "cli/commands.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>

#include "bind/analysis.h"
#include "cli/file_setup.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/lint_file.h"
#include "cli/lint_run.h"
#include "cli/path_walker.h"
#include "cli/report_output.h"
#include "output/printers.h"
#include "rules/catalogue.h"
#include "config/baseline.h"
#include "rules/pack_registry.h"
#include "util/ordered_parallel.h"
#include "util/resources.h"

namespace nblint {

namespace {

// Resolves `nblint rules --pack`; prints the known packs and returns false when the name is unknown.
bool resolve_pack(const std::string& name, const Pack*& pack, Lang lang) {
  pack = nullptr;
  if (name.empty()) return true;
  pack = PackRegistry::builtin().find(name);
  if (pack) return true;
  std::vector<std::string> known;
  for (const Pack& p : PackRegistry::builtin().packs()) known.push_back(p.id);
  report_unknown_pack(name, known, lang);
  return false;
}

// Drops the findings the baseline holds; returns how many.
std::size_t apply_baseline(FileResult& r, const std::filesystem::path& baseline_path, BaselineMatcher& matcher) {
  const std::vector<std::string> prints = fingerprints(r.source(), r.diagnostics);
  const std::string file = baseline_file_name(r.path, baseline_path);
  std::vector<Diagnostic> kept;
  for (std::size_t i = 0; i < r.diagnostics.size(); ++i)
    if (!matcher.take({r.diagnostics[i].rule, file, prints[i]})) kept.push_back(std::move(r.diagnostics[i]));
  const std::size_t matched = r.diagnostics.size() - kept.size();
  r.diagnostics = std::move(kept);
  return matched;
}

void add_baseline_entries(const FileResult& r, const std::filesystem::path& baseline_path,
                          std::vector<BaselineEntry>& entries) {
  const std::vector<std::string> prints = fingerprints(r.source(), r.diagnostics);
  const std::string file = baseline_file_name(r.path, baseline_path);
  for (std::size_t i = 0; i < r.diagnostics.size(); ++i) entries.push_back({r.diagnostics[i].rule, file, prints[i]});
}

}  // namespace

int run_check(const CheckOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const Lang lang = options.lang;
  OutputOptions output;
  if (!output_options(options, output)) return kExitTrouble;
  const std::filesystem::path baseline_path = options.baseline.empty() ? options.write_baseline : options.baseline;
  std::optional<BaselineMatcher> baseline;
  if (!options.baseline.empty()) baseline.emplace(read_baseline(baseline_path));
  std::vector<BaselineEntry> new_baseline;

  std::optional<LintRun> run = lint_paths(options);
  if (!run) return kExitTrouble;
  const bool trouble = run->trouble;
  // Each file's findings settled before any is printed: the JSON head says how many the
  // baseline held back, and a file goes back to the spool only when something was dropped.
  std::size_t baseline_matched = 0;
  RunCounts counts;
  for (std::size_t i = 0; i < run->size(); ++i) {
    FileResult r = run->results.load(i);
    if (r.error) continue;
    bool changed = false;
    if (baseline) {
      r.baseline_matched = apply_baseline(r, baseline_path, *baseline);
      baseline_matched += r.baseline_matched;
      changed = r.baseline_matched > 0;
    }
    if (!options.write_baseline.empty()) add_baseline_entries(r, baseline_path, new_baseline);
    changed = settle_findings(r, options, counts) || changed;
    if (changed) run->results.store(i, r);
  }
  finish_counts(counts, options);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  print_results(*run, options, output, counts, elapsed.count(),
                baseline ? std::optional<std::size_t>(baseline_matched) : std::nullopt);
  if (!options.write_baseline.empty()) {
    if (trouble) {
      std::cerr << "nblint: " << tr(lang, "有文件无法读取，未写入基线 ", "some input could not be read; baseline not written: ")
                << options.write_baseline << '\n';
      return kExitTrouble;
    }
    const std::size_t recorded = new_baseline.size();
    write_baseline(baseline_path, std::move(new_baseline));
    std::cerr << "nblint: " << tr(lang, "已写入基线 ", "baseline written: ") << options.write_baseline
              << tr(lang, "（", " (") << recorded << tr(lang, " 个问题）", " finding(s))") << '\n';
    return kExitClean;
  }
  if (trouble) return kExitTrouble;
  return counts.failed ? kExitFindings : kExitClean;
}

int run_tree(const TreeOptions& options) {
  const Lang lang = options.lang;
  SetupResolver setups = make_setups(options.config, options.pack_files, options.pack);
  SetupTable setup;
  if (!setup_all(setups, {options.path}, setup, lang)) return kExitTrouble;
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
  Analysis analysis = analyze(document, setup[0].forced_pack, *setup[0].packs);
  if (setup[0].organ_level) set_organ_level(analysis.report, *setup[0].organ_level);
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
