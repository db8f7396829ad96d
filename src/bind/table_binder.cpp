#include "bind/table_binder.h"

#include <algorithm>
#include <optional>

#include "bind/cell_stream.h"
#include "grammar/heading.h"
#include "rules/section_matcher.h"

namespace nblint {

namespace {

// How far ahead of the next expected row a label may match: rows may be missing, but a header
// cell such as 总计 must not match the (七)总计 row from the table's first line.
constexpr std::size_t kRowWindow = 8;
// Longer cells are prose, not labels (the longest template label has 40 characters).
constexpr std::size_t kMaxLabelChars = 64;
// Text this short among a row's numbers is a cell that holds a word instead of a number.
constexpr std::size_t kMaxWordInCell = 6;
// A column with no cell in a row whose numbers a header placed.
constexpr std::size_t kNoCell = static_cast<std::size_t>(-1);

bool is_value(CellKind k) { return k == CellKind::Number || k == CellKind::Blank || k == CellKind::DigitRun; }

struct Region {
  std::uint32_t first_line = 1, last_line = 1;  // [first, last)
  bool found = false;                           // the section's heading was found
  bool run_on = false;  // the section shares its line with the next one (crawler output)
  std::size_t run_on_begin = 0, run_on_end = 0;  // then: its body in Report::folded.text
};

// The folded position of a source offset (the first folded character at or after it).
std::size_t folded_at(const Report& report, std::uint32_t source_offset) {
  return report.folded.origin.lower_bound(source_offset);
}

bool is_descendant(const Report& r, int s, int ancestor) {
  for (int p = r.sections[s].parent; p >= 0; p = r.sections[p].parent)
    if (p == ancestor) return true;
  return false;
}

Region section_region(const Report& report, int section) {
  Region region;
  region.last_line = report.line_count + 1;
  if (section < 0) return region;
  region.found = true;
  region.first_line = report.sections[section].heading.line + 1;
  for (std::size_t t = section + 1; t < report.sections.size(); ++t)
    if (!is_descendant(report, static_cast<int>(t), section)) {
      region.last_line = report.sections[t].heading.line;
      region.run_on = region.last_line < region.first_line;
      if (region.run_on) {
        region.run_on_begin = folded_at(report, report.sections[section].heading.text.end);
        region.run_on_end = folded_at(report, report.sections[t].heading.marker.begin);
      }
      break;
    }
  return region;
}

class TableBinder {
 public:
  TableBinder(const Report& report, const TableSpec& spec, const std::vector<StreamCell>& cells,
              std::size_t begin, std::size_t end)
      : report_(report), spec_(spec), cells_(cells), begin_(begin), end_(end) {
    table_.key = spec.key;
    table_.section = spec.section;
  }

  BoundTable bind(bool caption_found, bool section_found, Span where) {
    caption_found_ = caption_found;
    if (!caption_found && !spec_.anchors.empty()) note(BindIssue::CaptionNotFound, "", where);
    if (spec_.unlabelled) {
      // Without row labels only the section's own heading says where the numbers are.
      if (section_found) bind_unlabelled();
    } else {
      bind_labelled();
    }
    table_.found = !table_.rows.empty();
    if (!table_.found) {
      // Rows whose digits ran together say more than "no table": keep those notes alone.
      bool unreadable_rows = false;
      for (const BindNote& n : table_.notes) unreadable_rows = unreadable_rows || n.issue == BindIssue::Unreadable;
      std::erase_if(table_.notes, [](const BindNote& n) { return n.issue != BindIssue::Unreadable; });
      if (!unreadable_rows) note(BindIssue::NoTable, "", where);
    }
    return std::move(table_);
  }

 private:
  std::u32string_view text(const StreamCell& c) const {
    return std::u32string_view(report_.folded.text).substr(c.begin, c.end - c.begin);
  }
  // A header cell as one line: a cell broken across lines (本年新 / 制作数量) is read joined.
  std::u32string header_text(const StreamCell& c) const {
    std::u32string t(text(c));
    std::erase_if(t, [](char32_t ch) { return ch == U'\n' || ch == U'\r'; });
    return t;
  }
  Span span(const StreamCell& c) const { return report_.folded.source_span(c.begin, c.end); }

