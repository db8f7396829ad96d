// HTML to parser text with positions in the HTML source, using gumbo (Debian's libgumbo 0.10.1).
//
// What comes out (see html_reader.h for the contract):
//   - The DOM is walked in document order with an explicit stack (never recursion), so a page
//     nested arbitrarily deep cannot overflow the stack here.
//   - Text nodes contribute their text. Block-level elements (p, div, h1–h6, li, br, tr …) end
//     the current line. Inside a line, runs of HTML whitespace (space, tab, LF, FF, CR) collapse
//     to one space; lines are trimmed; blank lines are dropped, so lines are separated by exactly
//     one '\n' and `content` has no trailing newline. U+00A0 (&nbsp;) is kept as it is (the
//     parser treats it as blank). One refinement of "collapse to one space", from CSS Text 3
//     (segment break transformation, as Firefox renders it): whitespace that contains a line
//     break and sits between two East Asian wide characters is removed instead, so a source line
//     wrapped inside Chinese text ("统计期限自…起至\n2025年…") does not gain a space.
//   - <pre> keeps its lines as they are (no collapsing, no trimming; blank lines still dropped).
//   - Skipped with everything in them: script, style, noscript, template, head, title, nav,
//     aside, select, button, textarea, iframe, svg, and any element with the `hidden` attribute
//     or a `style` containing display:none. Three elements are skipped only when they are page
//     furniture, because real report pages put report text in them:
//       * header and footer are skipped unless they sit inside article, section or main (there
//         they are the article's own header, typically the report title and its date);
//       * form is skipped unless it wraps content (it contains p, h1–h6, pre, article, section
//         or main, or more than 300 bytes of text): ASP.NET WebForms pages wrap the whole page
//         body, report included, in one <form>; a search box is still dropped.
//   - Comments become lines of their own, "<!--…-->", verbatim from the source except that line
//     breaks inside a comment become spaces (a comment is one line, so a commented-out
//     "<p>一、总体情况</p>" can never look like a heading). Comments in <head> are kept too (a
//     file-level suppression comment may live there); comments in other skipped elements are
//     not. A comment inside a table row is emitted after the row's line.
//
// Tables:
//   - A data table becomes an ExtractedTable and each of its rows ONE line: the texts of the
//     cells written in that row (not the expanded grid) joined by " | "; a cell whose text has
//     several lines (paragraphs, br) has them joined by a space.
//     Rows whose cells are all empty produce no line. A <caption> is a line of its own.
//     ExtractedCell::text is the same text (lines trimmed, joined by a space, as document.h
//     and the DOCX reader have it).
//   - A LAYOUT table is not a data table: old government pages put the whole report (headings,
//     paragraphs and the statistics tables) into the cells of one big table. A table is taken
//     for layout when one of its own cells contains a heading (h1–h6), or a nested table and
//     at least two lines of its own (paragraphs, br …), or more than 12 lines or 800 bytes of
//     text of its own. Its rows and cells are then ordinary blocks (each cell starts a new
//     line) and it is NOT listed in `tables`; the data tables nested in it are.
//   - A table nested in a data table's cell is left out of that cell's text; its lines follow
//     the outer row's line, and it is its own ExtractedTable (after the outer one: `tables` is
//     in order of the tables' start tags, like the DOCX reader).
//   - Grid: rowspan/colspan expanded (HTML table model), row-major, every slot once; slots
//     covered by another cell's span are `continuation` with empty text and the originating
//     cell's spans. colspan: invalid, 0 or negative → 1; rowspan: invalid or negative → 1, 0 →
//     to the end of its row group (tbody/thead/tfoot), and any rowspan is clamped to the rows
//     left in its row group, as browsers do. row_span/col_span are these effective values.
//     Short rows are padded with empty cells (empty span at the row's end).
//   - Caps (the same as the DOCX reader): 1000 grid columns — a cell starting beyond column 1000
//     (and every later cell of that row) is left out of the grid, a colspan reaching past it is
//     cut; 100,000 grid slots (rows × columns) per table — the row that would cross it and all
//     later rows are left out of the grid. Cells left out still appear in their row's line.
//   - Cell span: from the first to the last character of the cell's text in the HTML source
//     (an entity counts whole); an empty cell has an empty span at its start tag.
//
// Positions: origin[i] is the byte offset in `html` of the character content byte i came from.
// Text is aligned with gumbo's `original_text` (the raw slice) character by character: an
// entity (&amp; &#20013; &nbsp …) maps all its decoded bytes to its '&', CR LF maps to the CR.
// Inserted line breaks and " | " separators map to the element that caused them. origin has
// content.size() + 1 entries, the last being html.size(), and is non-decreasing: gumbo moves
// some nodes away from their source position (foster parenting puts text misplaced inside a
// table before the table), and lines of nested tables and comments in rows come after their
// row; a final pass clamps every entry to at least the previous one.
//
// What gumbo 0.10.1 does that one must guard against (measured on this machine):
//   1. With the default options it records every parse error together with a copy of the whole
//      stack of open elements. A page of 100,000 unclosed <div>s produces one error per element
//      at EOF: quadratic memory, the process was OOM-killed. We set max_errors = 0 (we never
//      read the errors).
//   2. Its tree construction is quadratic in the nesting depth (the "p element in button scope"
//      check walks the whole stack of open elements on every block start tag): 10,000 nested
//      <div>s take 0.1 s, 30,000 take 1 s, 100,000 take 16 s; nested <ul><li> is worse.
//   3. It frees (and, at the end of parsing, tears down) the tree recursively: about 1,000,000
//      nested <span>s overflow an 8 MiB stack inside gumbo_parse itself.
//   4. Formatting elements (b, font, a …) left open are re-created by the tree builder ("reconstruct
//      the active formatting elements") in every later paragraph, and Noah's Ark only limits
//      IDENTICAL ones: 30,000 paragraphs "<p><font color=N>x</p>" build ~450 million elements
//      (OOM-killed). 100,000 nested "<a><div>" did not finish in two minutes.
//   5. A text node is inserted when gumbo flushes its text buffer, which for </form> happens
//      after the form is closed: in "<div><form><input>搜索</form></div>" the text 搜索 ends up
//      in the div, after the form (whose end_pos is 0). So the last text of a skipped search
//      form can escape the skip; nothing to do about it here.
//   Hence a cheap pre-scan (NestingLimiter) over a copy of the input, which keeps every byte
//   offset and all text as they are:
//     - formatting elements are renamed to unknown inline elements of the same length, start and
//       end tags alike ("<font color=red>" → "<xont color=red>", "</b>" → "</x>"): their
//       attributes (hidden, style) still count, text and its order are unchanged (the adoption
//       agency never reorders text), and none of point 4 can happen;
//     - it estimates the depth of open elements the way the tree builder would (implied end
//       tags of p, li, dd/dt, option, table parts and headings; end tags closing through their
//       match, "any other end tag" stopping at special elements) and turns every start tag that
//       would open an element beyond depth 256 into an end tag gumbo ignores ("</>", or
//       "</z" + spaces + ">"; spaces would have added text). Only structure that deep is lost;
//       a real page is far shallower. Raw-text elements (script, style …) are never touched.
//
// Inputs of 4 GiB or more (gumbo's and the 32-bit offsets' limit) are cut at 4 GiB − 2 bytes.
#include "ingest/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <deque>
#include <limits>
#include <memory>
#include <unordered_map>

