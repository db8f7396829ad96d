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

}  // namespace nblint
