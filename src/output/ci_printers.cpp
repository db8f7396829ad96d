// Output for CI systems and review tools: GitHub workflow commands, SARIF 2.1.0, rdjson.
#include <cctype>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "output/doc_links.h"
#include "output/json_stream.h"
#include "output/printers.h"
#include "rules/catalogue.h"
#include "util/file_uri.h"

namespace nblint {

namespace {

using Json = OrderedJson;

// Workflow command escaping: the message escapes % CR LF; properties also : and ,.
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "error";
}

std::string_view rdjson_severity(Severity s) {
  switch (s) {
    case Severity::Error: return "ERROR";
    case Severity::Warning: return "WARNING";
    case Severity::Info: return "INFO";
  }
  return "ERROR";
}

// A checked file's path relative to options.root, or empty when it lies outside (or is stdin).
std::string relative_to_root(const FileResult& f, const OutputOptions& options) {
  if (f.path == "-" || options.root.empty()) return {};
  std::error_code ec;
  const auto file = std::filesystem::weakly_canonical(f.path, ec);
  const auto root = std::filesystem::weakly_canonical(options.root, ec);
  if (ec) return {};
  const auto rel = file.lexically_relative(root);
  if (rel.empty() || rel.begin()->string() == "..") return {};
  return rel.generic_string();
}

std::string display_name(const FileResult& f) { return f.error ? f.path : f.source().display_path; }

}  // namespace

void print_github(std::ostream& out, const FileResult& file, const OutputOptions& options) {
  for (const Diagnostic& d : file.diagnostics) {
    const Position begin = position_of(file.source(), d.span.begin, options.unit);
    const Position end = position_of(file.source(), d.span.end, options.unit);
    const std::string_view command = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "notice";
    out << "::" << command << " file=" << escape_property(file.source().display_path) << ",line=" << begin.line
        << ",endLine=" << end.line << ",col=" << begin.column << ",endColumn=" << end.column
        << ",title=" << escape_property("nblint " + d.rule) << "::" << escape_data(d.message) << '\n';
  }
}

void print_sarif(std::ostream& out, const ResultSequence& files, const OutputOptions& options) {
  const Catalogue& catalogue = Catalogue::builtin();
  Json rules = Json::array();
  std::map<std::string, std::size_t, std::less<>> rule_index;
  for (const RuleInfo& r : catalogue.rules()) {
    rule_index.emplace(r.id, rules.size());
    Json rule = {{"id", r.id},
                 {"shortDescription", {{"text", r.summary.get(options.lang)}}},
                 {"helpUri", rule_doc_url(r.id, options.doc_base)},
                 {"defaultConfiguration", {{"level", sarif_level(r.severity)}}}};
    rules.push_back(std::move(rule));
  }
  const auto artifact_of = [&](const FileResult& f) {
    const std::string relative = relative_to_root(f, options);
    if (!relative.empty()) return Json{{"uri", relative}, {"uriBaseId", "%SRCROOT%"}};
    std::error_code ec;
    return Json{{"uri", f.path == "-" ? std::string("stdin") : file_uri(std::filesystem::absolute(f.path, ec).string())}};
  };
  // The notifications come before the results in the document: a first pass over the files
  // collects them (unreadable files only), the second writes the results as it goes.
  Json notifications = Json::array();
  files.for_each([&](const FileResult& f) {
    if (!f.error) return;
    notifications.push_back({{"level", "error"},
                             {"message", {{"text", display_name(f) + ": " + f.error_message}}},
                             {"locations", Json::array({{{"physicalLocation", {{"artifactLocation", artifact_of(f)}}}}})}});
  });
  Json run = {{"tool",
               {{"driver",
                 {{"name", "nblint"},
                  {"version", NBLINT_VERSION},
                  {"informationUri", docs_url(options.doc_base)},
                  {"rules", std::move(rules)}}}}}};
  if (!options.root.empty()) {
    std::error_code ec;
    std::string root = file_uri(std::filesystem::weakly_canonical(options.root, ec).string());
    if (!root.ends_with('/')) root += '/';
    run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", root}}}};
  }
  run["invocations"] = Json::array({{{"executionSuccessful", notifications.empty()},
                                     {"toolExecutionNotifications", std::move(notifications)}}});
  run["columnKind"] = options.unit == ColumnUnit::Utf16 ? "utf16CodeUnits" : "unicodeCodePoints";
  run["results"] = Json::array();
  Json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", Json::array({std::move(run)})}};
  write_json_streaming_last_array(out, doc, [&](auto& emit) {
    files.for_each([&](const FileResult& f) {
      if (f.error) return;
      const Json artifact = artifact_of(f);
      for (const Diagnostic& d : f.diagnostics) {
        const Position begin = position_of(f.source(), d.span.begin, options.unit);
        const Position end = position_of(f.source(), d.span.end, options.unit);
        Json result = {{"ruleId", d.rule}};
        if (const auto it = rule_index.find(d.rule); it != rule_index.end()) result["ruleIndex"] = it->second;
        result["level"] = sarif_level(d.severity);
        result["message"] = {{"text", d.message}};
        result["locations"] = Json::array(
            {{{"physicalLocation",
               {{"artifactLocation", artifact},
                {"region",
                 {{"startLine", begin.line}, {"startColumn", begin.column}, {"endLine", end.line}, {"endColumn", end.column}}}}}}});
        emit(result);
      }
    });
  });
}

void print_rdjson(std::ostream& out, const ResultSequence& files, const OutputOptions& options) {
  const Json doc = {{"source", {{"name", "nblint"}}}, {"diagnostics", Json::array()}};
  write_json_streaming_last_array(out, doc, [&](auto& emit) {
    files.for_each([&](const FileResult& f) {
      for (const Diagnostic& d : f.diagnostics) {
        const Position begin = position_of(f.source(), d.span.begin, ColumnUnit::Byte);
        const Position end = position_of(f.source(), d.span.end, ColumnUnit::Byte);
        emit(Json{{"message", d.message},
                  {"location",
                   {{"path", display_name(f)},
                    {"range", {{"start", {{"line", begin.line}, {"column", begin.column}}},
                               {"end", {{"line", end.line}, {"column", end.column}}}}}}},
                  {"severity", rdjson_severity(d.severity)},
                  {"code", {{"value", d.rule}, {"url", rule_doc_url(d.rule, options.doc_base)}}}});
      }
    });
  });
}

}  // namespace nblint