namespace nblint {
namespace {

constexpr std::uint32_t kMaxGridColumns = 1000;
constexpr std::uint32_t kMaxTableSlots = 100000;
constexpr std::size_t kMaxNesting = 256;
constexpr std::uint32_t kMaxRowSpan = 65534;
constexpr std::uint32_t kLayoutCellBytes = 800;
constexpr std::uint32_t kLayoutCellLines = 12;
constexpr std::uint32_t kFormWrapperBytes = 300;
constexpr std::int32_t kNone = -1;
constexpr std::size_t npos = std::string_view::npos;

// ---------------------------------------------------------------------------------------------
// Characters

bool is_html_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool is_ascii_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_ascii_alnum(unsigned char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::size_t utf8_len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  if ((c >> 3) == 0x1E) return 4;
  return 1;
}

char32_t decode_cp(const char* p, std::size_t n) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(p[i]); };
  switch (n) {
    case 2: return ((b(0) & 0x1Fu) << 6) | (b(1) & 0x3Fu);
    case 3: return ((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
    case 4: return ((b(0) & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
    default: return b(0);
  }
}

// East Asian wide / fullwidth (CSS Text 3 segment break rule; Hangul excluded as CSS says).
bool is_east_asian_wide(char32_t c) {
  return (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_blank_cp(char32_t c) { return c < 0x80 ? is_html_ws(static_cast<unsigned char>(c)) : (c == 0xA0 || c == 0x3000); }

// ---------------------------------------------------------------------------------------------
// Element classes

bool is_heading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 ||
         t == GUMBO_TAG_H6;
}

bool is_void(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_BR: case GUMBO_TAG_COL: case GUMBO_TAG_EMBED: case GUMBO_TAG_FRAME: case GUMBO_TAG_HR:
    case GUMBO_TAG_IMAGE: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR: case GUMBO_TAG_MENUITEM: case GUMBO_TAG_ISINDEX:
    case GUMBO_TAG_SPACER:
      return true;
    default:
      return false;
  }
}

bool is_formatting(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_NOBR: case GUMBO_TAG_S: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_TT: case GUMBO_TAG_U:
      return true;
    default:
      return false;
  }
}

bool is_raw_text(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_XMP: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Start tags that close an open <p> (tree construction, "in body").
bool closes_p(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_FORM: case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_XMP: case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
      return true;
    default:
      return false;
  }
}

// Elements whose end tag "any other end tag" may not close through (the spec's "special").
bool is_special(GumboTag t) {
  if (closes_p(t) || is_heading(t)) return true;
  switch (t) {
    case GUMBO_TAG_APPLET: case GUMBO_TAG_BODY: case GUMBO_TAG_BUTTON: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_COLGROUP: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_HTML: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_MARQUEE: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_SELECT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_TR:
      return true;
    default:
      return false;
  }
}

// Scope boundaries of "has an element in scope".
bool is_scope_marker(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_APPLET: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HTML: case GUMBO_TAG_TABLE: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_TEMPLATE:
      return true;
    default:
      return false;
  }
}

bool is_table_part(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION:
      return true;
    default:
      return false;
  }
}

// Elements that end the current line where they start and where they end.
bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_DL:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_BR: case GUMBO_TAG_HR: case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_DIR:
    case GUMBO_TAG_MENU: case GUMBO_TAG_LISTING: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_XMP:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_MARQUEE:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Pre-scan: keep the depth gumbo builds bounded (see the file comment, points 2 and 3).

class NestingLimiter {
 public:
  explicit NestingLimiter(std::string_view in) : in_(in) {}

  // Returns true when some tag was rewritten; the rewritten copy is then in `out`.
  bool run(std::string& out) {
    out_ = &out;
    const std::size_t n = in_.size();
    std::size_t p = 0;
    while (p < n) {
      p = in_.find('<', p);
      if (p == npos || p + 1 >= n) break;
      const unsigned char c = static_cast<unsigned char>(in_[p + 1]);
      if (in_.compare(p, 4, "<!--") == 0) {
        std::size_t q = p + 4;
        if (q < n && in_[q] == '>') { p = q + 1; continue; }
        if (in_.compare(q, 2, "->") == 0) { p = q + 2; continue; }
        const std::size_t e = in_.find("-->", q);
        if (e == npos) break;
        p = e + 3;
      } else if (c == '!' || c == '?') {
        const bool cdata = foreign_ > 0 && in_.compare(p, 9, "<![CDATA[") == 0;
        const std::size_t e = cdata ? in_.find("]]>", p + 9) : in_.find('>', p + 2);
        if (e == npos) break;
        p = e + (cdata ? 3 : 1);
      } else if (c == '/') {
        if (p + 2 < n && is_ascii_alpha(static_cast<unsigned char>(in_[p + 2]))) {
          std::size_t q = read_name(p + 2);
          bool self_closing = false;
          q = skip_attributes(q, self_closing);
          if (q == npos) break;
          end_tag();
          p = q;
        } else if (p + 2 < n && in_[p + 2] == '>') {
          p += 3;
        } else {
          const std::size_t e = in_.find('>', p + 2);
          if (e == npos) break;
          p = e + 1;
        }
      } else if (is_ascii_alpha(c)) {
        std::size_t q = read_name(p + 1);
        bool self_closing = false;
        q = skip_attributes(q, self_closing);
        if (q == npos) break;
        const GumboTag tag = tag_;
        start_tag(p, q, self_closing);
        if (tag == GUMBO_TAG_PLAINTEXT) break;
        if (is_raw_text(tag)) {
          q = find_end_tag(q);
          if (q == npos) break;
        }
        p = q;
      } else {
        ++p;
      }
    }
    return changed_;
  }

 private:
  struct Open {
    GumboTag tag;
    std::string name;  // only for GUMBO_TAG_UNKNOWN
  };

  std::size_t read_name(std::size_t p) {
    const std::size_t begin = p;
    name_.clear();
    const std::size_t n = in_.size();
    while (p < n && !is_html_ws(static_cast<unsigned char>(in_[p])) && in_[p] != '/' && in_[p] != '>') {
      if (name_.size() < 64) name_ += ascii_lower(in_[p]);
      ++p;
    }
    tag_ = gumbo_tagn_enum(name_.c_str(), static_cast<unsigned int>(name_.size()));
    if (is_formatting(tag_)) {  // see the file comment, point 4
      writable()[begin] = 'x';
      name_[0] = 'x';
      tag_ = GUMBO_TAG_UNKNOWN;
    }
    return p;
  }

