// One input through the whole pipeline: read → decode → parse → rules → configuration
// (severities) and inline suppressions. Baselines are applied over the whole run (commands.cpp).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config_file.h"
#include "ingest/ingest.h"
#include "rules/cross_report.h"
#include "model/report.h"
#include "model/organ_level.h"
#include "rules/engine.h"
#include "rules/pack_registry.h"

namespace nblint {

struct FileResult {
  std::string path;                   // as the user named it ("-" for stdin)
  std::optional<IngestError> error;   // set when the input could not be read
  std::string error_message;          // why, in the user's language
  Document document;                  // what was read (source text, format, DOCX locations)
  std::string pack;                   // empty when none was applied
  std::vector<Diagnostic> diagnostics;
  ReportRecord record;                // for the checks across the reports of the run
  std::size_t suppressed = 0;         // findings dropped by inline suppression comments
  std::size_t baseline_matched = 0;   // findings dropped because the baseline holds them

  const SourceText& source() const { return document.source; }
};

struct LintOptions {
  RuleOptions rules;
  IngestOptions ingest;
  const PackRegistry* packs = nullptr;     // null: the built-in packs
  std::optional<OrganLevel> organ_level;   // replaces the level read from the title (.nblint.yaml)
  RuleSeverities severities;               // .nblint.yaml rules: severities and `off`
};

FileResult lint_file(const std::string& path, const LintOptions& options);

// The same for text held in memory (an editor's buffer): `path` names it (configuration,
// messages) and gives the format by its extension unless `format` is set.
FileResult lint_text(const std::string& path, std::string_view bytes, std::optional<Format> format,
                     const LintOptions& options);

// The configured organ level stands for what the title says, so every check (the publication
// deadline) sees it. A title without a recognised organ gets one, empty, at its start; a report
// without a title keeps no level.
void set_organ_level(Report& report, OrganLevel level);

}  // namespace nblint
