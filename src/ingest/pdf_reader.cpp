// Placeholder until the poppler-cpp reader lands.
#include "ingest/pdf_reader.h"

namespace nblint {

std::variant<PdfText, PdfError> read_pdf(std::string_view) {
  return PdfError{PdfError::Kind::NoText, "not implemented"};
}

}  // namespace nblint
