#include "cli/i18n.h"
#include "output/printers.h"
#include "parse/organ.h"

namespace nblint {

namespace {

std::string_view original(const SourceText& source, Span s) {
  return std::string_view(source.text).substr(s.begin, s.end - s.begin);
}

std::string date_text(const DateValue& d) {
  std::string s = std::to_string(d.year);
  if (d.month) s += "-" + std::to_string(d.month);
  if (d.day) s += "-" + std::to_string(d.day);
  return s;
}

int depth(const Report& r, const Section& s) {
  int d = 0;
  for (int p = s.parent; p >= 0; p = r.sections[p].parent) ++d;
  return d;
}

}  // namespace

void print_tree(std::ostream& out, const SourceText& source, const Report& report, Lang lang) {
  out << source.display_path << '\n';
  if (report.title) {
    out << tr(lang, "标题", "title") << " (" << tr(lang, "第", "line ") << source.locate(report.title->span.begin).line
        << tr(lang, "行", "") << "): " << original(source, report.title->span) << '\n';
    if (const auto& organ = report.title->organ) {
      out << tr(lang, "机关", "organ") << ": " << original(source, organ->span) << " (" << organ_level_name(organ->level)
          << ")\n";
    }
  } else {
    out << tr(lang, "标题：未找到", "title: not found") << '\n';
  }
  if (report.period && report.period->from) {
    out << tr(lang, "统计期限", "statistical period") << " (" << tr(lang, "第", "line ")
        << source.locate(report.period->span.begin).line << tr(lang, "行", "") << "): "
        << date_text(*report.period->from);
    if (report.period->to) out << " — " << date_text(*report.period->to);
    out << '\n';
  }
  if (report.published) {
    out << tr(lang, "发布日期", "published") << " (" << tr(lang, "第", "line ")
        << source.locate(report.published->label.begin).line << tr(lang, "行", "") << "): "
        << date_text(report.published->date) << '\n';
  }
  for (const MetadataField& m : report.metadata) {
    out << tr(lang, "元数据", "metadata") << " (" << tr(lang, "第", "line ") << source.locate(m.label_span.begin).line
        << tr(lang, "行", "") << "): " << original(source, m.label_span) << " = " << original(source, m.value_span);
    if (m.date) out << "  [" << (m.date->malformed ? tr(lang, "日期格式错误", "malformed date") : date_text(*m.date)) << "]";
    out << '\n';
  }
  out << tr(lang, "章节", "sections") << " (" << report.sections.size() << "):\n";
  for (const Section& s : report.sections) {
    const Heading& h = s.heading;
    std::string line = std::to_string(source.locate(h.marker.begin).line);
    out << std::string(line.size() < 5 ? 5 - line.size() : 0, ' ') << line << "  "
        << std::string(2 * static_cast<std::size_t>(depth(report, s)), ' ')
        << original(source, {h.marker.begin, h.text.end}) << "    [" << tr(lang, "层级 ", "level ")
        << h.rank << " · " << numbering_style_name(h.style) << " · "
        << tr(lang, "序号 ", "number ") << h.ordinal << "]\n";
  }
}

}  // namespace nblint
