// The overview's per-report table as CSV for spreadsheets (RFC 4180: comma-separated, CRLF
// line ends, fields with a comma, quote or line break quoted, quotes doubled), UTF-8 with a
// byte-order mark so that Excel reads the Chinese correctly. See docs/report.md for the columns.
#pragma once
#include <ostream>
#include <string>
#include <string_view>

#include "overview/overview.h"
#include "util/lang.h"

namespace nblint::overview {

// One field, quoted when it must be. A text field starting with = + - @ (which a spreadsheet
// would take for a formula) gets a leading apostrophe first; numbers are written as numbers.
std::string csv_text_field(std::string_view text);

void write_csv(std::ostream& out, const Overview& overview, Lang lang);

}  // namespace nblint::overview
