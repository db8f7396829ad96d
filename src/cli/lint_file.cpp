#include "cli/lint_file.h"

#include "cli/i18n.h"
#include "bind/analysis.h"

namespace nblint {

FileResult lint_file(const std::string& path, const LintOptions& options) {
  FileResult result;
  result.path = path;
  auto ingested = ingest_file(path, options.ingest);
  if (auto* e = std::get_if<IngestError>(&ingested)) {
    result.error = *e;
    result.error_message = ingest_error_reason(*e, options.rules.lang);
    return result;
  }
  result.document = std::move(std::get<Document>(ingested));
  const Analysis analysis = analyze(result.document, options.rules.forced_pack);
  RuleOutcome outcome = run_rules(result.document.source, analysis.report, analysis.choice, options.rules);
  if (outcome.choice.pack) result.pack = outcome.choice.pack->id;
  result.diagnostics = std::move(outcome.diagnostics);
  result.record = make_report_record(analysis.report, analysis.choice, result.source().display_path);
  return result;
}

}  // namespace nblint
