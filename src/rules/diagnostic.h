// One finding: plain data. Printers (text, JSON, …) turn it into output.
#pragma once
#include <string>

#include "model/span.h"
#include "rules/severity.h"

namespace nblint {

struct Diagnostic {
  std::string rule;  // e.g. "structure/missing-section"
  Severity severity = Severity::Error;
  std::string message;  // in the requested language, quoting the user's original text
  Span span;            // in SourceText::text
};

// The order findings are reported in within a file: position, then rule id.
inline bool in_source_order(const Diagnostic& a, const Diagnostic& b) {
  if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
  return a.rule < b.rule;
}

}  // namespace nblint
