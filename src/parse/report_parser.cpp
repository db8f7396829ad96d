#include "parse/report_parser.h"

#include "parse/report_facts.h"
#include "parse/section_tree.h"

namespace nblint {

Report parse_report(std::string_view source) {
  Report report;
  report.folded = normalize(source);
  build_section_tree(report);
  find_report_facts(report);
  return report;
}

}  // namespace nblint
