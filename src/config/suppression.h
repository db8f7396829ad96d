// Inline suppression comments in a report (HTML comments; in .txt the same text on a line of
// its own, which the parser records in Report::comments):
//   <!-- nblint-disable [rule-id …] -->   … <!-- nblint-enable [rule-id …] -->   (no ids: all rules)
//   <!-- nblint-disable-next-line [rule-id …] -->
// Ids may be separated by blanks or commas; text after " -- " is a free reason.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/source_text.h"
#include "model/span.h"
#include "rules/catalogue.h"
#include "rules/diagnostic.h"
#include "util/lang.h"

namespace nblint {

inline constexpr std::string_view kSuppressionRule = "meta/suppression";

struct SuppressionDirective {
  enum class Kind { Disable, Enable, DisableNextLine };
  Kind kind = Kind::Disable;
  bool all = false;            // no rule ids given
  std::set<std::string> ids;   // known rule ids named
  std::uint32_t line = 0;      // the comment's first line
  std::uint32_t end_line = 0;  // its last line
};

// What one comment says: a directive, a problem (an unknown rule id or nblint- directive) or
// nothing for nblint. Problems become meta/suppression findings.
struct SuppressionComment {
  std::optional<SuppressionDirective> directive;
  std::vector<std::string> unknown_ids;
  std::string unknown_directive;  // "nblint-disabel"
};

// `comment` is the comment's text, "<!-- … -->".
SuppressionComment parse_suppression_comment(std::string_view comment, const Catalogue& catalogue);

// The directives of a report, in document order; `problems` receives a meta/suppression finding
// (catalogue severity, message in `lang`) for each unknown rule id or directive.
std::vector<SuppressionDirective> read_suppressions(const SourceText& source, const std::vector<Span>& comments,
                                                   const Catalogue& catalogue, Lang lang,
                                                   std::vector<Diagnostic>& problems);

// True when `directives` disable `rule` on `line`.
bool is_suppressed(const std::vector<SuppressionDirective>& directives, std::string_view rule, std::uint32_t line);

// Drops the findings the comments suppress and adds the comments' own problems; returns how
// many findings were dropped. `diagnostics` stays in source order.
std::size_t apply_suppressions(const SourceText& source, const std::vector<Span>& comments, const Catalogue& catalogue,
                               Lang lang, std::vector<Diagnostic>& diagnostics);

}  // namespace nblint
