#include "bind/analysis.h"

#include "bind/table_binder.h"
#include "parse/report_parser.h"
#include "rules/section_matcher.h"

namespace nblint {

Analysis analyze(const Document& document, const Pack* forced, const PackRegistry& packs) {
  Analysis a;
  a.report = parse_report(document);
  a.choice = choose_pack(a.report, packs, forced);
  if (a.choice.pack) {
    a.report.section_matches = match_sections(a.report, *a.choice.pack);
    a.report.tables = bind_tables(a.report, *a.choice.pack, a.report.section_matches);
  }
  return a;
}

}  // namespace nblint
