// .pdf to text with poppler-cpp (Debian 12: poppler 22.12). Built alone into the module
// libnblint_pdf.so, loaded on the first PDF (src/ingest/pdf_module_abi.h, pdf_module.cpp).
//
// How the text is obtained (see the evaluation in the report on issue 3):
//   - poppler's page::text() in its three layouts was compared on generated Chinese reports:
//     raw_order_layout follows the content stream (a footer drawn first comes out first),
//     non_raw_non_physical_layout puts every table cell on a line of its own (so a row label
//     such as "（一）予以公开" would look like a heading), physical_layout keeps rows together
//     but turns positions into an approximate number of spaces.
//   - So the lines are assembled here from page::text_list(): poppler's word boxes (for Chinese,
//     one box is usually a whole run of text on a line) with their exact geometry. Boxes are
//     grouped into lines by vertical position and ordered left to right, lines top to bottom
//     (one column, as these reports are). Between two boxes of a line: a gap of 1.5 em or more
//     is a table column break and becomes " | " (the cell separator the parser and the DOCX
//     reader use), a smaller gap or a space poppler saw becomes one space between non-CJK
//     characters, nothing between Chinese characters.
//
// Clean-up, per page and over the whole document:
//   - lines that are only a page number ("1", "- 1 -", "— 1 —", "第1页", "第 1 页 共 3 页",
//     "1/3", "Page 1 of 3") are dropped when they are among the first two or last two lines of a
//     page;
//   - running headers and footers are dropped: the same text (digits aside) at the same height
//     as the first or last line of at least two pages and at least half of all pages;
//   - wrapped paragraph lines are joined (rule in join_with_previous() below).
//
// Errors: poppler cannot open it → Damaged; a password is needed to open it → Encrypted; no
// text on any page (a scan) → NoText; text without Chinese characters (fonts without a Unicode
// mapping give Latin-1 garbage) → NoText as well, with a detail saying so. poppler's own error
// messages are silenced (set_debug_error_function).
//
// Result: `text` is the lines joined by '\n' (no trailing newline), valid UTF-8, no '\t' or '\r';
// lines[i].paragraph is the 1-based page number and line_on_page[i] the 1-based number of the
// line's first visual line on that page, counting every text line poppler found on the page
// from the top (running headers and page numbers included, since a reader counting lines on
// the page sees them too).
#include "ingest/pdf_reader.h"

#include "ingest/pdf_module_abi.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "util/utf8.h"

