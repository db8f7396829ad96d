#include "parse/metadata.h"

#include <array>
#include <cstdint>

#include "grammar/date.h"
#include "parse/text_scan.h"

namespace nblint {

namespace {

// Longest first, so 文章来源 wins over 来源 and 发文字号 over 文号.
constexpr std::array<std::u32string_view, 28> kLabels = {
    U"单位负责人", U"发文机关", U"发文字号", U"发文日期", U"发布机构", U"发布日期", U"发布时间", U"公开日期",
    U"公开范围", U"公开方式", U"生成日期", U"成文日期", U"印发日期", U"主题分类", U"文章来源", U"信息来源",
    U"填报单位", U"填报日期", U"填报人", U"审核人", U"联系电话", U"索引号", U"有效性", U"标题",
    U"来源", U"文号", U"分类", U"时间"};

// The first characters of the labels, by their low six bits: a position whose character is not
// one of them starts no label, and most positions (the cells of table rows) are answered so.
constexpr std::uint64_t kLabelFirstBits = [] {
  std::uint64_t bits = 0;
  for (auto label : kLabels) bits |= std::uint64_t{1} << (label.front() & 63);
  return bits;
}();

bool may_start_label(char32_t c) { return (kLabelFirstBits >> (c & 63)) & 1; }

struct LabelAt {
  std::u32string_view label;
  std::size_t begin, colon;  // in the line: label start, and the ':' (or cell '|') after it
};

// Whether position i starts a table cell: the line's start or a '|', blanks allowed between.
bool at_cell_start(std::u32string_view line, std::size_t i) {
  while (i > 0 && is_blank(line[i - 1])) --i;
  return i == 0 || line[i - 1] == U'|';
}

bool at_field_start(std::u32string_view line, std::size_t i) {
  if (i == 0) return true;
  const char32_t c = line[i - 1];
  return is_blank(c) || c == U'|' || c == U'•' || c == U'·' || c == U'*' || c == U'-';
}

// A label at i, letters possibly spaced out (索 引 号), then an optional (盖章) and ':'; or a
// label that fills a whole table cell, without a colon (| 发文日期 | 2018-02-28 |).
std::optional<LabelAt> label_at(std::u32string_view line, std::size_t i) {
  if (!may_start_label(line[i]) || !at_field_start(line, i)) return std::nullopt;
  for (auto label : kLabels) {
    std::size_t j = i;
    std::size_t k = 0;
    while (k < label.size() && j < line.size() && line[j] == label[k]) {
      ++j, ++k;
      while (k < label.size() && j < line.size() && is_blank(line[j])) ++j;
    }
    if (k < label.size()) continue;
    if (j < line.size() && line[j] == U'(') {  // 填报单位(盖章):
      const std::size_t close = line.find(U')', j);
      if (close == std::u32string_view::npos || close - j > 6) continue;
      j = close + 1;
    }
    while (j < line.size() && is_blank(line[j])) ++j;
    if (j < line.size() && line[j] == U':') return LabelAt{label, i, j};
    if (j < line.size() && line[j] == U'|' && at_cell_start(line, i)) return LabelAt{label, i, j};
  }
  return std::nullopt;
}

}  // namespace

void find_metadata(Report& report) {
  const NormalizedText& folded = report.folded;
  const std::u32string_view all(folded.text);
  // Only a line holding ':' or '|' can hold a field. Those characters are found by one pass
  // over the whole text, and only the lines holding them are cut out and read (most are not).
  constexpr auto npos = std::u32string_view::npos;
  for (std::size_t mark = find_any_of_in_one_pass(all, U":|"); mark != npos;) {
    std::size_t begin = mark;
    while (begin > 0 && all[begin - 1] != U'\n') --begin;
    const std::size_t line_end = find_code_point(all, U'\n', mark);
    const std::size_t end = line_end == npos ? all.size() : line_end;
    mark = line_end == npos ? npos : find_any_of_in_one_pass(all, U":|", line_end + 1);
    const std::u32string_view line = all.substr(begin, end - begin);
    std::vector<LabelAt> labels;
    for (std::size_t i = 0; i < line.size(); ++i)
      if (auto l = label_at(line, i)) {
        labels.push_back(*l);
        i = l->colon;
      }
    for (std::size_t n = 0; n < labels.size(); ++n) {
      std::size_t vb = labels[n].colon + 1;
      std::size_t ve = n + 1 < labels.size() ? labels[n + 1].begin : line.size();
      const std::size_t bar = find_code_point(line, U'|', vb);
      if (bar != std::u32string_view::npos && bar < ve) {
        // | 索引号: | pjsrmzf-2019-000223 | …: an empty cell after the label holds the value's cell.
        std::size_t cell_b = vb, cell_e = bar;
        trim(line, cell_b, cell_e);
        if (cell_b == cell_e) {
          vb = bar + 1;
          const std::size_t next_bar = find_code_point(line, U'|', vb);
          ve = std::min(ve, next_bar == std::u32string_view::npos ? line.size() : next_bar);
        } else {
          ve = bar;
        }
      }
      trim(line, vb, ve);
      MetadataField field;
      field.label = std::u32string(labels[n].label);
      field.label_span = folded.source_span(begin + labels[n].begin, begin + labels[n].colon);
      field.value_span = folded.source_span(begin + vb, begin + ve);
      const auto dates = grammar::find_dates(line.substr(vb, ve - vb), grammar::MalformedDates::Keep);
      if (!dates.empty() && dates[0].begin == 0)
        field.date = DateValue{dates[0].year, dates[0].month, dates[0].day,
                               folded.source_span(begin + vb + dates[0].begin, begin + vb + dates[0].end),
                               dates[0].form == grammar::DateMatch::Form::Malformed};
      report.metadata.push_back(std::move(field));
    }
  }
}

}  // namespace nblint