  // After a tag name: returns the offset after the tag's '>', or npos at EOF inside the tag.
  std::size_t skip_attributes(std::size_t p, bool& self_closing) const {
    const std::size_t n = in_.size();
    self_closing = false;
    while (p < n) {
      const char c = in_[p];
      if (is_html_ws(static_cast<unsigned char>(c))) { ++p; continue; }
      if (c == '>') return p + 1;
      if (c == '/') {
        if (p + 1 < n && in_[p + 1] == '>') {
          self_closing = true;
          return p + 2;
        }
        ++p;
        continue;
      }
      ++p;  // the first character of an attribute name may be anything, even '='
      while (p < n && !is_html_ws(static_cast<unsigned char>(in_[p])) && in_[p] != '/' && in_[p] != '>' &&
             in_[p] != '=')
        ++p;
      while (p < n && is_html_ws(static_cast<unsigned char>(in_[p]))) ++p;
      if (p < n && in_[p] == '=') {
        ++p;
        while (p < n && is_html_ws(static_cast<unsigned char>(in_[p]))) ++p;
        if (p < n && (in_[p] == '"' || in_[p] == '\'')) {
          const std::size_t q = in_.find(in_[p], p + 1);
          if (q == npos) return npos;
          p = q + 1;
        } else {
          while (p < n && !is_html_ws(static_cast<unsigned char>(in_[p])) && in_[p] != '>') ++p;
        }
      }
    }
    return npos;
  }

  // The start of "</name" (case-insensitive, followed by a tag-name terminator) at or after p.
  std::size_t find_end_tag(std::size_t p) const {
    const std::size_t n = in_.size();
    while ((p = in_.find("</", p)) != npos) {
      std::size_t k = 0;
      while (k < name_.size() && p + 2 + k < n && ascii_lower(in_[p + 2 + k]) == name_[k]) ++k;
      const std::size_t after = p + 2 + k;
      if (k == name_.size() &&
          (after >= n || is_html_ws(static_cast<unsigned char>(in_[after])) || in_[after] == '/' || in_[after] == '>'))
        return p;
      p += 2;
    }
    return npos;
  }

  bool matches(const Open& o) const { return o.tag == tag_ && (tag_ != GUMBO_TAG_UNKNOWN || o.name == name_); }

  // Index of the topmost open element satisfying `hit`, searching down from the top and giving
  // up at the first element satisfying `stop`; npos if none.
  template <class Hit, class Stop>
  std::size_t find_open(Hit hit, Stop stop) const {
    for (std::size_t i = open_.size(); i-- > 0;) {
      if (hit(open_[i])) return i;
      if (stop(open_[i])) return npos;
    }
    return npos;
  }

  std::size_t nearest_table() const {
    return find_open([](const Open& o) { return o.tag == GUMBO_TAG_TABLE; },
                     [](const Open& o) { return o.tag == GUMBO_TAG_TEMPLATE || o.tag == GUMBO_TAG_HTML; });
  }

  // Where the stack would be cut (new size) by closing an open <p> in button scope.
  std::size_t p_cut(std::size_t size) const {
    for (std::size_t i = size; i-- > 0;) {
      if (open_[i].tag == GUMBO_TAG_P) return i;
      if (is_scope_marker(open_[i].tag) || open_[i].tag == GUMBO_TAG_BUTTON) break;
    }
    return size;
  }

  void pop_to(std::size_t size) {
    while (open_.size() > size) {
      if (open_.back().tag == GUMBO_TAG_SVG || open_.back().tag == GUMBO_TAG_MATH) --foreign_;
      open_.pop_back();
    }
  }

  void start_tag(std::size_t begin, std::size_t end, bool self_closing) {
    const GumboTag t = tag_;
    if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_BODY || is_void(t) || is_raw_text(t) ||
        t == GUMBO_TAG_COLGROUP || t == GUMBO_TAG_FRAMESET)
      return;
    if (self_closing && (foreign_ > 0 || t == GUMBO_TAG_SVG || t == GUMBO_TAG_MATH)) return;
    std::size_t size = open_.size();  // the stack size after this tag's implied end tags
    const auto is_tag = [](GumboTag want) { return [want](const Open& o) { return o.tag == want; }; };
    const auto never = [](const Open&) { return false; };
    const auto scope = [](const Open& o) { return is_scope_marker(o.tag); };
    switch (t) {
      case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
      case GUMBO_TAG_TFOOT: case GUMBO_TAG_CAPTION: {
        const std::size_t table = nearest_table();
        if (table == npos) return;  // outside a table these start tags are ignored
        size = table + 1;
        for (std::size_t i = table + 1; i < open_.size(); ++i) {
          const GumboTag o = open_[i].tag;
          if ((t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) && o == GUMBO_TAG_TR) size = i + 1;
          if ((t == GUMBO_TAG_TD || t == GUMBO_TAG_TH || t == GUMBO_TAG_TR) &&
              (o == GUMBO_TAG_TBODY || o == GUMBO_TAG_THEAD || o == GUMBO_TAG_TFOOT) && size <= i)
            size = i + 1;
        }
        break;
      }
      case GUMBO_TAG_TABLE: {
        const std::size_t ctx = find_open(
            [](const Open& o) {
              return o.tag == GUMBO_TAG_TABLE || o.tag == GUMBO_TAG_TD || o.tag == GUMBO_TAG_TH ||
                     o.tag == GUMBO_TAG_CAPTION;
            },
            never);
        if (ctx != npos && open_[ctx].tag == GUMBO_TAG_TABLE) size = ctx;  // <table> in a table closes it
        break;
      }
      case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT: {
        const std::size_t i = find_open(
            [t](const Open& o) {
              return t == GUMBO_TAG_LI ? o.tag == GUMBO_TAG_LI : (o.tag == GUMBO_TAG_DD || o.tag == GUMBO_TAG_DT);
            },
            [](const Open& o) {
              return is_special(o.tag) && o.tag != GUMBO_TAG_ADDRESS && o.tag != GUMBO_TAG_DIV && o.tag != GUMBO_TAG_P;
            });
        if (i != npos) size = i;
        size = p_cut(size);
        break;
      }
      case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP:
        if (size > 0 && open_[size - 1].tag == GUMBO_TAG_OPTION) --size;
        if (t == GUMBO_TAG_OPTGROUP && size > 0 && open_[size - 1].tag == GUMBO_TAG_OPTGROUP) --size;
        break;
      case GUMBO_TAG_BUTTON: {
        const std::size_t i = find_open(is_tag(t), scope);
        if (i != npos) size = i;
        break;
      }
      case GUMBO_TAG_SELECT: {
        const std::size_t i = find_open(is_tag(GUMBO_TAG_SELECT), never);
        if (i != npos) {  // <select> inside a select acts as </select>
          pop_to(i);
          return;
        }
        break;
      }
      case GUMBO_TAG_FORM:
        if (find_open(is_tag(GUMBO_TAG_FORM), never) != npos) return;  // nested forms are ignored
        break;
      default:
        break;
    }
    if (closes_p(t) && t != GUMBO_TAG_LI && t != GUMBO_TAG_DD && t != GUMBO_TAG_DT) size = p_cut(size);
    if (is_heading(t) && size > 0 && is_heading(open_[size - 1].tag)) --size;
    if (size >= kMaxNesting) {
      neutralize(begin, end);
      return;
    }
    pop_to(size);
    open_.push_back({t, t == GUMBO_TAG_UNKNOWN ? name_ : std::string()});
    if (t == GUMBO_TAG_SVG || t == GUMBO_TAG_MATH) ++foreign_;
  }

