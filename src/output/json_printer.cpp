#include <algorithm>
#include <string_view>

#include <nlohmann/json.hpp>

#include "output/json_stream.h"
#include "output/json_writer.h"
#include "output/location.h"
#include "output/printers.h"
#include "rules/catalogue.h"

namespace nblint {

namespace {

using Json = OrderedJson;

// One file's element, written as dumped_json(Json) of {path, pack, error?, diagnostics: [{rule,
// severity, message, line, column, end_line, end_column, doc, location?}]} would write it.
void write_file(std::string& text, std::string_view indent, const FileResult& f, const OutputOptions& options) {
  JsonWriter w(text, indent);
  w.begin_object();
  w.key("path");
  w.value(f.error ? f.path : f.source().display_path);
  w.key("pack");
  if (f.pack.empty()) w.null();
  else w.value(f.pack);
  if (f.error) {
    w.key("error");
    w.value(f.error_message);
  }
  w.key("diagnostics");
  w.begin_array();
  for (const Diagnostic& d : f.diagnostics) {
    const Position begin = position_of(f.source(), d.span.begin, options.unit);
    const Position end = position_of(f.source(), d.span.end, options.unit);
    w.begin_object();
    w.key("rule");
    w.value(d.rule);
    w.key("severity");
    w.value(severity_name(d.severity));
    w.key("message");
    w.value(d.message);
    w.key("line");
    w.value(begin.line);
    w.key("column");
    w.value(begin.column);
    w.key("end_line");
    w.value(end.line);
    w.key("end_column");
    w.value(end.column);
    w.key("doc");  // the rule's page, in the source tree and shown by `nblint explain`
    w.value(RuleInfo::doc_path_of(d.rule));
    if (const std::string where = describe_location(f.document, d.span.begin, options.lang); !where.empty()) {
      w.key("location");
      w.value(where);
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
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
  write_json_streaming_last_array(out, doc, [&](auto& emit) {
    files.for_each([&](const FileResult& f) {
      emit.write([&](std::string& text, std::string_view indent) { write_file(text, indent, f, options); });
    });
  });
}

}  // namespace nblint
