#include "lsp/lsp_diagnostic.h"

#include "output/doc_links.h"

namespace nblint::lsp {

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Info: return 3;
  }
  return 1;
}

LspRange lsp_range(Span span, const SourceText& source, const Utf16Lines& lines) {
  // The editor's text is UTF-8, so the only difference from source.text is a dropped BOM.
  return {lines.position(span.begin + source.bom_bytes), lines.position(span.end + source.bom_bytes)};
}

nlohmann::json to_json(const LspRange& range) {
  return {{"start", {{"line", range.start.line}, {"character", range.start.character}}},
          {"end", {{"line", range.end.line}, {"character", range.end.character}}}};
}

nlohmann::json lsp_diagnostic(const Diagnostic& d, const SourceText& source, const Utf16Lines& lines,
                              std::string_view doc_base) {
  return {{"range", to_json(lsp_range(d.span, source, lines))},
          {"severity", lsp_severity(d.severity)},
          {"code", d.rule},
          {"codeDescription", {{"href", rule_doc_url(d.rule, doc_base)}}},
          {"source", "nblint"},
          {"message", d.message}};
}

}  // namespace nblint::lsp
