#include "parse/report_parser.h"

#include "parse/metadata.h"
#include "parse/noise.h"
#include "parse/prose_facts.h"
#include "parse/report_facts.h"
#include "parse/section_tree.h"

namespace nblint {

namespace {

Report parse(std::string_view text, const std::vector<std::uint32_t>* origin, std::string_view source,
             SourceForm form, const std::vector<int>* outline_levels) {
  Report report;
  report.folded = normalize(text, origin, source);
  build_section_tree(report, outline_levels);
  find_report_facts(report);
  find_metadata(report);
  find_publication_date(report);
  find_prose_facts(report);
  report.noise = find_noise(report.folded.source, report.folded.pinyin_removed, form);
  return report;
}

}  // namespace

Report parse_report(const Document& document) {
  std::vector<int> levels;
  for (const LineLocation& l : document.line_locations) levels.push_back(l.outline_level);
  // A Document's text is well-formed UTF-8: ingest replaced what it could not decode (and
  // fuzz_ingest checks it).
  return parse(document.parse_text(), document.parse_origin(), document.source.text, SourceForm::well_formed,
               document.line_locations.empty() ? nullptr : &levels);
}

Report parse_report(std::string_view source) { return parse(source, nullptr, source, SourceForm::unchecked, nullptr); }

}  // namespace nblint
