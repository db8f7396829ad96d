// The parser's entry point: folded text in, Report model out.
#pragma once
#include <string_view>

#include "ingest/document.h"
#include "model/report.h"

namespace nblint {

// The Report keeps views into the document, so the document must outlive it.
Report parse_report(const Document& document);

// For plain text: `source` is SourceText::text and must outlive the Report.
Report parse_report(std::string_view source);

}  // namespace nblint
