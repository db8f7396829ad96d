// .docx to text: unzip (libzip) and read word/document.xml (pugixml).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ingest/document.h"

namespace nblint {

struct DocxLimits {
  std::uint64_t max_document_xml = 256ull << 20;  // uncompressed word/document.xml (zip bombs)
  std::uint64_t max_compression_ratio = 200;      // uncompressed / compressed, beyond: a bomb
};

struct DocxText {
  // Body paragraphs in reading order, one per line; each table row is one line with its cells
  // joined by " | " (a cell with several paragraphs has them joined by a space).
  std::string text;
  std::vector<LineLocation> lines;     // one per line of `text`
  std::vector<ExtractedTable> tables;  // gridSpan / vMerge expanded; spans in `text`
};

struct DocxError {
  enum class Kind {
    NotZip, Encrypted, NoDocument, TooLarge, BadXml,
    ReaderUnavailable,  // libzip (ingest/zip_library) could not be loaded; detail says why
  };
  Kind kind;
  std::string detail;
};

std::variant<DocxText, DocxError> read_docx(std::string_view bytes, const DocxLimits& limits = {});

}  // namespace nblint