namespace nblint {
namespace {

// ----------------------------------------------------------------------------------------------
// Characters

bool is_cjk(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}
// Chinese text and full-width punctuation: no space is put between two such characters.
bool is_wide(char32_t c) {
  return is_cjk(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2010 && c <= 0x206F) ||
         (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2776 && c <= 0x2793) || (c >= 0x3200 && c <= 0x32FF);
}
bool is_blank(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 || c == 0x3000 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0xFEFF;
}
int digit_value(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  return -1;
}
bool is_digit(char32_t c) { return digit_value(c) >= 0; }
bool is_ascii_letter(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_cjk_numeral(char32_t c) {
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十百千零〇两壹贰叁肆伍陆柒捌玖拾";
  return kNumerals.find(c) != std::u32string_view::npos;
}

std::u32string trimmed(std::u32string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_blank(s[b])) ++b;
  while (e > b && is_blank(s[e - 1])) --e;
  return std::u32string(s.substr(b, e - b));
}

// poppler::ustring is UTF-16; unpaired surrogates and controls become U+FFFD / a space.
std::u32string from_utf16(const poppler::ustring& u) {
  std::u32string out;
  out.reserve(u.size());
  for (std::size_t i = 0; i < u.size(); ++i) {
    char32_t c = u[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u.size() && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (static_cast<char32_t>(u[i + 1]) - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = utf8::kReplacement;
    }
    if (c < 0x20 || c == 0x7F) c = ' ';  // tabs, newlines, form feeds and other controls
    out += c;
  }
  return out;
}

// ----------------------------------------------------------------------------------------------
// Line classification

// "1", "- 1 -", "— 1 —", "·1·", "第1页", "第 1 页 共 3 页", "共3页 第1页", "1/3", "1 / 3",
// "Page 1 of 3"; blanks are ignored.
bool is_page_number(std::u32string_view line) {
  std::u32string s;
  for (char32_t c : line) {
    if (is_blank(c)) continue;
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    s += c;
  }
  if (s.empty()) return false;
  std::size_t i = 0;
  const auto number = [&] {  // digits or Chinese numerals
    const std::size_t start = i;
    while (i < s.size() && (is_digit(s[i]) || is_cjk_numeral(s[i]))) ++i;
    return i > start;
  };
  const auto dashes = [&] {
    static constexpr std::u32string_view kDash = U"-‐‑‒–—―－~～·•・.．_*";
    while (i < s.size() && kDash.find(s[i]) != std::u32string_view::npos) ++i;
  };
  const auto lit = [&](std::u32string_view w) {
    if (s.compare(i, w.size(), w) != 0) return false;
    i += w.size();
    return true;
  };
  const auto sep = [&] {
    static constexpr std::u32string_view kSep = U",，、/|;；";
    while (i < s.size() && kSep.find(s[i]) != std::u32string_view::npos) ++i;
  };
  // "第N页" optionally with "共M页" before or after; "N/M"; decorated bare digits; "page N of M".
  {
    i = 0;
    bool ok = true, any = false;
    while (i < s.size() && ok) {
      if (lit(U"第")) {
        ok = number() && lit(U"页");
        any = true;
      } else if (lit(U"共")) {
        ok = number() && lit(U"页");
      } else {
        ok = false;
      }
      sep();
    }
    if (ok && any && i == s.size()) return true;
  }
  {
    i = 0;
    dashes();
    const std::size_t d0 = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i > d0) {
      if (i < s.size() && (s[i] == '/' || s[i] == 0xFF0F)) {
        ++i;
        const std::size_t d1 = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        if (i == d1) return false;
      }
      dashes();
      if (i == s.size()) return true;
    }
  }
  {
    i = 0;
    if (lit(U"page")) {
      const std::size_t d0 = i;
      while (i < s.size() && is_digit(s[i])) ++i;
      if (i == d0) return false;
      if (lit(U"of")) {
        const std::size_t d1 = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        if (i == d1) return false;
      }
      return i == s.size();
    }
  }
  return false;
}

// A numbering marker at the start of a line (一、 （一） (1) 1. 1、 1） ① ⑴ ⒈ 第一部分): the line
// starts a heading or a list item, not the continuation of a wrapped paragraph. Not a marker:
// a decimal ("1.5万") and a bracketed number that is part of a legal reference continued from
// the previous line ("第二十条第" + "（一）项").
bool starts_with_marker(std::u32string_view s) {
  if (s.empty()) return false;
  const char32_t c0 = s[0];
  if ((c0 >= 0x2460 && c0 <= 0x249B) || (c0 >= 0x2776 && c0 <= 0x2793) || (c0 >= 0x3251 && c0 <= 0x325F) ||
      (c0 >= 0x32B1 && c0 <= 0x32BF))
    return true;  // ① ⑴ ⒈ ❶ ㉑
  std::size_t i = 0;
  if (c0 == U'（' || c0 == U'(') {
    i = 1;
    const std::size_t n0 = i;
    while (i < s.size() && (is_digit(s[i]) || is_cjk_numeral(s[i]))) ++i;
    if (i == n0 || i >= s.size() || (s[i] != U'）' && s[i] != U')')) return false;
    ++i;
    static constexpr std::u32string_view kReference = U"项款条目章节号";
    return i >= s.size() || kReference.find(s[i]) == std::u32string_view::npos;
  }
  if (c0 == U'第') {
    i = 1;
    const std::size_t n0 = i;
    while (i < s.size() && (is_digit(s[i]) || is_cjk_numeral(s[i]))) ++i;
    if (i == n0 || i >= s.size()) return false;
    return s.compare(i, 2, U"部分") == 0 || s[i] == U'章' || s[i] == U'节';
  }
  if (is_cjk_numeral(c0)) {
    while (i < s.size() && is_cjk_numeral(s[i])) ++i;
    return i < s.size() && (s[i] == U'、' || s[i] == U'．');
  }
  if (is_digit(c0)) {
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i >= s.size() || i > 3) return false;
    const char32_t m = s[i];
    if (m == U'、' || m == U'）' || m == U')') return true;
    if (m == U'.' || m == U'．') return i + 1 >= s.size() || !is_digit(s[i + 1]);
  }
  return false;
}

// The line ends a sentence, a clause list or a lead-in: 。！？；：… (closing quotes and
// brackets after them allowed).
bool ends_sentence(std::u32string_view s) {
  static constexpr std::u32string_view kClose = U"”’」』）)》〉】\"'";
  static constexpr std::u32string_view kEnd = U"。！？；：…!?;:．.";
  std::size_t e = s.size();
  while (e > 0 && kClose.find(s[e - 1]) != std::u32string_view::npos) --e;
  return e > 0 && kEnd.find(s[e - 1]) != std::u32string_view::npos;
}

// ----------------------------------------------------------------------------------------------
// Geometry: word boxes to lines

struct Box {
  double u0, u1, v0, v1;  // along the text direction / across it, in the box's own reading frame
  std::u32string text;
  bool space_after = false;
  double height() const { return v1 - v0; }
  double centre() const { return (v0 + v1) / 2; }
};

struct Line {
  std::u32string text;
  double left = 0, right = 0, top = 0, em = 0;
  bool table_row = false;  // had a column gap (now " | ")
  int rotation = 0;
  std::uint32_t page = 0;     // 1-based
  std::uint32_t on_page = 0;  // 1-based visual line number on the page
  bool dropped = false;
};

// Puts a box into the reading frame of its rotation (0: left to right, lines top to bottom;
// 1 and 3: vertical baselines; 2: upside down), so lines can be built the same way for each.
Box normalised(const poppler::rectf& r, int rotation) {
  const double x0 = r.x(), x1 = r.x() + r.width(), y0 = r.y(), y1 = r.y() + r.height();
  switch (rotation & 3) {
    case 1: return Box{y0, y1, -x1, -x0, {}, false};
    case 2: return Box{-x1, -x0, -y1, -y0, {}, false};
    case 3: return Box{-y1, -y0, x0, x1, {}, false};
    default: return Box{x0, x1, y0, y1, {}, false};
  }
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

void append_utf8(std::string& out, std::u32string_view s) {
  for (char32_t c : s) utf8::append(out, c);
}

// Builds the lines of one rotation group: boxes sorted by vertical centre, a box joins the
// current line when its centre lies within half a line height of the line's centre.
void build_lines(std::vector<Box>& boxes, int rotation, std::vector<Line>& out) {
  std::stable_sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.centre() < b.centre(); });
  std::size_t i = 0;
  while (i < boxes.size()) {
    std::size_t j = i + 1;
    const double c = boxes[i].centre();
    double h = boxes[i].height();
    while (j < boxes.size() && boxes[j].centre() - c <= 0.5 * std::max(1.0, std::min(h, boxes[j].height()))) {
      h = std::max(h, boxes[j].height());
      ++j;
    }
    std::vector<Box*> row;
    for (std::size_t k = i; k < j; ++k) row.push_back(&boxes[k]);
    std::stable_sort(row.begin(), row.end(), [](const Box* a, const Box* b) { return a->u0 < b->u0; });
    std::vector<double> heights;
    for (const Box* b : row) heights.push_back(b->height());
    Line line;
    line.em = std::max(1.0, median(heights));
    line.rotation = rotation;
    line.left = row.front()->u0;
    line.top = row.front()->v0;
    line.right = row.front()->u1;
    std::u32string text;
    for (std::size_t k = 0; k < row.size(); ++k) {
      const Box& b = *row[k];
      if (k > 0) {
        const Box& p = *row[k - 1];
        const double gap = b.u0 - line.right;
        const char32_t before = text.empty() ? U' ' : text.back();
        const char32_t after = b.text.empty() ? U' ' : b.text.front();
        if (gap >= 1.5 * line.em) {
          while (!text.empty() && is_blank(text.back())) text.pop_back();
          text += U" | ";
          line.table_row = true;
        } else if ((p.space_after || gap > 0.2 * line.em) && !(is_wide(before) && is_wide(after))) {
          if (!is_blank(before)) text += U' ';
        }
      }
      text += b.text;
      line.right = std::max(line.right, b.u1);
      line.top = std::min(line.top, b.v0);
    }
    line.text = trimmed(text);
    if (!line.text.empty()) out.push_back(std::move(line));
    i = j;
  }
}

