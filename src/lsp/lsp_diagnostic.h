// nblint findings as LSP Diagnostic objects: UTF-16 ranges in the editor's text, severity
// 1/2/3, code = rule id, codeDescription.href = the rule's page, source "nblint".
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ingest/source_text.h"
#include "lsp/utf16_position.h"
#include "rules/diagnostic.h"

namespace nblint::lsp {

int lsp_severity(Severity s);  // 1 error, 2 warning, 3 information

// Where `span` of source.text is in the editor's text (`lines` indexes it; the two differ by a
// byte-order mark at most).
LspRange lsp_range(Span span, const SourceText& source, const Utf16Lines& lines);

nlohmann::json lsp_diagnostic(const Diagnostic& d, const SourceText& source, const Utf16Lines& lines,
                              std::string_view doc_base);

nlohmann::json to_json(const LspRange& range);

}  // namespace nblint::lsp