  void end_tag() {
    const GumboTag t = tag_;
    if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_BODY || is_void(t) || is_raw_text(t)) return;
    std::size_t i = npos;
    if (t == GUMBO_TAG_P) {
      const std::size_t cut = p_cut(open_.size());
      if (cut != open_.size()) i = cut;
    } else if (is_table_part(t)) {
      i = find_open([this](const Open& o) { return matches(o); },
                    [t](const Open& o) { return t != GUMBO_TAG_TABLE && o.tag == GUMBO_TAG_TABLE; });
    } else if (is_heading(t)) {
      i = find_open([](const Open& o) { return is_heading(o.tag); }, [](const Open& o) { return is_scope_marker(o.tag); });
    } else if (is_special(t)) {
      i = find_open([this](const Open& o) { return matches(o); }, [](const Open& o) { return is_scope_marker(o.tag); });
    } else {
      i = find_open([this](const Open& o) { return matches(o); }, [](const Open& o) { return is_special(o.tag); });
    }
    if (i != npos) pop_to(i);
  }

  char* writable() {
    if (!changed_) {
      out_->assign(in_.data(), in_.size());
      changed_ = true;
    }
    return out_->data();
  }

  // A start tag [begin, end) becomes an end tag the tree builder ignores, of the same length.
  void neutralize(std::size_t begin, std::size_t end) {
    char* w = writable();
    if (end - begin < 4) {
      std::memcpy(w + begin, "</>", 3);
      return;
    }
    std::memcpy(w + begin, "</z", 3);
    std::fill(w + begin + 3, w + end - 1, ' ');
    w[end - 1] = '>';
  }

  std::string_view in_;
  std::string* out_ = nullptr;
  bool changed_ = false;
  std::vector<Open> open_;
  int foreign_ = 0;
  std::string name_;
  GumboTag tag_ = GUMBO_TAG_UNKNOWN;
};

// ---------------------------------------------------------------------------------------------
// Output: lines with origins

struct Line {
  std::string s;
  std::vector<std::uint32_t> o;  // source offset of each byte
  std::vector<std::uint32_t> e;  // source end of each byte's character (cells only)
};

// A sequence of lines joined by '\n' (no trailing newline), with origins.
struct Out {
  std::string text;
  std::vector<std::uint32_t> org;
  bool nl_set = false;  // a break was noted since the last line: the next '\n' maps there
  std::uint32_t nl = 0;

  void note_break(std::uint32_t src) {
    if (!nl_set) {
      nl_set = true;
      nl = src;
    }
  }
  void line(std::string_view s, const std::uint32_t* o) {
    if (s.empty()) return;
    if (!text.empty()) {
      text += '\n';
      org.push_back(nl_set ? nl : o[0]);
    }
    nl_set = false;
    text.append(s);
    org.insert(org.end(), o, o + s.size());
  }
  void append(const Out& other) {
    if (other.text.empty()) return;
    line(other.text, other.org.data());
    nl_set = other.nl_set;
    nl = other.nl;
  }
};

// Where text goes: either a flow of lines into an Out, or the lines of one table cell.
struct Sink {
  Out* out = nullptr;        // flow: its lines; cell: lines of nested tables and comments
  bool cell = false;
  std::vector<Line> cell_lines;
  Line cur;
  bool space = false, space_nl = false;
  std::uint32_t space_src = 0;
  char32_t last_cp = 0;

  bool cur_blank() const {
    for (std::size_t i = 0; i < cur.s.size();) {
      const std::size_t n = std::min(utf8_len(static_cast<unsigned char>(cur.s[i])), cur.s.size() - i);
      if (!is_blank_cp(decode_cp(cur.s.data() + i, n))) return false;
      i += n;
    }
    return true;
  }

  void push(const char* b, std::size_t n, std::uint32_t src, std::uint32_t end) {
    cur.s.append(b, n);
    cur.o.insert(cur.o.end(), n, src);
    if (cell) cur.e.insert(cur.e.end(), n, end);
  }

  // A character of collapsible text (not pre).
  void text_char(const char* b, std::size_t n, std::uint32_t src, std::uint32_t end) {
    const char32_t cp = decode_cp(b, n);
    if (cp < 0x80 && is_html_ws(static_cast<unsigned char>(cp))) {
      if (!space) {
        space = true;
        space_nl = false;
        space_src = src;
      }
      if (cp == '\n' || cp == '\r') space_nl = true;
      return;
    }
    if (space && !cur.s.empty() && !(space_nl && is_east_asian_wide(last_cp) && is_east_asian_wide(cp)))
      push(" ", 1, space_src, space_src + 1);
    space = false;
    push(b, n, src, end);
    last_cp = cp;
  }

  // A character inside <pre>: kept as it is; a line feed ends the line.
  void pre_char(const char* b, std::size_t n, std::uint32_t src, std::uint32_t end) {
    if (n == 1 && (*b == '\n' || *b == '\r')) {
      brk(src);
      return;
    }
    space = false;
    push(b, n, src, end);
    last_cp = decode_cp(b, n);
  }

  void commit() {
    if (!cur.s.empty() && !cur_blank()) {
      if (cell)
        cell_lines.push_back(std::move(cur));
      else
        out->line(cur.s, cur.o.data());
    }
    cur = Line();
    space = false;
    last_cp = 0;
  }

  void brk(std::uint32_t src) {
    commit();
    if (!cell) out->note_break(src);
  }
};

// ---------------------------------------------------------------------------------------------
// Aligning gumbo's decoded text with the raw source slice

// Compares d[i..] with o[j..] over the literal stretch that follows an entity: up to 12 bytes,
// stopping (consistent) where the source has another entity, a CR or a NUL, or markup where the
// decoded text ends too.
bool consistent(std::string_view d, std::size_t i, std::string_view o, std::size_t j) {
  for (int k = 0; k < 12; ++k, ++i, ++j) {
    if (j >= o.size()) return i >= d.size();
    const char c = o[j];
    if (c == '&' || c == '\r' || c == '\0') return true;
    if (c == '<') return i >= d.size() || d[i] == '<';  // markup, or a literal '<'
    if (i >= d.size() || d[i] != c) return false;
  }
  return true;
}

struct EntityMatch {
  std::size_t dlen;  // decoded bytes produced
  std::size_t oend;  // source offset after the entity (relative to the slice)
};

std::size_t cps_bytes(std::string_view d, std::size_t i, int count) {
  std::size_t k = i;
  for (int c = 0; c < count && k < d.size(); ++c) k += std::min(utf8_len(static_cast<unsigned char>(d[k])), d.size() - k);
  return k - i;
}

