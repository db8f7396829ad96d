#include "bind/cell_stream.h"

#include <algorithm>

#include "bind/label_key.h"
#include "grammar/heading.h"
#include "grammar/number.h"
#include "parse/text_scan.h"
#include "parse/web_chrome.h"

namespace nblint {

namespace {

using Line = FoldedLine;

bool is_separator(char32_t c) { return c == U'|' || c == U'\t'; }

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool is_cjk(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

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
    if (head_end > b) label_cells(b, head_end, line);
    number_cells(tail, e, line, head_end > b);
  }

  // The digit groups of [b, e), split by blanks; only clean numbers are split, "23 0 00 0 023"
  // stays one (unreadable) cell. `glued`: they share the line with their label.
  void number_cells(std::size_t b, std::size_t e, std::uint32_t line, bool glued) {
    std::vector<std::pair<std::size_t, std::size_t>> groups;
    for (std::size_t p = b; p < e;) {
      while (p < e && is_blank(text_[p])) ++p;
      std::size_t q = p;
      while (q < e && !is_blank(text_[q])) ++q;
      if (q > p) groups.emplace_back(p, q);
      p = q;
    }
    bool clean = true;
    for (auto [gb, ge] : groups)
      clean = clean && grammar::parse_cell_value(text_.substr(gb, ge - gb)).kind == grammar::CellValueKind::Number;
    const std::size_t first = out_.size();
    if (!clean || groups.size() == 1) {
      cell(b, e, line);
    } else {
      for (auto [gb, ge] : groups) cell(gb, ge, line);
    }
    for (std::size_t i = first; i < out_.size(); ++i) out_[i].glued = glued;
  }

  // A piece of a run-on line (crawler output, a whole report on one line): labels and digit
  // runs alternate without separators ("行政许可2629第二十条第（六）项…行政处罚1330"). Every
  // number is glued to its label; a text cell may hold a caption, a header and a label run
  // together, so it is marked run_on for the binder.
  void run_on_text(std::size_t b, std::size_t e, std::uint32_t line) {
    for (std::size_t p = b; p < e;) {
      std::size_t q = p;
      while (q < e && !starts_number(b, q, e)) ++q;
      if (q > p) {
        const std::size_t first = out_.size();
        // The label right before the numbers may have run into the header too: "…法律服务机构
        // 其他一、本年新收政府信息公开申请数量801000081". Its own marker starts it.
        const std::size_t label = q < e ? last_marker(p, q) : p;
        if (label > p) label_cells(p, label, line);
        label_cells(label, q, line);
        for (std::size_t i = first; i < out_.size(); ++i) out_[i].run_on = true;
      }
      if (q == e) break;
      std::size_t r = q;
      // Digits, a decimal point or separator between digits, blanks between digit groups.
      const auto continues_number = [&](std::size_t at) {
        if (is_digit(text_[at])) return true;
        if (at + 1 >= e) return false;
        if (text_[at] == U'.' || text_[at] == U',') return is_digit(text_[at + 1]);
        return is_blank(text_[at]) && (is_digit(text_[at + 1]) || is_blank(text_[at + 1]));
      };
      while (r < e && continues_number(r)) ++r;
      // "…3 0 0 0 0 0 32.没有现成信息…": the digit before ".没" is the next label's numbering
      // (items run to 8), not part of the row's last cell.
      if (r < e && r - q >= 2 && (text_[r] == U'.' || text_[r] == U'、') && r + 1 < e && is_cjk(text_[r + 1])) --r;
      while (r > q && !is_digit(text_[r - 1])) --r;
      if (r > q) number_cells(q, r, line, true);
      p = r;  // past the number (where the text stopped, a digit starts one)
    }
  }