// ----------------------------------------------------------------------------------------------
// Page measures and joining

struct PageMeasure {
  double left = 0, right = 0;  // the text block's edges (robust: shared by at least two lines)
  bool first_line_indent = false;
};

// The largest right edge (smallest left edge) that at least two prose lines reach within half
// an em; the extreme value when there are fewer lines. Table rows are left out: tables are
// often wider than the text block.
PageMeasure measure(const std::vector<const Line*>& lines) {
  PageMeasure m;
  std::vector<const Line*> prose;
  for (const Line* l : lines)
    if (!l->table_row && l->rotation == 0) prose.push_back(l);
  if (prose.empty()) prose = lines;
  if (prose.empty()) return m;
  std::vector<double> rights, lefts;
  for (const Line* l : prose) rights.push_back(l->right), lefts.push_back(l->left);
  std::sort(rights.begin(), rights.end(), std::greater<>());
  std::sort(lefts.begin(), lefts.end());
  m.right = rights.front();
  m.left = lefts.front();
  for (std::size_t k = 0; k + 1 < rights.size(); ++k) {
    if (rights[k] - rights[k + 1] <= 0.5 * prose.front()->em) {
      m.right = rights[k];
      break;
    }
  }
  for (std::size_t k = 0; k + 1 < lefts.size(); ++k) {
    if (lefts[k + 1] - lefts[k] <= 0.5 * prose.front()->em) {
      m.left = lefts[k];
      break;
    }
  }
  for (const Line* l : prose) {
    const double indent = (l->left - m.left) / l->em;
    if (indent >= 1.2 && indent <= 3.5) m.first_line_indent = true;
  }
  return m;
}

