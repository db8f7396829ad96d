// The overview as one self-contained HTML page: inline CSS, inline SVG charts and a few lines of
// inline script (opening a report's findings when its anchor is followed); no external
// resource of any kind, so the page works offline, opened from disk. See docs/report.md.
#pragma once
#include <ostream>

#include "overview/overview.h"
#include "util/lang.h"

namespace nblint::overview {

void write_html(std::ostream& out, const Overview& overview, Lang lang);

}  // namespace nblint::overview