  // "三、本年度办理结果 （一）予以公开": a group label and its first row label on one line (PDF
  // text, space-separated rows) are two labels; a blank before a numbering marker divides them.
  // Crawler text drops that blank ("（三）不予公开1.属于国家秘密", "三、本年度办理结果（一）予以
  // 公开"): a row-level marker (（一）, 1.) right after a CJK character divides them too.
  void label_cells(std::size_t b, std::size_t e, std::uint32_t line) {
    std::size_t start = b;
    for (std::size_t p = b + 1; p < e; ++p) {
      if (is_blank(text_[p])) continue;
      const bool after_blank = is_blank(text_[p - 1]);
      // 第（一）项 is a caption's words, not two labels.
      if (!after_blank && (!is_cjk(text_[p - 1]) || text_[p - 1] == U'第' || p - start < 3)) continue;
      const auto marker = grammar::parse_heading_marker(text_.substr(p, std::min<std::size_t>(e - p, 16)));
      if (!marker || marker->marker_begin != 0 || marker->text_begin >= e - p) continue;
      if (!after_blank && marker->style != NumberingStyle::ParenChinese && marker->style != NumberingStyle::ArabicDot) continue;
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
  // Where the last top-level numbered label (一、…) in [b, e) starts after a CJK character, or b.
  std::size_t last_marker(std::size_t b, std::size_t e) const {
    for (std::size_t p = e; p-- > b + 1;) {
      // 第…, and 十 of 十一、 (the marker starts a character earlier).
      if (!is_cjk(text_[p - 1]) || std::u32string_view(U"第一二三四五六七八九十").find(text_[p - 1]) != std::u32string_view::npos)
        continue;
      const auto marker = grammar::parse_heading_marker(text_.substr(p, std::min<std::size_t>(e - p, 16)));
      if (marker && marker->marker_begin == 0 && marker->text_begin < e - p && marker->style == NumberingStyle::ChineseComma)
        return p;
    }
    return b;
  }

  // A number starts at `at`, not a label's numbering (…不予公开1.属于…) or a date (2023年).
  bool starts_number(std::size_t b, std::size_t at, std::size_t e) const {
    if (!is_digit(text_[at]) || (at > b && is_digit(text_[at - 1]))) return false;
    std::size_t d = at;
    while (d < e && is_digit(text_[d])) ++d;
    if (d == e) return true;
    const char32_t after = text_[d];
    if (after == U'年' || after == U'月' || after == U'日') return false;
    // Numbering has one or two digits; in "00000002.其他…" the digits are a number run that
    // swallowed the next label's 2 (the run stays unreadable either way).
    constexpr std::size_t kMaxMarkerDigits = 2;
    return !((after == U'.' || after == U'、') && d - at <= kMaxMarkerDigits && d + 1 < e && is_cjk(text_[d + 1]) && at > b);
  }

  std::u32string_view text_;
  std::vector<StreamCell>& out_;
};

// A line that can only be (part of) a text cell: no separators, no value, no furniture.
bool is_text_line(std::u32string_view all, std::size_t tb, std::size_t te) {
  const std::u32string_view t = all.substr(tb, te - tb);
  // A digit at the end may be a glued row of numbers (plain_line splits those off).
  if (t.empty() || is_digit(t.back()) || holds_cell_separator(t)) return false;
  if (is_comment_line(t) || classify_web_chrome(t) || is_unit_word(t) || is_digit_like(t)) return false;
  return grammar::parse_cell_value(t).kind == grammar::CellValueKind::NotANumber;
}

bool is_cell_piece(std::u32string_view all, std::size_t tb, std::size_t te) {
  return is_broken_cell_piece(all.substr(tb, te - tb)) && is_text_line(all, tb, te);
}

// The next line carries on the cell above: text that starts no label of its own.
bool continues_cell(std::u32string_view all, const Line& next) {
  std::size_t b = next.begin, e = next.end;
  trim(all, b, e);
  if (b == e || !is_cell_piece(all, b, e)) return false;
  const auto marker = grammar::parse_heading_marker(all.substr(b, std::min<std::size_t>(e - b, 16)));
  return !(marker && marker->marker_begin == 0 && marker->text_begin < e - b);
}

}  // namespace

std::vector<FoldedLine> folded_lines(const Report& report, std::uint32_t first_line, std::uint32_t last_line) {
  const NormalizedText& folded = report.folded;
  // Start at the line of the last paragraph at or before first_line (paragraphs are in line
  // order and carry their line's number): its index is the number of breaks before it.
  std::size_t k = 0;
  std::uint32_t number = 1;
  const auto after = std::upper_bound(report.paragraphs.begin(), report.paragraphs.end(), first_line,
                                      [](std::uint32_t line, const Paragraph& p) { return line < p.line; });
  if (after != report.paragraphs.begin()) {
    const Paragraph& p = *std::prev(after);
    const std::vector<std::uint32_t>& breaks = folded.line_breaks;
    k = static_cast<std::size_t>(std::lower_bound(breaks.begin(), breaks.end(), p.folded_begin) - breaks.begin());
    number = p.line;
  }
  std::vector<FoldedLine> lines;
  for (const std::size_t n = line_count(folded); k < n && number < last_line; ++k, ++number) {
    if (number < first_line) continue;
    const auto [begin, end] = line_range(folded, k);
    lines.push_back({begin, end, number});
  }
  return lines;
}

std::vector<StreamCell> cell_stream(const Report& report, std::uint32_t first_line, std::uint32_t last_line) {
  const std::u32string_view all(report.folded.text);
  const std::vector<Line> lines = folded_lines(report, first_line, last_line);
  // Blank lines separate cells when the text puts one between almost every pair of lines
  // (pages copied from HTML); then only a line of blanks (&nbsp;) is a blank cell.
  std::size_t empty = 0, adjacent = 0, filled = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].begin == lines[i].end) {
      ++empty;
      continue;
    }
    ++filled;
    // Two text lines in a row are one cell broken by a line break (本年制发 / 件数), which
    // blank-line separated text has too; other neighbours are cells without separators.
    if (i + 1 < lines.size() && lines[i + 1].begin != lines[i + 1].end) {
      std::size_t tb = lines[i].begin, te = lines[i].end;
      trim(all, tb, te);
      if (!(is_cell_piece(all, tb, te) && continues_cell(all, lines[i + 1]))) ++adjacent;
    }
  }
  const bool blank_line_separated = filled >= 4 && empty * 10 >= filled * 7 && adjacent * 5 <= filled;

  std::vector<StreamCell> out;
  Builder builder(report, out);
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const Line& l = lines[li];
    std::size_t tb = l.begin, te = l.end;
    trim(all, tb, te);
    const std::u32string_view trimmed = all.substr(tb, te - tb);
    if (l.begin == l.end) {
      if (!blank_line_separated) builder.cell(l.begin, l.end, l.number);
      continue;
    }
    // Where empty lines separate the cells, a cell broken by a line break inside it spans
    // consecutive lines: "本年制发 / 件数", "一、本年新收政府信息 / 公开申请数量".
    if (blank_line_separated && is_cell_piece(all, tb, te)) {
      std::size_t last = li;
      while (last + 1 < lines.size() && continues_cell(all, lines[last + 1])) ++last;
      if (last > li) {
        std::size_t lb = lines[last].begin, le = lines[last].end;
        trim(all, lb, le);
        builder.cell(tb, le, l.number);
        li = last;
        continue;
      }
    }
    if (tb == te) {
      builder.cell(tb, te, l.number);
      continue;
    }
    if (is_comment_line(trimmed) || classify_web_chrome(trimmed)) continue;
    if (holds_cell_separator(trimmed)) {
      builder.separated_line(l.begin, l.end, l.number);
    } else {
      builder.plain_line(l.begin, l.end, l.number);
    }
  }
  return out;
}

std::vector<StreamCell> run_on_cell_stream(const Report& report, std::size_t begin, std::size_t end) {
  std::vector<StreamCell> out;
  const std::u32string_view all(report.folded.text);
  end = std::min(end, all.size());
  if (begin >= end) return out;
  std::uint32_t line = 1;
  for (std::size_t i = 0; i < begin; ++i) line += all[i] == U'\n' ? 1 : 0;
  Builder builder(report, out);
  builder.run_on_text(begin, end, line);
  return out;
}

}  // namespace nblint
