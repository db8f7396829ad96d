#include "parse/section_tree.h"

#include "grammar/heading.h"
#include "parse/chinese_numeral.h"
#include "parse/text_scan.h"
#include "parse/web_chrome.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "grammar/number.h"

namespace nblint {

namespace {

// Where a sentence-heading ends: "（二）抓好机构健全，落实工作责任。我镇…" has the heading
// "抓好机构健全，落实工作责任" and the body "我镇…". Folded text: ：；！？ are ASCII here.
bool ends_heading_sentence(char32_t c) {
  return c == U'。' || c == U':' || c == U';' || c == U'!' || c == U'?';
}

// A line holding cell separators is a table row even when it starts like a heading:
// "（一）予以公开 | 9 | 2 | 0" or "规章\t0\t0\t5" (tabs after the marker's own blanks).
bool is_table_row(std::u32string_view line, std::size_t text_begin) {
  return find_any_of(line, U"|\t", text_begin) != std::u32string_view::npos;
}

std::u32string heading_key(std::u32string_view text) {
  std::u32string key;
  key.reserve(text.size());
  for (char32_t c : text)
    if (!is_blank(c)) key.push_back(c);
  return key;
}

// A run-on line (crawler output with a whole report on one line) is read as several lines:
// it is broken before each heading marker that follows a sentence end ("…联系。一、总体情况").
constexpr std::size_t kRunOnLine = 300;

struct Unit {  // a line, or a piece of a run-on line
  std::size_t begin, end;
  std::uint32_t line;
  bool piece = false;  // cut out of a run-on line
};

// Crawlers join a heading to whatever came before it: a sentence, a blank, or the last cell
// of a table ("…432.52元三、收到和处理…", "…0000102五、存在的主要问题…").
bool may_precede_run_on_heading(char32_t c) {
  static constexpr std::u32string_view kEnds = U"。;!?) 元件条项次个";
  return kEnds.find(c) != std::u32string_view::npos || (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') ||
         (c >= U'A' && c <= U'Z') || is_blank(c);
}

// Where a heading cut out of a run-on line ends: after the word that ends template headings
// (…情况, …事项, 概述, …措施, …统计表), else at the first digit, bracket or comma, and never
// longer than a template heading.
std::size_t run_on_heading_end(std::u32string_view line, std::size_t text_begin) {
  constexpr std::size_t kMaxRunOnHeading = 30;
  static constexpr std::u32string_view kEndings[] = {U"情况统计表", U"统计表", U"情况", U"事项", U"概述", U"措施"};
  const std::size_t limit = std::min(line.size(), text_begin + kMaxRunOnHeading);
  for (std::size_t p = text_begin; p < limit; ++p)
    for (std::u32string_view e : kEndings)
      if (line.substr(p, e.size()) == e) return p + e.size();
  std::size_t cut = text_begin;
  while (cut < limit && !(line[cut] >= U'0' && line[cut] <= U'9') && line[cut] != U',' && line[cut] != U'(') ++cut;
  return cut;
}

// "一、本年新收政府信息公开申请数量 76 4 2 3 5 1 91": a label with its row of numbers after a
// blank (digits glued to the text are checked by has_glued_cells).
bool ends_with_numbers(std::u32string_view line) {
  std::size_t e = line.size();
  while (e > 0 && is_blank(line[e - 1])) --e;
  int groups = 0;
  while (e > 0 && line[e - 1] >= U'0' && line[e - 1] <= U'9') {
    while (e > 0 && ((line[e - 1] >= U'0' && line[e - 1] <= U'9') || line[e - 1] == U',' || line[e - 1] == U'.')) --e;
    ++groups;
    if (e == 0 || !is_blank(line[e - 1])) break;
    while (e > 0 && is_blank(line[e - 1])) --e;
  }
  return groups >= 1;  // one group too: a crawler's digit run (…申请数量 640020470)
}

// A row label with its cells run on ("二、上年结转政府信息公开申请数量000000"): digits follow
// the label closely, without a sentence break, and are not a year ("一、总体情况2023年，") or
// a count ("…行政复议1件").
bool has_glued_cells(std::u32string_view text) {
  constexpr std::size_t kWindow = 40;
  for (std::size_t i = 0; i < text.size() && i < kWindow; ++i) {
    const char32_t c = text[i];
    if (c == U',' || c == U'。' || c == U';' || c == U':') return false;
    if (c < U'0' || c > U'9') continue;
    std::size_t j = i;
    while (j < text.size() && text[j] >= U'0' && text[j] <= U'9') ++j;
    // A count in a sentence ("四、…情况本年度被申请行政复议1件，…") is no cell either.
    return j == text.size() || (text[j] != U'年' && text[j] != U'月' && text[j] != U'日' && !is_unit_word(text.substr(j, 1)));
  }
  return false;
}

void split_run_on(std::u32string_view all, std::size_t begin, std::size_t end, std::uint32_t line,
                  std::vector<Unit>& units) {
  std::size_t start = begin;
  for (std::size_t p = begin + 1; p < end; ++p) {
    if (!may_precede_run_on_heading(all[p - 1])) continue;
    const auto marker = grammar::parse_heading_marker(all.substr(p, std::min<std::size_t>(end - p, 40)));
    if (!marker || marker->marker_begin != 0) continue;
    // Only the top two numbering levels (一、 and （一）) cut a run-on line; 1. and (1) are too
    // common inside sentences.
    if (numbering_rank(marker->style, marker->markdown_level) > 2) continue;
    units.push_back({start, p, line, true});
    start = p;
  }
  units.push_back({start, end, line, start != begin});
}

// A table of contents run into one line ("概述,(一)注重重点推进,深化公开内容") is not a heading.
bool is_contents_line(std::u32string_view line, std::size_t text_begin) {
  for (std::size_t p = find_code_point(line, U',', text_begin); p != std::u32string_view::npos; p = find_code_point(line, U',', p + 1)) {
    const auto marker = grammar::parse_heading_marker(line.substr(p + 1, 16));
    if (marker && marker->marker_begin == 0) return true;
  }
  return false;
}

bool is_table_row_unit(std::u32string_view all, const Unit& u) {
  return holds_cell_separator(all.substr(u.begin, u.end - u.begin));
}

// Table cells that follow a row label on the next lines: a number, a blank marker, or a row
// ending in a cell separator.
bool is_cell_line(std::u32string_view trimmed) {
  if (trimmed.empty()) return false;
  // "0 |" is a cell; "第二十条第(一)项 |" is a caption, and a lone "|" may only start a row.
  while (!trimmed.empty() && (trimmed.back() == U'|' || is_blank(trimmed.back()))) trimmed.remove_suffix(1);
  if (trimmed.empty()) return false;
  const grammar::CellValue v = grammar::parse_cell_value(trimmed);
  if (v.kind == grammar::CellValueKind::Number) return true;
  // "无" alone is a section's whole content (六、其他需要报告的事项 / 无), not a blank cell.
  return v.kind == grammar::CellValueKind::Blank && trimmed != U"无" && trimmed != U"无。";
}

// The second line of a table label broken by a line break; not a "label: value" line.
bool is_label_continuation(std::u32string_view all, const Unit& u) {
  std::size_t b = u.begin, e = u.end;
  trim(all, b, e);
  const std::u32string_view t = all.substr(b, e - b);
  return is_broken_cell_piece(t) && t.find(U':') == std::u32string_view::npos;
}

// The heading markers of the units that have one. A long report has thousands of lines and few
// markers: a 4-byte slot per unit instead of an optional marker (48 bytes) per unit, which for a
// 2 MB report was 470 KB of fresh pages per report.
class UnitMarkers {
 public:
  explicit UnitMarkers(std::size_t units) : slot_(units, 0) {}
  void set(std::size_t u, const grammar::HeadingMarker& m) {
    found_.push_back(m);
    slot_[u] = static_cast<std::uint32_t>(found_.size());
  }
  // Null when unit u has no marker.
  const grammar::HeadingMarker* operator[](std::size_t u) const { return slot_[u] ? &found_[slot_[u] - 1] : nullptr; }

 private:
  std::vector<std::uint32_t> slot_;  // 1 + index in found_; 0: none
  std::vector<grammar::HeadingMarker> found_;
};

// Which heading-like units are table row labels: "一、本年新收…数量" followed by its numbers,
// "三、本年度办理结果" followed by the label "（一）予以公开" of a deeper level, and so on.
// Table labels are not headings. Lines of blanks (&nbsp; cells) count as cells when another
// cell or label follows them.
std::vector<bool> find_table_labels(std::u32string_view all, const std::vector<Unit>& units, const UnitMarkers& markers) {
  const std::size_t n = units.size();
  std::vector<bool> label(n, false);
  enum Kind { Empty, Note, Unit, BlankCell, Cell, Candidate, Other };
  std::vector<Kind> kind(n, Other);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t b = units[i].begin, e = units[i].end;
    if (b == e) { kind[i] = Empty; continue; }
    trim(all, b, e);
    const std::u32string_view t = all.substr(b, e - b);
    if (t.empty()) kind[i] = BlankCell;
    else if (t.front() == U'(' && t.back() == U')' && !markers[i]) kind[i] = Note;  // (不同渠道…计1条)
    else if (is_unit_word(t)) kind[i] = Unit;  // the pre-2019 table's unit column (万元)
    else if (markers[i]) kind[i] = Candidate;
    else if (is_cell_line(t)) kind[i] = Cell;
  }
  const auto next = [&](std::size_t i) {
    for (std::size_t j = i + 1; j < n; ++j)
      if (kind[j] != Empty && kind[j] != Note && kind[j] != Unit) return j;
    return n;
  };
  const auto rank = [&](std::size_t i) { return numbering_rank(markers[i]->style, markers[i]->markdown_level); };
  // Backwards, so a label's successor is already classified.
  std::vector<bool> cellish(n, false);  // a cell, or a blank cell that leads to cells or labels
  for (std::size_t i = n; i-- > 0;) {
    const std::size_t j = next(i);
    if (kind[i] == Cell) cellish[i] = true;
    if (kind[i] == BlankCell) cellish[i] = j < n && (cellish[j] || label[j]);
    if (kind[i] == Candidate && (units[i].piece || ends_with_numbers(all.substr(units[i].begin, units[i].end - units[i].begin))) &&
        has_glued_cells(all.substr(units[i].begin + markers[i]->text_begin, units[i].end - units[i].begin - markers[i]->text_begin)))
      label[i] = true;
    else if (kind[i] == Candidate && j < n) {
      // A label broken across two lines ("一、本年新收政府信息 / 公开申请数量") is followed by
      // its cells after the second line.
      const std::size_t k = j == i + 1 && kind[j] == Other && is_label_continuation(all, units[j]) ? next(j) : j;
      label[i] = k < n && (cellish[k] || (kind[k] == Candidate && label[k] && rank(k) > rank(i)));
    }
    // A unit cell right after the label ("（三）接受培训人员数 / 人次") is the unit column.
    for (std::size_t k = i + 1; kind[i] == Candidate && !label[i] && k < n && (kind[k] == Empty || kind[k] == Note || kind[k] == Unit); ++k)
      if (kind[k] == Unit) label[i] = true;
  }
  // A top-level number that goes back (…三、收到和处理… | cells | 二、上年结转…) right after a
  // cell is a row label of the table in progress, even when its own cells are cut off.
  int open_ordinal = 0;
  NumberingStyle open_style = NumberingStyle::ChineseComma;
  std::size_t previous = n;  // last non-empty unit
  for (std::size_t i = 0; i < n; ++i) {
    if (kind[i] == Empty) continue;
    if (kind[i] == Candidate && !label[i] && rank(i) == 1) {
      const int ordinal = numbering_value(all.substr(units[i].begin + markers[i]->numeral_begin,
                                                     markers[i]->numeral_end - markers[i]->numeral_begin))
                              .value_or(-1);
      const bool after_cell = previous < n && (kind[previous] == Cell || is_table_row_unit(all, units[previous]));
      if (after_cell && markers[i]->style == open_style && ordinal > 0 && ordinal <= open_ordinal) {
        label[i] = true;
      } else {
        open_ordinal = ordinal;
        open_style = markers[i]->style;
      }
    }
    previous = i;
  }
  return label;
}

}  // namespace

void build_section_tree(Report& report, const std::vector<int>* outline_levels) {
  const NormalizedText& folded = report.folded;
  const std::u32string_view all(folded.text);
  std::vector<int> open;  // stack of enclosing sections
  std::uint32_t line_no = 0;
  // Where each section's extent ends in the folded text, so far; made a source offset once, at
  // the end (source_span reads origin and the source: a cache miss or two per call).
  std::vector<std::size_t> folded_end(report.sections.size(), 0);  // 0: none (sections from before)

  const auto add_paragraph = [&](std::size_t begin, std::size_t end) {
    trim(all, begin, end);
    if (begin == end) return;
    const int section = open.empty() ? -1 : open.back();
    report.paragraphs.push_back({begin, end, section, line_no, holds_cell_separator(all.substr(begin, end - begin))});
    if (section >= 0) report.sections[section].body_chars += count_non_blank(all.substr(begin, end - begin));
    for (int s : open) folded_end[s] = end;
  };

  // Sized once: grown by doubling, a long report's lists would be fresh pages at every step.
  std::vector<Unit> units;
  units.reserve(line_count(folded));
  for_each_line(folded, [&](std::size_t begin, std::size_t end) {
    ++line_no;
    if (end - begin > kRunOnLine) {
      split_run_on(all, begin, end, line_no, units);
    } else {
      units.push_back({begin, end, line_no});
    }
  });
  report.line_count = line_no;
  UnitMarkers markers(units.size());
  for (std::size_t u = 0; u < units.size(); ++u) {
    const std::u32string_view line = all.substr(units[u].begin, units[u].end - units[u].begin);
    const auto marker = grammar::parse_heading_marker(line);
    if (marker && marker->text_begin < line.size() && !is_table_row(line, marker->text_begin) &&
        !is_contents_line(line, marker->text_begin))
      markers.set(u, *marker);
  }
  const std::vector<bool> table_label = find_table_labels(all, units, markers);
  report.paragraphs.reserve(report.paragraphs.size() + units.size());  // at most one per unit

  for (std::size_t u = 0; u < units.size(); ++u) {
    const std::size_t begin = units[u].begin, end = units[u].end;
    line_no = units[u].line;
    const std::u32string_view line = all.substr(begin, end - begin);
    std::size_t tb = begin, te = end;
    trim(all, tb, te);
    const std::u32string_view trimmed = all.substr(tb, te - tb);
    if (is_comment_line(trimmed)) {
      report.comments.push_back(folded.source_span(tb, te));
      continue;
    }
    if (const auto chrome = classify_web_chrome(trimmed)) {
      report.chrome.push_back({*chrome, folded.source_span(tb, te)});
      continue;
    }
    std::optional<grammar::HeadingMarker> marker;
    if (!table_label[u] && markers[u]) marker = *markers[u];
    // A paragraph the document styles as a heading (DOCX 标题 2) is one even without a number.
    const int outline = outline_levels && line_no <= outline_levels->size() ? (*outline_levels)[line_no - 1] : 0;
    if (!marker && outline > 0 && !trimmed.empty()) {
      grammar::HeadingMarker styled;
      styled.style = NumberingStyle::MarkdownOnly;
      styled.markdown_level = outline;
      styled.marker_begin = styled.numeral_begin = styled.numeral_end = styled.text_begin = tb - begin;
      marker = styled;
    }
    if (!marker || marker->text_begin >= line.size() || is_table_row(line, marker->text_begin)) {
      add_paragraph(begin, end);
      continue;
    }
    Section section;
    Heading& h = section.heading;
    h.style = marker->style;
    h.rank = numbering_rank(marker->style, marker->markdown_level);
    h.line = line_no;
    h.ordinal = numbering_value(line.substr(marker->numeral_begin, marker->numeral_end - marker->numeral_begin))
                    .value_or(-1);
    std::size_t text_end = marker->text_begin;
    while (text_end < line.size() && !ends_heading_sentence(line[text_end])) ++text_end;
    // In a run-on line the heading runs straight into its body ("一、总体情况2019年，…"): it
    // ends at the first digit or comma, and is never longer than a template heading.
    if (units[u].piece) text_end = std::min(text_end, run_on_heading_end(line, marker->text_begin));
    std::size_t trimmed_begin = begin + marker->text_begin, trimmed_end = begin + text_end;
    trim(all, trimmed_begin, trimmed_end);
    h.marker = folded.source_span(begin + marker->marker_begin, begin + marker->text_begin);
    h.text = folded.source_span(trimmed_begin, trimmed_end);
    h.key = heading_key(all.substr(trimmed_begin, trimmed_end - trimmed_begin));

    while (!open.empty() && report.sections[open.back()].heading.rank >= h.rank) open.pop_back();
    section.parent = open.empty() ? -1 : open.back();
    section.extent = folded.source_span(begin + marker->marker_begin, trimmed_end);
    const int index = static_cast<int>(report.sections.size());
    if (section.parent >= 0) report.sections[section.parent].children.push_back(index);
    for (int s : open) folded_end[s] = trimmed_end;
    report.sections.push_back(std::move(section));
    folded_end.push_back(trimmed_end);
    open.push_back(index);
    // The rest of a sentence-heading line is the section's first body text.
    if (text_end < line.size()) add_paragraph(begin + text_end + 1, end);
  }
  // A range's source end depends on its last character alone.
  for (std::size_t s = 0; s < report.sections.size(); ++s)
    if (folded_end[s] != 0) report.sections[s].extent.end = folded.source_span(folded_end[s] - 1, folded_end[s]).end;
}

}  // namespace nblint
