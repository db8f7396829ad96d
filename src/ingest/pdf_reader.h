// .pdf to text with poppler-cpp: one line per text line, pages in order. The poppler code lives in
// a module loaded on the first PDF (src/ingest/pdf_module.cpp); read_pdf() loads it.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ingest/document.h"

namespace nblint {

struct PdfText {
  std::string text;                 // lines (paragraphs, headings, table rows) of all pages, '\n'-separated
  std::vector<LineLocation> lines;  // one per line of `text` (Kind::Paragraph; `paragraph` = page number)
  std::vector<std::uint32_t> line_on_page;  // 1-based line number within its page, one per line
};

struct PdfError {
  enum class Kind {
    Damaged, Encrypted, NoText,
    ReaderUnavailable,  // the PDF module (libnblint_pdf.so) could not be loaded; detail says why
  };
  Kind kind;
  std::string detail;
};

std::variant<PdfText, PdfError> read_pdf(std::string_view bytes);

}  // namespace nblint
