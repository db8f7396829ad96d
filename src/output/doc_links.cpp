#include "output/doc_links.h"

#include "util/file_uri.h"

namespace nblint {

std::string docs_url(std::string_view doc_base) {
  std::string base = doc_base.empty() ? file_uri(NBLINT_DOC_DIR) : std::string(doc_base);
  if (!base.ends_with('/')) base += '/';
  return base;
}

std::string rule_doc_url(std::string_view rule, std::string_view doc_base) {
  return docs_url(doc_base) + "rules/" + std::string(rule) + ".md";
}

}  // namespace nblint
