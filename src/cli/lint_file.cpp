#include "cli/lint_file.h"

#include "cli/i18n.h"
#include "parse/report_parser.h"

namespace nblint {

FileResult lint_file(const std::string& path, const LintOptions& options) {
  FileResult result;
  result.path = path;
  auto bytes = read_input(path, options.max_file_size);
  if (auto* e = std::get_if<ReadError>(&bytes)) {
    result.error = *e;
    result.error_message = read_error_reason(*e, options.rules.lang);
    return result;
  }
  result.source = decode_utf8_source(path == "-" ? "<stdin>" : path, std::get<std::string>(bytes));
  const Report report = parse_report(result.source.text);
  RuleOutcome outcome = run_rules(result.source, report, options.rules);
  if (outcome.choice.pack) result.pack = outcome.choice.pack->id;
  result.diagnostics = std::move(outcome.diagnostics);
  return result;
}

}  // namespace nblint
