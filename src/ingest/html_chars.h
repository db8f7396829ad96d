// Character classes of HTML source text, shared by the parts of the HTML reader
// (html_reader.cpp, html_nesting_guard.cpp, html_text_align.cpp). Internal to src/ingest.
#pragma once
#include <cstddef>

namespace nblint::html {

// HTML's ASCII whitespace: space, tab, LF, FF, CR.
inline bool is_html_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
inline bool is_ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool is_ascii_alnum(unsigned char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Length of the UTF-8 sequence a lead byte announces; 1 for anything that is not a lead byte.
inline std::size_t utf8_len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  if ((c >> 3) == 0x1E) return 4;
  return 1;
}

}  // namespace nblint::html
