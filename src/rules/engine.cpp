#include "rules/engine.h"

#include <algorithm>

#include "rules/check_dates.h"
#include "rules/check_headings.h"
#include "rules/check_meta_pack.h"
#include "rules/check_structure.h"
#include "rules/check_tables.h"
#include "rules/check_text.h"
#include "rules/pattern.h"

namespace nblint {

RuleOutcome run_rules(const SourceText& source, const Report& report, const PackChoice& choice,
                      const RuleOptions& options) {
  RuleOutcome outcome;
  outcome.choice = choice;
  const CheckContext ctx{source, report, outcome.choice, Catalogue::builtin(), options.lang, outcome.diagnostics};
  check_meta_pack(ctx);
  check_text(ctx);
  if (outcome.choice.pack) check_structure(ctx);
  if (outcome.choice.pack) check_tables(ctx);
  if (outcome.choice.pack) check_headings(ctx);
  if (outcome.choice.pack) check_dates(ctx);
  // Patterns stopped at the match time limit here or while the report was parsed and bound:
  // their checks may have missed something, so the report is not silently called clean.
  for (const std::string& pattern : take_pattern_timeouts())
    ctx.emit("meta/pack", ctx.message("meta/pack", "pattern_timeout", {{"pattern", pattern}}), Span{0, 0},
             Severity::Warning);
  std::stable_sort(outcome.diagnostics.begin(), outcome.diagnostics.end(), in_source_order);
  return outcome;
}

}  // namespace nblint