// o[j] == '&'. Returns how much of d and o the character reference covers, or dlen 0 when the
// '&' is a literal ampersand.
EntityMatch match_entity(std::string_view d, std::size_t i, std::string_view o, std::size_t j) {
  if (d[i] == '&' && consistent(d, i + 1, o, j + 1)) return {0, 0};
  std::size_t k = j + 1;
  if (k < o.size() && o[k] == '#') {
    std::size_t q = k + 1;
    const bool hex = q < o.size() && (o[q] == 'x' || o[q] == 'X');
    if (hex) ++q;
    const std::size_t digits = q;
    while (q < o.size() && (hex ? std::isxdigit(static_cast<unsigned char>(o[q])) != 0 : (o[q] >= '0' && o[q] <= '9'))) ++q;
    if (q == digits) return {0, 0};
    if (q < o.size() && o[q] == ';') ++q;
    return {cps_bytes(d, i, 1), q};
  }
  std::size_t run = 0;
  while (k + run < o.size() && run < 40 && is_ascii_alnum(static_cast<unsigned char>(o[k + run]))) ++run;
  if (run == 0) return {0, 0};
  for (int m = 1; m <= 2; ++m) {
    const std::size_t dl = cps_bytes(d, i, m);
    for (std::size_t len = run; len >= 1; --len) {
      const std::size_t e = k + len;
      if (e < o.size() && o[e] == ';' && consistent(d, i + dl, o, e + 1)) return {dl, e + 1};
      if (consistent(d, i + dl, o, e)) return {dl, e};
    }
  }
  if (d[i] == '&') return {0, 0};
  std::size_t e = k + run;
  if (e < o.size() && o[e] == ';') ++e;
  return {cps_bytes(d, i, 1), e};
}

// Calls emit(bytes, n, src, end) for each decoded character of a text node, with its position
// in the source (`base` is the offset of `o`, the node's original_text).
template <class Emit>
void align(std::string_view d, std::string_view o, std::uint32_t base, std::uint32_t limit, Emit emit) {
  const auto at = [&](std::size_t j) { return static_cast<std::uint32_t>(std::min<std::uint64_t>(base + j, limit)); };
  std::size_t i = 0, j = 0;
  while (i < d.size()) {
    const std::size_t n = std::min(utf8_len(static_cast<unsigned char>(d[i])), d.size() - i);
    if (j >= o.size()) {
      emit(d.data() + i, n, at(o.size()), at(o.size()));
      i += n;
      continue;
    }
    const char c = o[j];
    if (c == '&') {
      const EntityMatch m = match_entity(d, i, o, j);
      if (m.dlen > 0) {
        for (std::size_t k = i; k < i + m.dlen;) {
          const std::size_t cn = std::min(utf8_len(static_cast<unsigned char>(d[k])), i + m.dlen - k);
          emit(d.data() + k, cn, at(j), at(m.oend));
          k += cn;
        }
        i += m.dlen;
        j = m.oend;
        continue;
      }
    }
    if (c == '\r' && d[i] == '\n') {
      const std::size_t end = (j + 1 < o.size() && o[j + 1] == '\n') ? j + 2 : j + 1;
      emit(d.data() + i, 1, at(j), at(end));
      i += 1;
      j = end;
      continue;
    }
    if (j + n <= o.size() && o.compare(j, n, d.substr(i, n)) == 0) {
      emit(d.data() + i, n, at(j), at(j + n));
      i += n;
      j += n;
      continue;
    }
    if (c == '\0') {  // dropped, or replaced by U+FFFD
      if (d.compare(i, 3, "\xEF\xBF\xBD") == 0) {
        emit(d.data() + i, 3, at(j), at(j + 1));
        i += 3;
      }
      ++j;
      continue;
    }
    if (c == '<') {  // a tag the tree builder ignored, inside a run of text
      const std::size_t gt = o.find('>', j);
      if (gt != npos) {
        j = gt + 1;
        continue;
      }
    }
    if (d.compare(i, 3, "\xEF\xBF\xBD") == 0) {  // an invalid byte sequence in the source
      emit(d.data() + i, 3, at(j), at(j + 1));
      i += 3;
      ++j;
      while (j < o.size() && (static_cast<unsigned char>(o[j]) & 0xC0) == 0x80) ++j;
      continue;
    }
    // Anything else: look a little ahead in the source for this character, else map it here.
    const std::size_t found = o.substr(0, std::min(o.size(), j + 64)).find(d.substr(i, n), j);
    if (found != npos) {
      j = found;
      continue;
    }
    emit(d.data() + i, n, at(j), at(j));
    i += n;
  }
}

// ---------------------------------------------------------------------------------------------
// Skipping

std::string_view attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a && a->value ? std::string_view(a->value) : std::string_view();
}

bool hidden(const GumboElement& e) {
  if (gumbo_get_attribute(&e.attributes, "hidden")) return true;
  const std::string_view style = attr(e, "style");
  if (style.empty()) return false;
  std::string s;
  for (char c : style)
    if (!is_html_ws(static_cast<unsigned char>(c))) s += ascii_lower(c);
  return s.find("display:none") != std::string::npos;
}

const GumboVector* children_of(const GumboNode* n) {
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) return &n->v.element.children;
  return nullptr;
}

GumboNode* child(const GumboVector* v, unsigned i) { return static_cast<GumboNode*>(v->data[i]); }

class Skipper {
 public:
  // Whether an element is left out with its content. `in_sectioning`: inside article, section
  // or main.
  bool skip(GumboNode* n, bool in_sectioning) {
    if (n->type == GUMBO_NODE_TEMPLATE) return true;
    const GumboElement& e = n->v.element;
    switch (e.tag) {
      case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
      case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
      case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_IFRAME:
      case GUMBO_TAG_SVG: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_DATALIST:
        return true;
      case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
        if (!in_sectioning) return true;
        break;
      case GUMBO_TAG_FORM:
        if (!form_wraps_content(n)) return true;
        break;
      default:
        break;
    }
    return hidden(e);
  }

 private:
  bool form_wraps_content(GumboNode* form) {
    const auto it = forms_.find(form);
    if (it != forms_.end()) return it->second;
    bool wraps = false;
    std::size_t bytes = 0;
    std::vector<std::pair<GumboNode*, unsigned>> stack{{form, 0}};
    while (!stack.empty() && !wraps) {
      auto& [node, next] = stack.back();
      const GumboVector* v = children_of(node);
      if (next >= v->length) {
        stack.pop_back();
        continue;
      }
      GumboNode* c = child(v, next++);
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
        for (const char* p = c->v.text.text; *p; ++p)
          if (!is_html_ws(static_cast<unsigned char>(*p))) ++bytes;
        wraps = bytes > kFormWrapperBytes;
      } else if (c->type == GUMBO_NODE_ELEMENT) {
        switch (c->v.element.tag) {
          case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
          case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_PRE: case GUMBO_TAG_ARTICLE:
          case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN:
            wraps = true;
            break;
          case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON:
          case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_NOSCRIPT:
            break;
          default:
            stack.push_back({c, 0});
        }
      }
    }
    forms_[form] = wraps;
    return wraps;
  }

  std::unordered_map<GumboNode*, bool> forms_;
};

// ---------------------------------------------------------------------------------------------
// Layout tables: a first pass over the tree measures each cell's own content.

struct CellStats {
  std::uint32_t bytes = 0, lines = 0;
  bool heading = false, nested_table = false;
  bool layout() const {
    return heading || (nested_table && lines >= 2) || lines > kLayoutCellLines || bytes > kLayoutCellBytes;
  }
};

