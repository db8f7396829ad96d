#include <nlohmann/json.hpp>

#include "output/location.h"
#include "output/printers.h"
#include "rules/catalogue.h"

namespace nblint {

void print_json(std::ostream& out, const std::vector<FileResult>& files, const OutputOptions& options,
                std::optional<std::size_t> baseline_matched) {
  nlohmann::ordered_json doc;
  doc["version"] = NBLINT_VERSION;
  if (baseline_matched) doc["baseline_matched"] = *baseline_matched;
  doc["files"] = nlohmann::ordered_json::array();
  for (const FileResult& f : files) {
    nlohmann::ordered_json file;
    file["path"] = f.error ? f.path : f.source().display_path;
    file["pack"] = f.pack.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(f.pack);
    if (f.error) file["error"] = f.error_message;
    file["diagnostics"] = nlohmann::ordered_json::array();
    for (const Diagnostic& d : f.diagnostics) {
      const Position begin = position_of(f.source(), d.span.begin, options.unit);
      const Position end = position_of(f.source(), d.span.end, options.unit);
      nlohmann::ordered_json diag = {{"rule", d.rule},
                                     {"severity", severity_name(d.severity)},
                                     {"message", d.message},
                                     {"line", begin.line},
                                     {"column", begin.column},
                                     {"end_line", end.line},
                                     {"end_column", end.column},
                                     // The rule's page, in the source tree and shown by `nblint explain`.
                                     {"doc", RuleInfo::doc_path_of(d.rule)}};
      if (const std::string where = describe_location(f.document, d.span.begin, options.lang); !where.empty())
        diag["location"] = where;
      file["diagnostics"].push_back(std::move(diag));
    }
    doc["files"].push_back(std::move(file));
  }
  // Replacement characters keep the document valid JSON even if a message held bad UTF-8.
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace nblint
