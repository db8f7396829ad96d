#include <algorithm>
#include <string_view>

#include <nlohmann/json.hpp>

#include "output/location.h"
#include "output/printers.h"
#include "rules/catalogue.h"

namespace nblint {

namespace {

using Json = nlohmann::ordered_json;

// Replacement characters keep the document valid JSON even if a message held bad UTF-8.
std::string dumped(const Json& j) { return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace); }

Json file_json(const FileResult& f, const OutputOptions& options) {
  Json file;
  file["path"] = f.error ? f.path : f.source().display_path;
  file["pack"] = f.pack.empty() ? Json(nullptr) : Json(f.pack);
  if (f.error) file["error"] = f.error_message;
  file["diagnostics"] = Json::array();
  for (const Diagnostic& d : f.diagnostics) {
    const Position begin = position_of(f.source(), d.span.begin, options.unit);
    const Position end = position_of(f.source(), d.span.end, options.unit);
    Json diag = {{"rule", d.rule},
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
  return file;
}

}  // namespace

// The document is written one file at a time, exactly as dumping it whole would write it, so a
// run over many reports never holds their JSON all at once.
void print_json(std::ostream& out, const std::vector<FileResult>& files, const OutputOptions& options,
                std::optional<std::size_t> baseline_matched) {
  Json head;
  head["version"] = NBLINT_VERSION;
  if (baseline_matched) head["baseline_matched"] = *baseline_matched;
  if (files.empty()) {
    head["files"] = Json::array();
    out << dumped(head) << '\n';
    return;
  }
  std::string text = dumped(head);
  text.resize(text.size() - 2);  // "\n}"
  out << text << ",\n  \"files\": [\n";
  for (std::size_t i = 0; i < files.size(); ++i) {
    text = dumped(file_json(files[i], options));
    // Indented for its nesting: inside "files", inside the document.
    for (std::size_t from = 0; from < text.size();) {
      const std::size_t to = std::min(text.find('\n', from), text.size() - 1) + 1;
      out << "    " << std::string_view(text).substr(from, to - from);
      from = to;
    }
    out << (i + 1 < files.size() ? ",\n" : "\n");
  }
  out << "  ]\n}\n";
}

}  // namespace nblint