std::unordered_map<const GumboNode*, bool> find_layout_tables(GumboNode* doc, Skipper& skipper) {
  std::unordered_map<const GumboNode*, bool> layout;
  struct Frame {
    GumboNode* node;
    unsigned next;
    CellStats* cell;    // the cell whose own content this is, or null
    std::size_t table;  // index into `tables` of the innermost table, or npos
    int sectioning;
    bool opened_table;
  };
  struct TableStats {
    const GumboNode* node;
    bool layout = false;
  };
  std::vector<TableStats> tables;
  std::deque<CellStats> cells;
  std::vector<Frame> stack{{doc, 0, nullptr, npos, 0, false}};
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector* v = children_of(f.node);
    if (f.next >= v->length) {
      if (f.cell && f.node->type == GUMBO_NODE_ELEMENT) {
        const GumboTag t = f.node->v.element.tag;
        if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) {
          if (f.cell->layout() && f.table != npos) tables[f.table].layout = true;
        }
      }
      if (f.opened_table) layout[tables[f.table].node] = tables[f.table].layout;
      stack.pop_back();
      continue;
    }
    GumboNode* c = child(v, f.next++);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
      if (f.cell)
        for (const char* p = c->v.text.text; *p; ++p)
          if (!is_html_ws(static_cast<unsigned char>(*p))) ++f.cell->bytes;
      continue;
    }
    if (c->type != GUMBO_NODE_ELEMENT && c->type != GUMBO_NODE_TEMPLATE) continue;
    if (skipper.skip(c, f.sectioning > 0)) continue;
    const GumboTag t = c->v.element.tag;
    Frame nf{c, 0, f.cell, f.table, f.sectioning, false};
    if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_MAIN) ++nf.sectioning;
    if (t == GUMBO_TAG_TABLE) {
      if (f.cell) f.cell->nested_table = true;
      tables.push_back({c});
      nf.table = tables.size() - 1;
      nf.cell = nullptr;
      nf.opened_table = true;
    } else if ((t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) && f.table != npos) {
      cells.emplace_back();
      nf.cell = &cells.back();
    } else if (f.cell) {
      if (is_heading(t)) f.cell->heading = true;
      if (is_block(t)) ++f.cell->lines;
    }
    stack.push_back(nf);  // invalidates f
  }
  return layout;
}

// ---------------------------------------------------------------------------------------------
// Tables

// HTML "rules for parsing non-negative integers"; `fallback` when there is no number.
std::uint64_t parse_span(std::string_view s, std::uint64_t fallback, bool& negative) {
  negative = false;
  std::size_t i = 0;
  while (i < s.size() && is_html_ws(static_cast<unsigned char>(s[i]))) ++i;
  if (i < s.size() && s[i] == '+') ++i;
  else if (i < s.size() && s[i] == '-') {
    negative = true;
    return fallback;
  }
  if (i >= s.size() || s[i] < '0' || s[i] > '9') return fallback;
  std::uint64_t v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    v = std::min<std::uint64_t>(v * 10 + static_cast<unsigned>(s[i] - '0'), 1u << 30);
    ++i;
  }
  return v;
}

struct CellRec {
  std::uint32_t colspan = 1, rowspan = 1;
  bool rowspan_to_end = false;
  std::string text;
  Span span;
};

struct RowRec {
  std::vector<CellRec> cells;
  std::uint32_t group = 0;
  std::uint32_t end_offset = 0;
};

ExtractedTable build_grid(const std::vector<RowRec>& rows, Span span) {
  ExtractedTable table;
  table.span = span;
  std::vector<ExtractedCell> origins;
  std::vector<std::vector<std::int32_t>> grid;
  std::vector<std::pair<std::uint32_t, std::int32_t>> cover;  // per column: rows still covered, cell
  std::uint32_t columns = 0;
  std::size_t group_end = 0;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (r == 0 || rows[r].group != rows[r - 1].group) {
      cover.clear();
      group_end = r;
      while (group_end < rows.size() && rows[group_end].group == rows[r].group) ++group_end;
    }
    const auto left = static_cast<std::uint32_t>(std::min<std::size_t>(group_end - r, kMaxRowSpan));
    std::vector<std::int32_t> slots(cover.size(), kNone);
    for (std::size_t x = 0; x < cover.size(); ++x) {
      if (cover[x].first > 0) {
        slots[x] = cover[x].second;
        --cover[x].first;
      }
    }
    const std::size_t origins_before = origins.size();
    std::uint32_t x = 0;
    for (const CellRec& cell : rows[r].cells) {
      while (x < slots.size() && slots[x] != kNone) ++x;
      if (x >= kMaxGridColumns) break;
      const std::uint32_t cs = std::min(cell.colspan, kMaxGridColumns - x);
      const std::uint32_t rs = cell.rowspan_to_end ? left : std::min(cell.rowspan, left);
      const auto id = static_cast<std::int32_t>(origins.size());
      ExtractedCell out;
      out.row = static_cast<std::uint32_t>(r);
      out.column = x;
      out.row_span = std::max<std::uint32_t>(rs, 1);
      out.col_span = cs;
      out.text = cell.text;
      out.span = cell.span;
      origins.push_back(std::move(out));
      if (slots.size() < x + cs) slots.resize(x + cs, kNone);
      if (cover.size() < x + cs) cover.resize(x + cs, {0, kNone});
      for (std::uint32_t k = x; k < x + cs; ++k) {
        if (slots[k] != kNone) continue;  // overlapping cells: the slot keeps its first owner
        slots[k] = id;
        cover[k] = {std::max<std::uint32_t>(rs, 1) - 1, id};
      }
      x += cs;
    }
    const auto width = std::max(columns, static_cast<std::uint32_t>(slots.size()));
    if (static_cast<std::uint64_t>(r + 1) * width > kMaxTableSlots) {
      origins.resize(origins_before);
      for (ExtractedCell& c : origins) c.row_span = std::min<std::uint32_t>(c.row_span, static_cast<std::uint32_t>(r) - c.row);
      break;
    }
    columns = width;
    grid.push_back(std::move(slots));
  }
  table.rows = static_cast<std::uint32_t>(grid.size());
  table.columns = columns;
  table.cells.reserve(static_cast<std::size_t>(table.rows) * columns);
  for (std::uint32_t r = 0; r < table.rows; ++r) {
    for (std::uint32_t c = 0; c < columns; ++c) {
      const std::int32_t id = c < grid[r].size() ? grid[r][c] : kNone;
      ExtractedCell cell;
      cell.row = r;
      cell.column = c;
      if (id == kNone) {
        cell.span = Span{rows[r].end_offset, rows[r].end_offset};
      } else {
        const ExtractedCell& o = origins[static_cast<std::size_t>(id)];
        if (o.row == r && o.column == c) {
          cell = o;
        } else {
          cell.row_span = o.row_span;
          cell.col_span = o.col_span;
          cell.continuation = true;
          cell.span = o.span;
        }
      }
      table.cells.push_back(std::move(cell));
    }
  }
  return table;
}

// ---------------------------------------------------------------------------------------------
// The walk

