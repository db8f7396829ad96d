// Runs the checks a rule pack enables over a parsed report.
#pragma once
#include <vector>

#include "ingest/source_text.h"
#include "model/report.h"
#include "rules/diagnostic.h"
#include "rules/pack_selector.h"

namespace nblint {

struct RuleOptions {
  const Pack* forced_pack = nullptr;  // --pack (read by analyze(), not by run_rules)
  Lang lang = Lang::Zh;
};

struct RuleOutcome {
  PackChoice choice;
  std::vector<Diagnostic> diagnostics;  // in source order (position, then rule id)
};

// `choice` is the pack chosen for the report (see bind/analysis.h); its tables are bound.
RuleOutcome run_rules(const SourceText& source, const Report& report, const PackChoice& choice,
                      const RuleOptions& options);

}  // namespace nblint