  void note(BindIssue issue, std::string row, Span at, int expected = 0, int found = 0, std::string column = {}) {
    table_.notes.push_back({issue, std::move(row), std::move(column), at, expected, found});
  }

  // The spec row a label cell names, searching from the next expected row onwards.
  int match_row(const StreamCell& c, std::size_t from) const {
    if (c.kind != CellKind::Text) return -1;
    const std::u32string_view t = text(c);
    // A sentence ("本年新收政府信息公开申请3件。") names a row but is prose, not its label.
    if (!t.empty() && (t.back() == U'。' || t.back() == U';')) return -1;
    const std::u32string& key = c.key;
    if (key.empty() || key.size() > kMaxLabelChars) return -1;
    // Digits make a cell prose or a label with its numbers, except in a note bracketed after
    // the label: the 2014 table has two ("主动公开政府信息数（不同渠道和方式公开相同信息计1条）").
    std::u32string_view head = t;
    if (const auto marker = grammar::parse_heading_marker(t); marker && marker->text_begin < t.size())
      head.remove_prefix(marker->text_begin);
    for (char32_t ch : head.substr(0, head.find(U'(', 1)))
      if (ch >= U'0' && ch <= U'9') return -1;
    const std::size_t to = std::min(spec_.rows.size(), from + kRowWindow);
    for (std::size_t r = from; r < to; ++r)
      if (spec_.rows[r].matches(key) || (c.run_on && ends_with_label(key, spec_.rows[r]))) return static_cast<int>(r);
    return -1;
  }

  // A run-on text cell holds whatever ran into the label ("第二十条第(五)项信息内容本年处理决定
  // 数量行政许可"): its last words are the label, so a label matched whole (=行政许可) may end it.
  static bool ends_with_label(std::u32string_view key, const TableRowSpec& row) {
    for (const std::u32string& k : row.keywords)
      if (!k.empty() && k.front() == U'=' && key.size() > k.size() - 1 && key.ends_with(std::u32string_view(k).substr(1)))
        return true;
    return false;
  }

  BoundCell bound(const StreamCell& c) const {
    BoundCell b;
    b.span = span(c);
    b.line = c.line;
    b.text = std::u32string(text(c));
    switch (c.kind) {
      case CellKind::Number: b.state = CellState::Number; b.value = c.value; break;
      case CellKind::Blank: b.state = CellState::Blank; break;
      default: b.state = CellState::NotANumber; break;
    }
    return b;
  }

  // Collects up to one value per column from cells[i…), stopping at the next row label. Text
  // before the first value continues the label (a label split across lines); a unit alone is
  // the pre-2019 table's unit column. Returns the index after the last cell used.
  std::size_t collect(std::size_t i, std::size_t next_row, std::vector<std::size_t>& values) const {
    const std::size_t n = spec_.columns.size();
    for (; i < end_ && values.size() < n; ++i) {
      const StreamCell& c = cells_[i];
      if (is_value(c.kind)) {
        values.push_back(i);
      } else if (c.kind == CellKind::Unit) {
        continue;
      } else if (match_row(c, next_row) >= 0) {
        break;
      } else if (!values.empty()) {
        // A short word where a number belongs (见说明, 不适用) is that cell, not the row's end;
        // in a run-on line text after the numbers is the next label.
        if (c.key.size() > kMaxWordInCell || c.run_on) break;
        values.push_back(i);
      }
    }
    return i;
  }