// Whether `next` continues the paragraph whose last line so far is `prev` (a wrapped line).
// Both must be prose (no column gaps) in the same type size (within 15%: a title in larger type
// is not joined to the body below it), and `prev` must be full width: its right edge within
// 2 em of the text block's right edge (a short line ended its paragraph or is a heading, a
// title, a date or a signature), and not centred (equal margins on both sides, as a title that
// nearly fills the line has). `next` must not start with a numbering marker (a heading or list
// item) and must not be centred or right-aligned (4 em or more in from the left edge). Then:
//   1. `prev` does not end with 。！？；：… : the sentence goes on, so the line was wrapped;
//   2. or it does, but the document indents the first line of each paragraph (公文 style,
//      GB/T 9704: 每个自然段左空二字) and `next` starts at the left edge: the next sentence of
//      the same paragraph.
bool join_with_previous(const Line& prev, const PageMeasure& pm, const Line& next, const PageMeasure& nm) {
  if (prev.table_row || next.table_row || prev.rotation != next.rotation) return false;
  if (std::abs(prev.em - next.em) > 0.15 * std::max(prev.em, next.em)) return false;
  if (prev.right < pm.right - 2.0 * prev.em) return false;
  const double left_margin = prev.left - pm.left, right_margin = pm.right - prev.right;
  if (left_margin > 0.5 * prev.em && right_margin > 0.5 * prev.em &&
      std::abs(left_margin - right_margin) <= 0.5 * prev.em)
    return false;  // centred
  if (starts_with_marker(next.text)) return false;
  const double next_indent = (next.left - nm.left) / next.em;
  if (next_indent >= 4.0) return false;
  if (!ends_sentence(prev.text)) return true;
  return nm.first_line_indent && next_indent <= 0.5;
}

