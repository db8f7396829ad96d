#include "cli/lint_file.h"

#include "bind/analysis.h"
#include "cli/i18n.h"
#include "config/config_resolver.h"
#include "config/suppression.h"
#include "rules/pattern.h"

namespace nblint {

void set_organ_level(Report& report, OrganLevel level) {
  if (!report.title) return;
  if (!report.title->organ) report.title->organ = OrganName{Span{report.title->span.begin, report.title->span.begin}};
  report.title->organ->level = level;
}

namespace {

// The pipeline after reading: parse, rules, suppressions, configured severities.
FileResult lint_ingested(std::string path, std::variant<Document, IngestError> ingested, const LintOptions& options) {
  FileResult result;
  result.path = std::move(path);
  if (auto* e = std::get_if<IngestError>(&ingested)) {
    result.error = *e;
    result.error_message = ingest_error_reason(*e, options.rules.lang);
    return result;
  }
  result.document = std::move(std::get<Document>(ingested));
  (void)take_pattern_timeouts();  // only this file's time-outs are reported with it
  Analysis analysis = analyze(result.document, options.rules.forced_pack,
                              options.packs ? *options.packs : PackRegistry::builtin());
  if (options.organ_level) set_organ_level(analysis.report, *options.organ_level);
  RuleOutcome outcome = run_rules(result.document.source, analysis.report, analysis.choice, options.rules);
  if (outcome.choice.pack) result.pack = outcome.choice.pack->id;
  result.diagnostics = std::move(outcome.diagnostics);
  // After the checks: what the report's comments suppress, then what the configuration says.
  result.suppressed = apply_suppressions(result.document.source, analysis.report.comments, Catalogue::builtin(),
                                         options.rules.lang, result.diagnostics);
  apply_rule_severities(options.severities, result.diagnostics);
  result.record = make_report_record(analysis.report, analysis.choice, result.source().display_path);
  give_back(std::move(analysis.report.folded));
  return result;
}

}  // namespace

FileResult lint_file(const std::string& path, const LintOptions& options) {
  return lint_ingested(path, ingest_file(path, options.ingest), options);
}

FileResult lint_text(const std::string& path, std::string_view bytes, std::optional<Format> format,
                     const LintOptions& options) {
  if (!format) format = format_from_extension(path);
  return lint_ingested(path, ingest_bytes(path, bytes, format, options.ingest), options);
}

}  // namespace nblint