  // `values`: the cells for the columns in order; kNoCell where a column has none (a header
  // placed the numbers), and missing columns at the end when there are fewer.
  void bind_row(std::size_t r, Span label, std::uint32_t line, const std::vector<std::size_t>& values, Span after) {
    const TableRowSpec& rs = spec_.rows[r];
    // The cells present (values other than kNoCell): how many, the first, and whether a digit
    // run or only glued cells are among them.
    std::size_t present = 0, first_present = kNoCell;
    bool run_together = false, every_glued = true;
    for (std::size_t v : values) {
      if (v == kNoCell) continue;
      if (present++ == 0) first_present = v;
      run_together = run_together || cells_[v].kind == CellKind::DigitRun;
      every_glued = every_glued && cells_[v].glued;
    }
    // Fewer numbers than columns on the label's own line, split only by blanks: some cells ran
    // together (640020470 is 64,0,0,2,0,4,70), so taking them from the left would invent values.
    // Not so when a header has just as many cells and placed them (values then has a slot per
    // column).
    const bool all_glued = present > 0 && values.size() < spec_.columns.size() && every_glued;
    run_together = run_together || all_glued;
    if (run_together) {
      note(BindIssue::Unreadable, rs.key, present == 0 ? label : span(cells_[first_present]));
      return;
    }
    BoundRow row;
    row.key = rs.key;
    row.label = label;
    row.line = line;
    row.cells.reserve(spec_.columns.size());
    for (std::size_t c = 0; c < spec_.columns.size(); ++c) {
      if (c < values.size() && values[c] != kNoCell) {
        row.cells.push_back(bound(cells_[values[c]]));
        continue;
      }
      BoundCell missing;
      missing.span = {after.end, after.end};
      missing.line = line;
      row.cells.push_back(missing);
    }
    if (present < spec_.columns.size())
      note(BindIssue::ShortRow, rs.key, label.empty() ? after : label, static_cast<int>(spec_.columns.size()),
           static_cast<int>(present));
    extend(row.cells.empty() ? label : Span{label.empty() ? row.cells.front().span.begin : label.begin, after.end});
    table_.rows.push_back(std::move(row));
  }

  void extend(Span s) {
    if (table_.rows.empty() && table_.span.empty()) {
      table_.span = s;
    } else {
      table_.span.begin = std::min(table_.span.begin, s.begin);
      table_.span.end = std::max(table_.span.end, s.end);
    }
  }

  void bind_labelled() {
    std::size_t next_row = 0;
    std::vector<bool> seen(spec_.rows.size(), false);
    std::vector<std::size_t> header;  // text cells before the first row label
    std::vector<std::size_t> values;  // the row's cells (its memory kept from row to row)
    for (std::size_t i = begin_; i < end_; ++i) {
      const int r = match_row(cells_[i], next_row);
      if (r < 0) {
        if (table_.rows.empty() && cells_[i].kind == CellKind::Text) header.push_back(i);
        continue;
      }
      values.clear();
      std::size_t after = collect(i + 1, static_cast<std::size_t>(r) + 1, values);
      // A spreadsheet copy keeps the empty slots of merged label cells: when the row's own line
      // holds more cells than columns, the numbers are its last cells.
      while (!values.empty() && cells_[values.front()].kind == CellKind::Blank && after < end_ &&
             cells_[after].line == cells_[i].line && cells_[values.front()].line == cells_[i].line &&
             is_value(cells_[after].kind)) {
        values.erase(values.begin());
        values.push_back(after++);
      }
      // A run-on label cell holds the caption and the header run into the label.
      if (table_.rows.empty() && cells_[i].run_on) header.push_back(i);
      seen[r] = true;
      next_row = static_cast<std::size_t>(r) + 1;
      // A group label has no numbers of its own; empty cells beside it (a Markdown or HTML row
      // keeps them) are not a row of blanks.
      bool all_blank = true;
      for (std::size_t v : values) all_blank = all_blank && cells_[v].kind == CellKind::Blank;
      if (spec_.rows[r].group && all_blank) continue;
      // Numbers beyond the columns before the next label: the table has more columns than the
      // template (a 2021 report on the 2019 template), so positions may be shifted.
      std::size_t extra_end = after;
      if (values.size() == spec_.columns.size())
        while (extra_end < end_ && cells_[extra_end].kind == CellKind::Number) ++extra_end;
      const Span label = span(cells_[i]);
      const std::size_t first_extra = after;
      if (extra_end > after) {
        std::vector<std::size_t> all = values;
        for (std::size_t k = after; k < extra_end; ++k) all.push_back(k);
        if (auto placed = place_by_header(header, all)) values = std::move(*placed);
        after = extra_end;
      }
      // Fewer numbers than columns under a header naming each of them (a 2020 report on the
      // 2021 columns: 信息内容 · 本年处理决定数量 over 行政许可 | 5 for the 2019 pack's three).
      if (!values.empty() && values.size() < spec_.columns.size())
        if (auto placed = place_by_header(header, values)) values = std::move(*placed);
      std::size_t last_cell = kNoCell;
      for (std::size_t v : values) last_cell = v == kNoCell ? last_cell : v;
      const Span last = last_cell == kNoCell ? label : span(cells_[last_cell]);
      bind_row(r, label, cells_[i].line, values, last);
      if (extra_end > first_extra)
        note(BindIssue::ExtraCells, spec_.rows[r].key, span(cells_[first_extra]), static_cast<int>(spec_.columns.size()),
             static_cast<int>(spec_.columns.size() + extra_end - first_extra));
      i = after - 1;
    }
    for (const std::size_t h : header) table_.header.push_back(header_text(cells_[h]));
    if (table_.rows.empty()) return;
    for (std::size_t r = 0; r < spec_.rows.size(); ++r)
      if (!seen[r] && !spec_.rows[r].group) note(BindIssue::RowNotFound, spec_.rows[r].key, table_.span);
    check_header(header);
  }

