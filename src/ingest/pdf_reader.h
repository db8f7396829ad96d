// .pdf to text with poppler-cpp: one line per text line, pages in order.
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
  enum class Kind { Damaged, Encrypted, NoText };
  Kind kind;
  std::string detail;
};

std::variant<PdfText, PdfError> read_pdf(std::string_view bytes);

}  // namespace nblint
