// HTML to parser text with positions in the HTML source (gumbo, an HTML5 parser).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/document.h"

namespace nblint {

struct HtmlText {
  // Block elements (p, div, h1–h6, li, br, tr …) become lines; a table row becomes one line
  // "cell | cell | cell" so the parser sees it as a row. script, style, noscript, template,
  // nav, header, footer, aside, form, select, button and elements hidden with the `hidden`
  // attribute are skipped. Comments become lines of their own ("<!-- … -->"), verbatim, so
  // that inline suppression comments keep working.
  std::string content;
  std::vector<std::uint32_t> origin;  // origin[i] = offset in the HTML of content byte i; size content.size()+1
  std::vector<ExtractedTable> tables; // real <table> cells, rowspan/colspan expanded, spans in the HTML
};

// `html` is the whole page as UTF-8. Never throws; gumbo recovers from any markup.
HtmlText read_html(std::string_view html);

// A page's text and origins once the document is done with them: the next page read takes their
// memory (util/spare_buffers) instead of fresh pages.
void give_back_html_text(std::string&& content, std::vector<std::uint32_t>&& origin);

}  // namespace nblint
