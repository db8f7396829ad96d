// What ingest hands to the parser: the source (for positions), the text to parse, and, for
// formats with real structure (HTML, DOCX), the tables as cells.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "ingest/source_text.h"
#include "model/span.h"

namespace nblint {

enum class Format { Text, Markdown, Html, Docx, Pdf };

const char* format_name(Format f);

struct ExtractedCell {
  std::uint32_t row = 0, column = 0;        // 0-based grid position (after span expansion)
  std::uint32_t row_span = 1, col_span = 1;  // as written (rowspan/colspan, vMerge/gridSpan)
  bool continuation = false;                 // a grid slot covered by a span started elsewhere
  std::string text;                          // cell text, blanks trimmed, paragraphs joined by a space
  Span span;                                 // where the cell's text is, in SourceText::text
};

struct ExtractedTable {
  std::uint32_t rows = 0, columns = 0;
  std::vector<ExtractedCell> cells;  // row-major; every grid slot appears once
  Span span;
};

// For DOCX and PDF, where a line of the synthetic source text came from (JSON "location").
struct LineLocation {
  enum class Kind : std::uint8_t { Paragraph, TableRow, PageLine } kind = Kind::Paragraph;
  std::uint32_t paragraph = 0;            // 1-based ordinal among body paragraphs (Paragraph)
  std::uint32_t page = 0, page_line = 0;  // 1-based page and line on the page (PageLine, PDF)
  std::uint32_t table = 0, row = 0;       // 1-based (TableRow)
  std::vector<std::uint32_t> cell_starts; // byte offset in the line where each cell begins
  int outline_level = 0;                  // heading style level (标题 1 / Heading1 → 1), 0 if none
};

struct Document {
  SourceText source;
  Format format = Format::Text;
  // For HTML, the text the parser reads (one block or table row per line) and where each of
  // its bytes is in source.text (size content.size() + 1). Other formats parse source.text.
  std::string content;
  std::vector<std::uint32_t> content_origin;
  std::vector<ExtractedTable> tables;
  std::vector<LineLocation> line_locations;  // DOCX, PDF: one per source line (see keep_only_lines)
  std::vector<std::uint32_t> location_lines;  // after keep_only_lines: line_locations[i] is this line's

  // Where line `line` (1-based) came from; null when the format has no line locations.
  const LineLocation* line_location(std::uint32_t line) const;
  // What output needs of a checked document (cli/lint_run): the source compacted to `keep`
  // (SourceText::keep_only_lines) with those lines' locations; the parser's input is dropped.
  void keep_only_lines(std::vector<std::uint32_t> keep);

  std::string_view parse_text() const { return content_origin.empty() ? std::string_view(source.text) : content; }
  const std::vector<std::uint32_t>* parse_origin() const { return content_origin.empty() ? nullptr : &content_origin; }
};

}  // namespace nblint
