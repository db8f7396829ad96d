// Links to the rule pages, the same for every consumer (SARIF helpUri, rdjson code.url, LSP
// codeDescription.href): <base>rules/<group>/<name>.md, where the base is where docs/ is
// published (--doc-url) or, by default, the installed docs as a file: URI.
#pragma once
#include <string>
#include <string_view>

namespace nblint {

// The documentation's base URL, ending with '/'.
std::string docs_url(std::string_view doc_base);
std::string rule_doc_url(std::string_view rule, std::string_view doc_base);

}  // namespace nblint
