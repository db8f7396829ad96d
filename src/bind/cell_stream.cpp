#include "bind/cell_stream.h"

#include <algorithm>

#include "bind/label_key.h"
#include "grammar/heading.h"
#include "grammar/number.h"
#include "parse/text_scan.h"
#include "parse/web_chrome.h"

namespace nblint {

namespace {

struct Line {
  std::size_t begin, end;  // untrimmed
  std::uint32_t number;
};

bool is_separator(char32_t c) { return c == U'|' || c == U'\t'; }

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool is_tail_char(char32_t c) { return is_digit(c) || is_blank(c) || c == U',' || c == U'.' || c == U'-'; }

bool is_digit_like(std::u32string_view s) {
  bool digit = false;
  for (char32_t c : s) {
    if (c >= U'0' && c <= U'9') digit = true;
    else if (!(is_blank(c) || c == U',' || c == U'.' || c == U'-')) return false;
  }
  return digit;
}

class Builder {
 public:
  Builder(const Report& r, std::vector<StreamCell>& out) : text_(r.folded.text), out_(out) {}

  // One cell from the trimmed range [b, e).
  void cell(std::size_t b, std::size_t e, std::uint32_t line) {
    trim(text_, b, e);
    StreamCell c;
    c.begin = b;
    c.end = e;
    c.line = line;
    const std::u32string_view s = text_.substr(b, e - b);
    const grammar::CellValue v = grammar::parse_cell_value(s);
    if (v.kind == grammar::CellValueKind::Number) {
      c.kind = CellKind::Number;
      c.value = v.number.quantity();
    } else if (v.kind == grammar::CellValueKind::Blank) {
      c.kind = CellKind::Blank;
    } else if (is_unit_word(s)) {
      c.kind = CellKind::Unit;
    } else if (is_digit_like(s)) {
      c.kind = CellKind::DigitRun;
    } else {
      c.key = label_key(s);
    }
    out_.push_back(c);
  }

  // A line without separators: a line of clean numbers becomes one cell per number; a short
  // label with digits glued on becomes the label and its digits; anything else is one cell.
  void plain_line(std::size_t b, std::size_t e, std::uint32_t line) {
    trim(text_, b, e);
    std::size_t tail = e;
    while (tail > b && is_tail_char(text_[tail - 1])) --tail;
    while (tail < e && !is_digit(text_[tail])) ++tail;
    if (tail == e || e - b > 80) return cell(b, e, line);
    std::size_t head_end = tail;
    trim(text_, b, head_end);
    if (head_end > b) {
      // A date or an ordinal is not a label with a tail ("截至2021年12月", "第 2").
      const char32_t last = text_[head_end - 1];
      if (last == U'年' || last == U'月' || last == U'日' || last == U'第' || last == U'至' || last == U'到') return cell(b, e, line);
    }
    // The digit groups; only clean numbers are split, "23 0 00 0 023" stays one (unreadable) cell.
    std::vector<std::pair<std::size_t, std::size_t>> groups;
    for (std::size_t p = tail; p < e;) {
      while (p < e && is_blank(text_[p])) ++p;
      std::size_t q = p;
      while (q < e && !is_blank(text_[q])) ++q;
      if (q > p) groups.emplace_back(p, q);
      p = q;
    }
    bool clean = true;
    for (auto [gb, ge] : groups)
      clean = clean && grammar::parse_cell_value(text_.substr(gb, ge - gb)).kind == grammar::CellValueKind::Number;
    if (head_end > b) label_cells(b, head_end, line);
    const std::size_t first = out_.size();
    if (!clean || groups.size() == 1) {
      cell(tail, e, line);
    } else {
      for (auto [gb, ge] : groups) cell(gb, ge, line);
    }
    for (std::size_t i = first; i < out_.size(); ++i) out_[i].glued = head_end > b;
  }

  // "三、本年度办理结果 （一）予以公开": a group label and its first row label on one line (PDF
  // text, space-separated rows) are two labels; a blank before a numbering marker divides them.
  void label_cells(std::size_t b, std::size_t e, std::uint32_t line) {
    std::size_t start = b;
    for (std::size_t p = b + 1; p < e; ++p) {
      if (!is_blank(text_[p - 1]) || is_blank(text_[p])) continue;
      const auto marker = grammar::parse_heading_marker(text_.substr(p, std::min<std::size_t>(e - p, 16)));
      if (!marker || marker->marker_begin != 0) continue;
      cell(start, p, line);
      start = p;
    }
    cell(start, e, line);
  }

  // "规章 | 0 | | 5 |": one cell per separated piece. A trailing separator ends the row without
  // adding a cell; "| a | b |" (Markdown) has no empty first cell; "|---|:--|" rows are skipped.
  void separated_line(std::size_t b, std::size_t e, std::uint32_t line) {
    trim(text_, b, e);
    const std::u32string_view s = text_.substr(b, e - b);
    if (s.find_first_not_of(U"|-:= \t") == std::u32string_view::npos && s.find(U'-') != std::u32string_view::npos) return;
    std::vector<std::pair<std::size_t, std::size_t>> pieces;
    std::size_t start = b;
    for (std::size_t p = b; p < e; ++p)
      if (is_separator(text_[p])) {
        pieces.emplace_back(start, p);
        start = p + 1;
      }
    if (start < e) pieces.emplace_back(start, e);  // no trailing separator
    std::size_t separators = 0;
    for (char32_t c : s) separators += is_separator(c) ? 1 : 0;
    const bool markdown = separators >= 2 && is_separator(s.front()) && is_separator(s.back());
    for (std::size_t i = markdown ? 1 : 0; i < pieces.size(); ++i) cell(pieces[i].first, pieces[i].second, line);
  }

 private:
  std::u32string_view text_;
  std::vector<StreamCell>& out_;
};

}  // namespace

std::vector<StreamCell> cell_stream(const Report& report, std::uint32_t first_line, std::uint32_t last_line) {
  const std::u32string_view all(report.folded.text);
  std::vector<Line> lines;
  std::uint32_t number = 0;
  for_each_line(all, [&](std::size_t b, std::size_t e) {
    ++number;
    if (number >= first_line && number < last_line) lines.push_back({b, e, number});
  });
  // Blank lines separate cells when the text puts one between almost every pair of lines
  // (pages copied from HTML); then only a line of blanks (&nbsp;) is a blank cell.
  std::size_t empty = 0, adjacent = 0, filled = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].begin == lines[i].end) {
      ++empty;
      continue;
    }
    ++filled;
    if (i + 1 < lines.size() && lines[i + 1].begin != lines[i + 1].end) ++adjacent;
  }
  const bool blank_line_separated = filled >= 4 && empty * 10 >= filled * 7 && adjacent * 5 <= filled;

  std::vector<StreamCell> out;
  Builder builder(report, out);
  for (const Line& l : lines) {
    std::size_t tb = l.begin, te = l.end;
    trim(all, tb, te);
    const std::u32string_view trimmed = all.substr(tb, te - tb);
    if (l.begin == l.end) {
      if (!blank_line_separated) builder.cell(l.begin, l.end, l.number);
      continue;
    }
    if (tb == te) {
      builder.cell(tb, te, l.number);
      continue;
    }
    if (is_comment_line(trimmed) || classify_web_chrome(trimmed)) continue;
    if (trimmed.find_first_of(U"|\t") != std::u32string_view::npos) {
      builder.separated_line(l.begin, l.end, l.number);
    } else {
      builder.plain_line(l.begin, l.end, l.number);
    }
  }
  return out;
}

}  // namespace nblint
