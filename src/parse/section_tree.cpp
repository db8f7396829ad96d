#include "parse/section_tree.h"

#include "grammar/heading.h"
#include "parse/chinese_numeral.h"
#include "parse/text_scan.h"
#include "parse/web_chrome.h"

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
  return line.find_first_of(U"|\t", text_begin) != std::u32string_view::npos;
}

std::u32string heading_key(std::u32string_view text) {
  std::u32string key;
  key.reserve(text.size());
  for (char32_t c : text)
    if (!is_blank(c)) key.push_back(c);
  return key;
}

}  // namespace

void build_section_tree(Report& report, const std::vector<int>* outline_levels) {
  const NormalizedText& folded = report.folded;
  const std::u32string_view all(folded.text);
  std::vector<int> open;  // stack of enclosing sections
  std::uint32_t line_no = 0;

  const auto add_paragraph = [&](std::size_t begin, std::size_t end) {
    trim(all, begin, end);
    if (begin == end) return;
    const int section = open.empty() ? -1 : open.back();
    report.paragraphs.push_back({begin, end, section, line_no});
    if (section >= 0) report.sections[section].body_chars += count_non_blank(all.substr(begin, end - begin));
    for (int s : open) {
      report.sections[s].extent.end = folded.source_span(begin, end).end;
    }
  };

  for_each_line(all, [&](std::size_t begin, std::size_t end) {
    ++line_no;
    const std::u32string_view line = all.substr(begin, end - begin);
    std::size_t tb = begin, te = end;
    trim(all, tb, te);
    const std::u32string_view trimmed = all.substr(tb, te - tb);
    if (is_comment_line(trimmed)) {
      report.comments.push_back(folded.source_span(tb, te));
      return;
    }
    if (const auto chrome = classify_web_chrome(trimmed)) {
      report.chrome.push_back({*chrome, folded.source_span(tb, te)});
      return;
    }
    auto marker = grammar::parse_heading_marker(line);
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
      return;
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
    for (int s : open) {
      report.sections[s].extent.end = section.extent.end;
    }
    report.sections.push_back(std::move(section));
    open.push_back(index);
    // The rest of a sentence-heading line is the section's first body text.
    if (text_end < line.size()) add_paragraph(begin + text_end + 1, end);
  });
  report.line_count = line_no;
}

}  // namespace nblint
