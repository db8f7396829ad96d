// Where a position is, in words, for formats without text lines of their own (DOCX):
// "第12段" / "表2 第5行 第3列" (zh), "paragraph 12" / "table 2, row 5, column 3" (en).
#pragma once
#include <cstdint>
#include <string>

#include "ingest/document.h"
#include "util/lang.h"

namespace nblint {

// Empty when the document has no line locations (text, Markdown, HTML).
std::string describe_location(const Document& document, std::uint32_t offset, Lang lang);

}  // namespace nblint