class Walker {
 public:
  Walker(std::string_view buf, std::uint32_t limit, GumboNode* doc)
      : buf_(buf), limit_(limit), doc_(doc) {}

  void run(HtmlText& result) {
    layout_ = find_layout_tables(doc_, skipper_);
    sinks_.push_back(std::make_unique<Sink>());
    sinks_.back()->out = &main_;
    std::vector<Frame> stack{{doc_, 0, 0}};
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboVector* v = children_of(f.node);
      if (f.next >= v->length) {
        exit(f);
        stack.pop_back();
        continue;
      }
      GumboNode* c = child(v, f.next++);
      switch (c->type) {
        case GUMBO_NODE_TEXT: case GUMBO_NODE_CDATA: case GUMBO_NODE_WHITESPACE:
          text(c);
          break;
        case GUMBO_NODE_COMMENT:
          comment(c);
          break;
        case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE: {
          Frame nf{c, 0, 0};
          if (enter(c, nf.undo)) stack.push_back(nf);  // invalidates f
          break;
        }
        default:
          break;
      }
    }
    sinks_.front()->commit();
    result.content = std::move(main_.text);
    result.origin = std::move(main_.org);
    result.tables = std::move(tables_);
  }

 private:
  enum : std::uint16_t { kBlock = 1, kPre = 2, kSection = 4, kTable = 8, kRow = 16, kCell = 32, kGroup = 64 };
  struct Frame {
    GumboNode* node;
    unsigned next;
    std::uint16_t undo;
  };
  struct TableCtx {
    const GumboNode* node = nullptr;
    bool layout = false;
    std::size_t index = 0;  // in tables_
    std::vector<RowRec> rows;
    std::uint32_t group = 0;
    bool row_open = false, cell_open = false;
    Out row_deferred;  // lines of tables nested in this row's cells, and its comments
    std::vector<Line> row_lines;   // per cell of the open row: its text as one line
    std::vector<std::uint32_t> cell_starts;
  };

  std::uint32_t clamp(std::size_t off) const { return static_cast<std::uint32_t>(std::min<std::size_t>(off, limit_)); }
  std::uint32_t start_of(const GumboNode* n) const { return clamp(n->v.element.start_pos.offset); }
  std::uint32_t end_of(const GumboNode* n) const {
    const GumboElement& e = n->v.element;
    return clamp(std::max(e.end_pos.offset, e.start_pos.offset));
  }
  std::uint32_t offset_of(const char* p, std::uint32_t fallback) const {
    if (p && p >= buf_.data() && p <= buf_.data() + buf_.size()) return clamp(static_cast<std::size_t>(p - buf_.data()));
    return clamp(fallback);
  }
  Sink& sink() { return *sinks_.back(); }
  TableCtx* table() { return tables_ctx_.empty() ? nullptr : tables_ctx_.back().get(); }

  void text(GumboNode* n) {
    const GumboText& t = n->v.text;
    if (!t.text) return;
    std::string_view d(t.text);
    std::string_view o;
    if (t.original_text.data && t.original_text.data >= buf_.data() &&
        t.original_text.data + t.original_text.length <= buf_.data() + buf_.size())
      o = std::string_view(t.original_text.data, t.original_text.length);
    if (n->type == GUMBO_NODE_CDATA && o.substr(0, 9) == "<![CDATA[") o.remove_prefix(9);
    const std::uint32_t base = o.data() ? offset_of(o.data(), t.start_pos.offset) : clamp(t.start_pos.offset);
    Sink& s = sink();
    if (pre_ > 0)
      align(d, o, base, limit_, [&](const char* b, std::size_t k, std::uint32_t src, std::uint32_t end) { s.pre_char(b, k, src, end); });
    else
      align(d, o, base, limit_, [&](const char* b, std::size_t k, std::uint32_t src, std::uint32_t end) { s.text_char(b, k, src, end); });
  }

  void comment(GumboNode* n) {
    const GumboText& t = n->v.text;
    const std::uint32_t at = offset_of(t.original_text.data, t.start_pos.offset);
    Line l;
    const std::string_view o = t.original_text.data ? std::string_view(t.original_text.data, t.original_text.length) : std::string_view();
    if (o.substr(0, 4) == "<!--") {
      for (std::size_t k = 0; k < o.size(); ++k) {
        const char c = o[k];
        l.s += (c == '\n' || c == '\r' || c == '\f') ? ' ' : c;
        l.o.push_back(clamp(at + k));
      }
      if (o.empty() || o.back() != '>') {
        l.s += "-->";
        l.o.insert(l.o.end(), 3, clamp(at + o.size()));
      }
    } else {  // a bogus comment (<?…>, <!…>): written in comment syntax, mapped to its start
      l.s = "<!--";
      for (const char* p = t.text ? t.text : ""; *p; ++p) l.s += (*p == '\n' || *p == '\r' || *p == '\f') ? ' ' : *p;
      l.s += "-->";
      l.o.assign(l.s.size(), at);
    }
    Sink& s = sink();
    Out* out = s.out;
    TableCtx* tc = table();
    if (!s.cell && tc && !tc->layout && tc->row_open) {
      out = &tc->row_deferred;  // between the cells of a row: after the row's line
    } else if (!s.cell) {
      s.brk(at);
    }
    out->note_break(at);
    out->line(l.s, l.o.data());
    out->note_break(clamp(at + o.size()));
  }

  // Comments directly in a skipped <head> are still emitted.
  void head_comments(GumboNode* head) {
    const GumboVector* v = children_of(head);
    for (unsigned i = 0; i < v->length; ++i)
      if (child(v, i)->type == GUMBO_NODE_COMMENT) comment(child(v, i));
  }

  bool enter(GumboNode* n, std::uint16_t& undo) {
    if (skipper_.skip(n, sectioning_ > 0)) {
      if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_HEAD) head_comments(n);
      return false;
    }
    const GumboTag t = n->v.element.tag;
    TableCtx* tc = table();
    if (t == GUMBO_TAG_TABLE) {
      sink().brk(start_of(n));
      auto ctx = std::make_unique<TableCtx>();
      ctx->node = n;
      const auto it = layout_.find(n);
      ctx->layout = it != layout_.end() && it->second;
      if (!ctx->layout) {
        ctx->index = tables_.size();
        tables_.emplace_back();
      }
      auto flow = std::make_unique<Sink>();
      flow->out = sink().out;
      sinks_.push_back(std::move(flow));
      tables_ctx_.push_back(std::move(ctx));
      undo |= kTable;
      return true;
    }
    if (tc && !tc->layout && !tc->cell_open) {
      if (t == GUMBO_TAG_TBODY || t == GUMBO_TAG_THEAD || t == GUMBO_TAG_TFOOT) {
        ++tc->group;
        undo |= kGroup;
        return true;
      }
      if (t == GUMBO_TAG_TR && !tc->row_open) {
        sink().brk(start_of(n));
        tc->row_open = true;
        tc->rows.emplace_back();
        tc->rows.back().group = tc->group;
        tc->rows.back().end_offset = end_of(n);
        tc->row_lines.clear();
        tc->cell_starts.clear();
        undo |= kRow;
        return true;
      }
      if ((t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) && tc->row_open) {
        tc->cell_open = true;
        auto cell = std::make_unique<Sink>();
        cell->cell = true;
        cell->out = &tc->row_deferred;
        sinks_.push_back(std::move(cell));
        undo |= kCell;
        return true;
      }
    }
    if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_MAIN) {
      ++sectioning_;
      undo |= kSection;
    }
    if (is_block(t)) {
      sink().brk(start_of(n));
      undo |= kBlock;
    }
    if (t == GUMBO_TAG_PRE || t == GUMBO_TAG_LISTING || t == GUMBO_TAG_PLAINTEXT || t == GUMBO_TAG_XMP) {
      ++pre_;
      undo |= kPre;
    }
    return true;
  }

  void exit(const Frame& f) {
    if (f.node->type == GUMBO_NODE_DOCUMENT) return;
    const GumboNode* n = f.node;
    if (f.undo & kPre) --pre_;
    if (f.undo & kSection) --sectioning_;
    if (f.undo & kBlock) sink().brk(end_of(n));
    if (f.undo & kCell) finish_cell(n);
    if (f.undo & kRow) finish_row(n);
    if (f.undo & kTable) finish_table(n);
  }

  void finish_cell(const GumboNode* td) {
    TableCtx& tc = *table();
    Sink& s = sink();
    s.commit();
    // Trim every line of blanks (including U+00A0 and U+3000), drop empty ones.
    std::vector<Line> lines;
    for (Line& l : s.cell_lines) {
      std::size_t b = 0, e = l.s.size();
      while (b < e) {
        const std::size_t k = std::min(utf8_len(static_cast<unsigned char>(l.s[b])), e - b);
        if (!is_blank_cp(decode_cp(l.s.data() + b, k))) break;
        b += k;
      }
      while (e > b) {
        std::size_t k = e - 1;
        while (k > b && (static_cast<unsigned char>(l.s[k]) & 0xC0) == 0x80) --k;
        if (!is_blank_cp(decode_cp(l.s.data() + k, e - k))) break;
        e = k;
      }
      if (b == e) continue;
      Line t;
      t.s = l.s.substr(b, e - b);
      t.o.assign(l.o.begin() + static_cast<std::ptrdiff_t>(b), l.o.begin() + static_cast<std::ptrdiff_t>(e));
      t.e.assign(l.e.begin() + static_cast<std::ptrdiff_t>(b), l.e.begin() + static_cast<std::ptrdiff_t>(e));
      lines.push_back(std::move(t));
    }
    CellRec rec;
    const GumboElement& e = td->v.element;
    bool negative = false;
    rec.colspan = static_cast<std::uint32_t>(
        std::clamp<std::uint64_t>(parse_span(attr(e, "colspan"), 1, negative), 1, kMaxGridColumns));
    const std::uint64_t rs = parse_span(attr(e, "rowspan"), 1, negative);
    rec.rowspan_to_end = rs == 0;
    rec.rowspan = static_cast<std::uint32_t>(std::clamp<std::uint64_t>(rs, 1, kMaxRowSpan));
    Line joined;  // for the row's line: the cell's lines joined by a space
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) {
        joined.s += ' ';
        joined.o.push_back(lines[i].o.front());
      }
      joined.s += lines[i].s;
      joined.o.insert(joined.o.end(), lines[i].o.begin(), lines[i].o.end());
    }
    rec.text = joined.s;
    const std::uint32_t at = start_of(td);
    rec.span = lines.empty() ? Span{at, at} : Span{lines.front().o.front(), std::max(lines.front().o.front(), lines.back().e.back())};
    tc.rows.back().cells.push_back(std::move(rec));
    tc.row_lines.push_back(std::move(joined));
    tc.cell_starts.push_back(at);
    sinks_.pop_back();
    tc.cell_open = false;
  }

  void finish_row(const GumboNode* tr) {
    TableCtx& tc = *table();
    Sink& flow = sink();
    Line line;
    bool any = false;
    for (std::size_t i = 0; i < tc.row_lines.size(); ++i) {
      if (i > 0) {
        line.s += " | ";
        line.o.insert(line.o.end(), 3, tc.cell_starts[i]);
      }
      any = any || !tc.row_lines[i].s.empty();
      line.s += tc.row_lines[i].s;
      line.o.insert(line.o.end(), tc.row_lines[i].o.begin(), tc.row_lines[i].o.end());
    }
    flow.commit();
    Out* out = flow.out;
    if (any) {
      out->note_break(start_of(tr));
      out->line(line.s, line.o.data());
    }
    out->note_break(end_of(tr));
    out->append(tc.row_deferred);
    tc.row_deferred = Out();
    tc.row_open = false;
  }

  void finish_table(const GumboNode* n) {
    sink().commit();
    sinks_.pop_back();
    std::unique_ptr<TableCtx> tc = std::move(tables_ctx_.back());
    tables_ctx_.pop_back();
    const GumboElement& e = n->v.element;
    const std::uint32_t begin = start_of(n);
    const std::uint32_t end = std::max(begin, clamp(static_cast<std::size_t>(e.end_pos.offset) + e.original_end_tag.length));
    if (!tc->layout) tables_[tc->index] = build_grid(tc->rows, Span{begin, end});
    sink().brk(end);
  }

  std::string_view buf_;
  std::uint32_t limit_;
  GumboNode* doc_;
  Skipper skipper_;
  std::unordered_map<const GumboNode*, bool> layout_;
  Out main_;
  std::vector<std::unique_ptr<Sink>> sinks_;
  std::vector<std::unique_ptr<TableCtx>> tables_ctx_;
  std::vector<ExtractedTable> tables_;
  int pre_ = 0, sectioning_ = 0;
};