// Joins two lines of one paragraph: nothing between Chinese text, one space between two
// Latin letters (a word wrapped at a space), nothing otherwise (numbers are not split by a space).
void append_continuation(std::u32string& text, std::u32string_view more) {
  if (!text.empty() && !more.empty()) {
    const char32_t a = text.back(), b = more.front();
    if (is_ascii_letter(a) && is_ascii_letter(b)) text += U' ';
  }
  text += more;
}

// Same text, digits aside (running footers that carry a page number still match).
std::u32string header_key(std::u32string_view s) {
  std::u32string k;
  for (char32_t c : s) {
    if (is_blank(c)) continue;
    if (is_digit(c)) {
      if (k.empty() || k.back() != U'#') k += U'#';
      continue;
    }
    k += c;
  }
  return k;
}

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

// The reader itself; the module exports it as nblint_pdf_read (end of file).
std::variant<PdfText, PdfError> read_pdf_with_poppler(std::string_view bytes) {
  silence_poppler();
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    return PdfError{PdfError::Kind::Damaged, "the file is larger than poppler can load (2 GiB)"};
  try {
    // poppler reads the data in place for the document's lifetime: keep a copy alive.
    std::vector<char> data(bytes.begin(), bytes.end());
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(data.data(), static_cast<int>(data.size())));
    if (!doc) return PdfError{PdfError::Kind::Damaged, "poppler cannot open it: not a PDF, or a damaged one"};
    if (doc->is_locked())
      return PdfError{PdfError::Kind::Encrypted,
                      "the PDF is encrypted with a password to open it; remove the password and export it again"};
    const int pages = doc->pages();
    if (pages <= 0) return PdfError{PdfError::Kind::Damaged, "the PDF has no pages"};

    // 1. Lines of every page, top to bottom.
    std::vector<std::vector<Line>> page_lines(static_cast<std::size_t>(pages));
    int readable_pages = 0;
    for (int p = 0; p < pages; ++p) {
      std::unique_ptr<poppler::page> page(doc->create_page(p));
      if (!page) continue;
      ++readable_pages;
      std::vector<Box> by_rotation[4];
      for (const poppler::text_box& tb : page->text_list()) {
        std::u32string text = from_utf16(tb.text());
        if (trimmed(text).empty()) continue;
        const int rot = tb.rotation() & 3;
        Box b = normalised(tb.bbox(), rot);
        if (!std::isfinite(b.u0) || !std::isfinite(b.u1) || !std::isfinite(b.v0) || !std::isfinite(b.v1)) continue;
        b.text = std::move(text);
        b.space_after = tb.has_space_after();
        by_rotation[rot].push_back(std::move(b));
      }
      // The page's main direction first (most boxes), then any other (rotated labels, stamps).
      int order[4] = {0, 1, 2, 3};
      std::stable_sort(std::begin(order), std::end(order),
                       [&](int a, int b) { return by_rotation[a].size() > by_rotation[b].size(); });
      auto& lines = page_lines[static_cast<std::size_t>(p)];
      for (int rot : order) build_lines(by_rotation[rot], rot, lines);
      for (std::size_t k = 0; k < lines.size(); ++k) {
        lines[k].page = static_cast<std::uint32_t>(p + 1);
        lines[k].on_page = static_cast<std::uint32_t>(k + 1);
      }
    }
    if (readable_pages == 0) return PdfError{PdfError::Kind::Damaged, "none of its pages can be read"};

    // 2. Page numbers and running headers/footers, among the first and last two lines of a page.
    const auto edge_lines = [](std::vector<Line>& lines) {
      std::vector<Line*> e;
      for (std::size_t k = 0; k < lines.size(); ++k)
        if (k < 2 || k + 2 >= lines.size()) e.push_back(&lines[k]);
      return e;
    };
    for (auto& lines : page_lines)
      for (Line* l : edge_lines(lines))
        if (is_page_number(l->text)) l->dropped = true;
    if (pages >= 2) {
      // Keyed by text (digits aside) and height rounded to 2 pt (a running header sits at the
      // same height on every page, to a hundredth of a point), so this stays linear in pages.
      struct Candidate {
        std::vector<Line*> lines;
        std::vector<std::uint32_t> pages;
      };
      std::map<std::pair<std::u32string, long long>, Candidate> candidates;
      for (auto& lines : page_lines) {
        for (Line* l : edge_lines(lines)) {
          if (l->dropped || l->table_row || !std::isfinite(l->top) || std::abs(l->top) > 1e12) continue;
          Candidate& c = candidates[{header_key(l->text), std::llround(l->top / 2.0)}];
          c.lines.push_back(l);
          if (c.pages.empty() || c.pages.back() != l->page) c.pages.push_back(l->page);
        }
      }
      for (auto& [key, c] : candidates) {
        if (c.pages.size() >= 2 && 2 * c.pages.size() >= static_cast<std::size_t>(pages))
          for (Line* l : c.lines) l->dropped = true;
      }
    }

    // 3. Join wrapped lines, across page breaks too.
    std::vector<PageMeasure> measures;
    for (auto& lines : page_lines) {
      std::vector<const Line*> kept;
      for (const Line& l : lines)
        if (!l.dropped) kept.push_back(&l);
      measures.push_back(measure(kept));
    }
    struct Out {
      std::u32string text;
      std::uint32_t page, on_page;
    };
    std::vector<Out> out;
    const Line* prev = nullptr;
    for (auto& lines : page_lines) {
      for (const Line& l : lines) {
        if (l.dropped) continue;
        if (prev && join_with_previous(*prev, measures[prev->page - 1], l, measures[l.page - 1])) {
          append_continuation(out.back().text, l.text);
        } else {
          out.push_back(Out{l.text, l.page, l.on_page});
        }
        prev = &l;
      }
    }
    if (out.empty())
      return PdfError{PdfError::Kind::NoText,
                      "no text on any page: it looks like a scanned image, which needs OCR (text recognition) "
                      "before it can be checked"};

    // A text layer whose fonts carry no Unicode mapping comes out as Latin-1 or symbol garbage
    // ("€•‚ƒ„…2023ˆ‰Š"): a Chinese report without Chinese characters. Checking it would only
    // report every section missing, so say what is wrong instead.
    std::size_t letters = 0, chinese = 0;
    for (const Out& o : out) {
      for (char32_t c : o.text) {
        if (is_blank(c) || is_digit(c) || (c < 0x80 && !is_ascii_letter(c)) || c == utf8::kReplacement) continue;
        ++letters;
        chinese += is_cjk(c);
      }
    }
    if (letters >= 20 && chinese * 10 < letters)
      return PdfError{PdfError::Kind::NoText,
                      "its text does not decode to Chinese (" + std::to_string(chinese) + " Chinese characters among " +
                          std::to_string(letters) +
                          "): the fonts in the PDF have no usable Unicode mapping, so the text cannot be read without "
                          "OCR; export the PDF again from the original document"};

    PdfText result;
    for (const Out& o : out) {
      if (!result.text.empty()) result.text += '\n';
      append_utf8(result.text, o.text);
      LineLocation loc;
      loc.kind = LineLocation::Kind::Paragraph;
      loc.paragraph = o.page;
      result.lines.push_back(std::move(loc));
      result.line_on_page.push_back(o.on_page);
    }
    return result;
  } catch (const std::exception& e) {
    return PdfError{PdfError::Kind::Damaged, std::string("reading failed: ") + e.what()};
  }
}

}  // namespace
}  // namespace nblint

// The module's entry point (declared, exported, in ingest/pdf_module_abi.h).
extern "C" void nblint_pdf_read(const char* data, std::size_t size,
                                std::variant<nblint::PdfText, nblint::PdfError>* result) noexcept {
  try {
    *result = nblint::read_pdf_with_poppler(std::string_view(data, size));
  } catch (...) {  // read_pdf_with_poppler catches std::exception; nothing may unwind into the loader
    *result = nblint::PdfError{nblint::PdfError::Kind::Damaged, "reading failed"};
  }
}
