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
//   2. Its tree construction is quadratic in the nesting depth.
//   3. It frees (and tears down) the tree recursively, so a page nested deeply enough overflows
//      the stack inside gumbo_parse itself.
//   4. Formatting elements (b, font, a …) left open are re-created in every later paragraph.
//   5. A text node is inserted when gumbo flushes its text buffer, which for </form> happens
//      after the form is closed: in "<div><form><input>搜索</form></div>" the text 搜索 ends up
//      in the div, after the form (whose end_pos is 0). So the last text of a skipped search
//      form can escape the skip; nothing to do about it here.
//   Points 2–4 (measured in html_nesting_guard.cpp) are why the input first goes through
//   guard_html_nesting (html_nesting_guard.h), a length-preserving pre-scan that renames
//   formatting elements and drops start tags that would nest beyond depth 256.
//
// Text alignment (entities → offsets) is html_text_align.h; the grid expansion and its caps are
// shared with the DOCX reader in table_grid.h.
//
// Inputs of 4 GiB or more (gumbo's and the 32-bit offsets' limit) are cut at 4 GiB − 2 bytes.
#include "ingest/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <deque>
#include <limits>
#include <memory>
#include <optional>
#include <unordered_map>

#include "ingest/html_chars.h"
#include "ingest/html_nesting_guard.h"
#include "ingest/html_text_align.h"
#include "ingest/table_grid.h"
#include "util/spare_buffers.h"

namespace nblint {
namespace {

using html::ascii_lower;
using html::is_html_ws;
using html::utf8_len;

constexpr std::uint32_t kMaxRowSpan = 65534;
constexpr std::uint32_t kLayoutCellBytes = 800;
constexpr std::uint32_t kLayoutCellLines = 12;
constexpr std::uint32_t kFormWrapperBytes = 300;
constexpr std::int32_t kNone = -1;
constexpr std::size_t npos = std::string_view::npos;

// ---------------------------------------------------------------------------------------------
// Characters

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

// Places the cells by the HTML table model (a cell takes the first column not covered from a
// row above; a rowspan covers the rows below it, at most to the end of its row group).
ExtractedTable build_grid(const std::vector<RowRec>& rows, Span span) {
  TableGridBuilder grid;
  std::vector<std::pair<std::uint32_t, std::int32_t>> cover;  // per column: rows still covered, cell
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
    std::uint32_t x = 0;
    for (const CellRec& cell : rows[r].cells) {
      while (x < slots.size() && slots[x] != kNone) ++x;
      if (x >= kMaxGridColumns) break;
      const std::uint32_t cs = std::min(cell.colspan, kMaxGridColumns - x);
      const std::uint32_t rs = cell.rowspan_to_end ? left : std::min(cell.rowspan, left);
      ExtractedCell out;
      out.row = static_cast<std::uint32_t>(r);
      out.column = x;
      out.row_span = std::max<std::uint32_t>(rs, 1);
      out.col_span = cs;
      out.text = cell.text;
      out.span = cell.span;
      const std::int32_t id = grid.add_cell(std::move(out));
      if (slots.size() < x + cs) slots.resize(x + cs, kNone);
      if (cover.size() < x + cs) cover.resize(x + cs, {0, kNone});
      for (std::uint32_t k = x; k < x + cs; ++k) {
        if (slots[k] != kNone) continue;  // overlapping cells: the slot keeps its first owner
        slots[k] = id;
        cover[k] = {std::max<std::uint32_t>(rs, 1) - 1, id};
      }
      x += cs;
    }
    if (!grid.end_row(std::move(slots), rows[r].end_offset)) break;
  }
  return grid.finish(span, ContinuationSpans::Origin);
}

// ---------------------------------------------------------------------------------------------
// The walk

struct HtmlTextTag;

class Walker {
 public:
  Walker(std::string_view buf, std::uint32_t limit, GumboNode* doc)
      : buf_(buf), limit_(limit), doc_(doc) {}

  void run(HtmlText& result) {
    // The text is no longer than the page: reserved at once, not grown by doubling (each step of
    // a large buffer is fresh pages, faulted in and zeroed, and a copy of what came before).
    main_.text = spare_buffers::take_room<HtmlTextTag, std::string>(buf_.size());
    main_.org = spare_buffers::take_room<HtmlTextTag, std::vector<std::uint32_t>>(buf_.size());
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
      align_html_text(d, o, base, limit_,
                      [&](const char* b, std::size_t k, std::uint32_t src, std::uint32_t end) { s.pre_char(b, k, src, end); });
    else
      align_html_text(d, o, base, limit_,
                      [&](const char* b, std::size_t k, std::uint32_t src, std::uint32_t end) { s.text_char(b, k, src, end); });
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

void give_back_html_text(std::string&& content, std::vector<std::uint32_t>&& origin) {
  spare_buffers::give_back<HtmlTextTag>(std::move(content));
  spare_buffers::give_back<HtmlTextTag>(std::move(origin));
}

HtmlText read_html(std::string_view html) {
  constexpr std::size_t kMaxInput = std::numeric_limits<std::uint32_t>::max() - 1;
  const auto total = static_cast<std::uint32_t>(std::min<std::size_t>(html.size(), std::numeric_limits<std::uint32_t>::max()));
  if (html.size() > kMaxInput) html = html.substr(0, kMaxInput);
  HtmlText result;
  try {
    const std::optional<std::string> guarded = guard_html_nesting(html);  // points 2–4
    const std::string_view buf = guarded ? std::string_view(*guarded) : html;
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