struct GumboOutputDeleter {
  const GumboOptions* options;
  void operator()(GumboOutput* o) const {
    if (o) gumbo_destroy_output(options, o);
  }
};

}  // namespace

HtmlText read_html(std::string_view html) {
  constexpr std::size_t kMaxInput = std::numeric_limits<std::uint32_t>::max() - 1;
  const auto total = static_cast<std::uint32_t>(std::min<std::size_t>(html.size(), std::numeric_limits<std::uint32_t>::max()));
  if (html.size() > kMaxInput) html = html.substr(0, kMaxInput);
  HtmlText result;
  try {
    std::string limited;
    const std::string_view buf = NestingLimiter(html).run(limited) ? std::string_view(limited) : html;
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // see the file comment, point 1
    std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
        gumbo_parse_with_options(&options, buf.data(), buf.size()), GumboOutputDeleter{&options});
    if (output && output->document) Walker(buf, static_cast<std::uint32_t>(buf.size()), output->document).run(result);
  } catch (...) {  // out of memory: no text rather than an exception
    result = HtmlText();
  }
  if (result.origin.size() != result.content.size()) {
    result.content.clear();
    result.origin.clear();
  }
  result.origin.push_back(total);
  // Non-decreasing and within the input (gumbo's foster parenting and cloning reorder nodes).
  std::uint32_t prev = 0;
  for (std::uint32_t& o : result.origin) {
    o = std::min(std::max(o, prev), total);
    prev = o;
  }
  return result;
}

}  // namespace nblint