  // A row with more or fewer numbers than columns under a one-row header with one cell per
  // number (caption, the row labels' header 信息内容, then the data headers): each column takes
  // the number under the header cell that names it (kNoCell where none does). Nullopt
  // (template order stands) unless the header names, in template order, every column (more
  // numbers) or every number (fewer): a two-level header (申请人情况 over 自然人 · 法人或其他
  // 组织 · 总计 over …) or a stray number after a row places nothing.
  std::optional<std::vector<std::size_t>> place_by_header(const std::vector<std::size_t>& header,
                                                          const std::vector<std::size_t>& values) const {
    constexpr std::size_t kLeadingHeaderCells = 2;  // the caption and the row labels' header
    if (!caption_found_ || header.size() != kLeadingHeaderCells + values.size()) return std::nullopt;
    const bool more = values.size() > spec_.columns.size();
    std::vector<std::size_t> placed;
    std::size_t from = 0, used = 0;  // columns keep their template order
    for (const LabelSpec& column : spec_.columns) {
      std::size_t k = from;
      while (k < values.size() && !column.matches(cells_[header[kLeadingHeaderCells + k]].key)) ++k;
      if (k == values.size()) {
        if (more) return std::nullopt;
        placed.push_back(kNoCell);
        continue;
      }
      placed.push_back(values[k]);
      from = k + 1;
      ++used;
    }
    if (!more && used < values.size()) return std::nullopt;
    return placed;
  }

  void check_header(const std::vector<std::size_t>& header) {
    for (const LabelSpec& column : spec_.columns) {
      bool found = false;
      // Header labels may be broken across cells (本年新 / 制作数量): try each with its successor.
      for (std::size_t k = 0; k < header.size() && !found; ++k) {
        const std::u32string& key = cells_[header[k]].key;
        found = column.matches(key);
        if (!found && k + 1 < header.size()) found = column.matches(key + cells_[header[k + 1]].key);
      }
      if (!found) note(BindIssue::HeaderNotFound, "", table_.span, 0, 0, column.key);
    }
  }

