// One input through the whole pipeline: read → decode → parse → rules.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ingest/ingest.h"
#include "rules/cross_report.h"
#include "rules/engine.h"

namespace nblint {

struct FileResult {
  std::string path;                   // as the user named it ("-" for stdin)
  std::optional<IngestError> error;   // set when the input could not be read
  std::string error_message;          // why, in the user's language
  Document document;                  // what was read (source text, format, DOCX locations)
  std::string pack;                   // empty when none was applied
  std::vector<Diagnostic> diagnostics;
  ReportRecord record;                // for the checks across the reports of the run

  const SourceText& source() const { return document.source; }
};

struct LintOptions {
  RuleOptions rules;
  IngestOptions ingest;
};

FileResult lint_file(const std::string& path, const LintOptions& options);

}  // namespace nblint
