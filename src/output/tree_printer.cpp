#include "cli/i18n.h"
#include "output/model_names.h"
#include "output/printers.h"
#include "parse/organ.h"
#include "util/utf8.h"

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

// A quotation of at most `limit` code points, "…" marking a cut.
std::string quote(std::string_view text, std::size_t limit = 60) {
  std::size_t i = 0, n = 0;
  while (i < text.size() && n < limit) {
    i += utf8::decode(text, i).length;
    ++n;
  }
  return "“" + std::string(text.substr(0, i)) + (i < text.size() ? "…" : "") + "”";
}

// A line number right-aligned in five columns, as the section lines have it.
std::string line_column(std::uint32_t line) {
  std::string s = std::to_string(line);
  return std::string(s.size() < 5 ? 5 - s.size() : 0, ' ') + s;
}

std::string quantity_text(const Quantity& q) { return q.digits() + utf8::encode(q.unit); }

// "_" blank, "?" missing, "x" not a number, else the value.
std::string cell_text(const BoundCell& c) {
  switch (c.state) {
    case CellState::Number: return quantity_text(c.value);
    case CellState::Blank: return "_";
    case CellState::Missing: return "?";
    case CellState::NotANumber: return "x";
  }
  return "?";
}

std::string month_day(int month, int day) {
  if (!month) return "?";
  return std::to_string(month) + (day ? "-" + std::to_string(day) : std::string());
}

void print_facts(std::ostream& out, const SourceText& source, const Report& report, Lang lang) {
  out << tr(lang, "正文陈述的数字", "prose facts") << " (" << report.prose_facts.size() << "):\n";
  for (const ProseFact& f : report.prose_facts) {
    out << line_column(source.locate(f.span.begin).line) << "  " << prose_fact_key(f.kind) << " = "
        << quantity_text(f.value);
    if (f.number.empty()) out << tr(lang, "（隐含）", " (implied)");
    out << "    " << quote(original(source, f.span)) << '\n';
  }
  out << tr(lang, "数据期限说法", "data period claims") << " (" << report.period_claims.size() << "):\n";
  for (const DataPeriodClaim& c : report.period_claims) {
    out << line_column(source.locate(c.span.begin).line) << "  ";
    if (c.from_month) out << tr(lang, "自 ", "from ") << month_day(c.from_month, c.from_day) << ' ';
    out << tr(lang, "至 ", "to ") << (c.to_year ? std::to_string(c.to_year) + "-" : std::string())
        << month_day(c.to_month, c.to_day) << "    " << quote(original(source, c.span)) << '\n';
  }
}

void print_tables(std::ostream& out, const SourceText& source, const Report& report, Lang lang, bool verbose) {
  out << tr(lang, "表格", "tables") << " (" << report.tables.size() << "):\n";
  for (const BoundTable& t : report.tables) {
    out << "  " << t.key << tr(lang, "（章节 ", " (section ") << t.section << tr(lang, "）：", "): ");
    if (t.found) {
      const std::uint32_t first = source.locate(t.span.begin).line, last = source.locate(t.span.end).line;
      out << t.rows.size() << tr(lang, " 行，第", (first == last ? " row(s), line " : " row(s), lines ")) << first;
      if (last != first) out << "–" << last;
      out << tr(lang, "行", "") << '\n';
    } else {
      out << tr(lang, "未找到", "not found") << '\n';
    }
    for (const BoundRow& r : t.rows) {
      out << line_column(r.label.empty() ? r.line : source.locate(r.label.begin).line) << "    " << r.key << ':';
      for (const BoundCell& c : r.cells) out << ' ' << cell_text(c);
      out << '\n';
    }
    if (t.notes.empty()) continue;
    if (!verbose) {
      // "not found" already says what a lone no-table note would.
      if (!t.found && t.notes.size() == 1 && t.notes[0].issue == BindIssue::NoTable) continue;
      out << "    " << tr(lang, "（绑定不确定：", "(binding unsure: ") << t.notes.size()
          << tr(lang, " 条说明，加 --verbose 查看）", " note(s), see --verbose)") << '\n';
      continue;
    }
    for (const BindNote& n : t.notes) {
      out << "    ! " << tr(lang, "第", "line ") << source.locate(n.span.begin).line << tr(lang, "行：", ": ")
          << model_names::bind_note_message(n, lang) << '\n';
    }
  }
}

int depth(const Report& r, const Section& s) {
  int d = 0;
  for (int p = s.parent; p >= 0; p = r.sections[p].parent) ++d;
  return d;
}

}  // namespace

void print_tree(std::ostream& out, const SourceText& source, const Report& report, Lang lang, bool verbose) {
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
  print_facts(out, source, report, lang);
  print_tables(out, source, report, lang, verbose);
}

}  // namespace nblint
