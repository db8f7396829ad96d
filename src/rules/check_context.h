// What every check kind sees, and the one way it reports a finding.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "ingest/source_text.h"
#include "model/report.h"
#include "rules/catalogue.h"
#include "rules/diagnostic.h"
#include "rules/message_format.h"
#include "rules/pack.h"
#include "rules/pack_selector.h"

namespace nblint {

struct CheckContext {
  const SourceText& source;
  const Report& report;
  const PackChoice& choice;  // choice.pack may be null (only meta/pack runs then)
  const Catalogue& catalogue;
  Lang lang;
  std::vector<Diagnostic>& out;

  // The user's original text under a span (messages quote it, never the folded form).
  std::string_view original(Span s) const { return report.folded.source.substr(s.begin, s.end - s.begin); }

  // The localized template `key` of `rule`, filled with `args`.
  std::string message(std::string_view rule, std::string_view key, const MessageArgs& args) const {
    return format_message(catalogue.find(rule)->message(key).get(lang), args);
  }

  // Records a finding at the pack's severity for the rule (the catalogue's when no pack), raised
  // to `at_least`. Rules the pack does not enable are not recorded.
  void emit(std::string_view rule, std::string message, Span span, Severity at_least = Severity::Info) const;
  // The same, with a change that mends the finding.
  void emit(std::string_view rule, std::string message, Span span, Fix fix) const;
  // Records a remark of an enabled rule at info, whatever its severity: what the rule could
  // not check and why ("no publication date found").
  void emit_info(std::string_view rule, std::string message, Span span) const;
};

}  // namespace nblint
