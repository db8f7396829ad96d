// The parser's entry point: folded text in, Report model out.
#pragma once
#include <string_view>

#include "model/report.h"

namespace nblint {

// `source` is SourceText::text; the Report keeps a view of it, so it must outlive the Report.
Report parse_report(std::string_view source);

}  // namespace nblint
