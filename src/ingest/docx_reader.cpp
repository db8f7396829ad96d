// Placeholder until the libzip + pugixml reader lands.
#include "ingest/docx_reader.h"

namespace nblint {

std::variant<DocxText, DocxError> read_docx(std::string_view, const DocxLimits&) {
  return DocxError{DocxError::Kind::NotZip, "not implemented"};
}

}  // namespace nblint