  // Section 四: one row of numbers after the (often run-together) header cells. A number in a
  // sentence before the header (a run-on line's 本年度行政复议1件，…) is not the row: the
  // longest run of values is, the last of equal ones (the row follows the prose).
  void bind_unlabelled() {
    std::size_t i = end_, longest = 0;
    for (std::size_t k = begin_; k < end_;) {
      if (cells_[k].kind != CellKind::Number && cells_[k].kind != CellKind::DigitRun) {
        ++k;
        continue;
      }
      std::size_t run_end = k;
      while (run_end < end_ && is_value(cells_[run_end].kind)) ++run_end;
      if (run_end - k >= longest) {
        i = k;
        longest = run_end - k;
      }
      k = run_end;
    }
    // A row of blank cells only (a table left empty, 15 × "/"), as long as the table is wide:
    // that is the row, unfilled, not an absent table. Shorter runs of blanks are prose (无).
    if (i == end_)
      for (std::size_t k = begin_; k < end_;) {
        std::size_t run_end = k;
        while (run_end < end_ && cells_[run_end].kind == CellKind::Blank) ++run_end;
        if (run_end - k >= spec_.columns.size()) {
          i = k;
          break;
        }
        k = std::max(run_end, k + 1);
      }
    for (std::size_t k = begin_; k < i && k < end_; ++k)
      if (cells_[k].kind == CellKind::Text) table_.header.push_back(header_text(cells_[k]));
    if (i == end_) return;
    std::vector<std::size_t> values;
    for (; i < end_ && values.size() < spec_.columns.size() && is_value(cells_[i].kind); ++i) values.push_back(i);
    bind_row(0, Span{}, cells_[values.front()].line, values, span(cells_[values.back()]));
  }

  const Report& report_;
  const TableSpec& spec_;
  const std::vector<StreamCell>& cells_;
  std::size_t begin_, end_;
  bool caption_found_ = false;
  BoundTable table_;
};

bool names_anchor(const StreamCell& c, const TableSpec& spec) {
  if (c.kind != CellKind::Text || spec.anchors.empty()) return false;
  const std::u32string& key = c.key;
  if (key.size() > kMaxLabelChars) return false;
  for (const std::u32string& a : spec.anchors)
    if (key.find(a) != std::u32string::npos) return true;
  return false;
}

}  // namespace

std::vector<BoundTable> bind_tables(const Report& report, const Pack& pack, const std::vector<SectionMatch>& matches) {
  std::vector<BoundTable> out;
  if (pack.tables.empty()) return out;
  // Cell streams per section, built once for the tables that share a section.
  std::vector<std::vector<StreamCell>> streams(pack.sections.size());
  std::vector<Region> regions(pack.sections.size());
  std::vector<bool> built(pack.sections.size(), false);
  for (const TableSpec& spec : pack.tables) {
    std::size_t s = 0;
    while (s < pack.sections.size() && pack.sections[s].key != spec.section) ++s;
    if (!built[s]) {
      regions[s] = section_region(report, matches[s].section);
      streams[s] = regions[s].run_on ? run_on_cell_stream(report, regions[s].run_on_begin, regions[s].run_on_end)
                                     : cell_stream(report, regions[s].first_line, regions[s].last_line);
      built[s] = true;
    }
    const std::vector<StreamCell>& cells = streams[s];
    const Span where = regions[s].found ? report.sections[matches[s].section].heading.text : Span{};
    // The table runs from its caption to the next caption of a table in the same section.
    std::size_t begin = 0, end = cells.size();
    bool caption_found = false;
    for (std::size_t i = 0; i < cells.size(); ++i)
      if (names_anchor(cells[i], spec)) {
        begin = i;
        caption_found = true;
        break;
      }
    if (caption_found) {
      for (std::size_t i = begin + 1; i < cells.size() && end == cells.size(); ++i)
        for (const TableSpec& other : pack.tables)
          if (&other != &spec && other.section == spec.section && names_anchor(cells[i], other)) {
            end = i;
            break;
          }
    }
    out.push_back(TableBinder(report, spec, cells, begin, end).bind(caption_found, regions[s].found, where));
  }
  return out;
}

}  // namespace nblint
