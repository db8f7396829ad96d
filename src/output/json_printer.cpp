#include <algorithm>
#include <string_view>

#include <nlohmann/json.hpp>

#include "output/json_stream.h"
#include "output/location.h"
#include "output/printers.h"
#include "rules/catalogue.h"

namespace nblint {

namespace {

using Json = OrderedJson;

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
void print_json(std::ostream& out, const ResultSequence& files, const OutputOptions& options,
                std::optional<std::size_t> baseline_matched) {
  Json doc;
  doc["version"] = NBLINT_VERSION;
  if (baseline_matched) doc["baseline_matched"] = *baseline_matched;
  doc["files"] = Json::array();
  write_json_streaming_last_array(out, doc, [&](const auto& emit) {
    files.for_each([&](const FileResult& f) { emit(file_json(f, options)); });
  });
}

}  // namespace nblint
