// One input through the whole pipeline: read → decode → parse → rules.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ingest/file_reader.h"
#include "ingest/source_text.h"
#include "rules/engine.h"

namespace nblint {

struct FileResult {
  std::string path;                   // as the user named it ("-" for stdin)
  std::optional<ReadError> error;     // set when the input could not be read
  std::string error_message;          // why, in the user's language
  SourceText source;
  std::string pack;                   // empty when none was applied
  std::vector<Diagnostic> diagnostics;
};

struct LintOptions {
  RuleOptions rules;
  std::uint64_t max_file_size = kDefaultMaxFileSize;
};

FileResult lint_file(const std::string& path, const LintOptions& options);

}  // namespace nblint
