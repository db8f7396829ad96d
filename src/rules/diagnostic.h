// One finding: plain data. Printers (text, JSON, …) turn it into output.
#pragma once
#include <optional>
#include <string>

#include "model/span.h"
#include "rules/severity.h"

namespace nblint {

// A change that certainly mends a finding: replace `span` of SourceText::text with `text`.
// Only offered where the rule knows the right text (the pack's own wording), never a guess.
struct Fix {
  std::string title;  // what the change does, in the requested language
  Span span;
  std::string text;
};

struct Diagnostic {
  Diagnostic() = default;
  // Spelled out so that {rule, severity, message, span} stays complete without a fix.
  Diagnostic(std::string rule, Severity severity, std::string message, Span span, std::optional<Fix> fix = std::nullopt)
      : rule(std::move(rule)), severity(severity), message(std::move(message)), span(span), fix(std::move(fix)) {}

  std::string rule;  // e.g. "structure/missing-section"
  Severity severity = Severity::Error;
  std::string message;  // in the requested language, quoting the user's original text
  Span span;            // in SourceText::text
  std::optional<Fix> fix;
};

// The order findings are reported in within a file: position, then rule id.
inline bool in_source_order(const Diagnostic& a, const Diagnostic& b) {
  if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
  return a.rule < b.rule;
}

}  // namespace nblint
