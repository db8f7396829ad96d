#include "parse/report_facts.h"

#include <array>

#include "grammar/date.h"
#include "parse/text_scan.h"

namespace nblint {

namespace {

constexpr std::size_t kTitleMaxChars = 80;      // a title is one short line
constexpr std::uint32_t kTitleSearchLines = 40;  // titles sit above the body, near the top

DateValue to_value(const NormalizedText& folded, std::size_t offset, const grammar::DateMatch& m) {
  return {m.year, m.month, m.day, folded.source_span(offset + m.begin, offset + m.end)};
}

bool looks_like_title(std::u32string_view line) {
  // Table rows (|), breadcrumbs (首页 > …) and labelled metadata (标题: …) are not the title.
  if (line.size() > kTitleMaxChars || contains(line, U"|") || contains(line, U">") || contains(line, U":"))
    return false;
  const bool names_report = contains(line, U"报告");
  const bool names_subject = contains(line, U"信息公开") || contains(line, U"政务公开");
  return names_report && names_subject;
}

// 本报告中所列数据的统计期限自…起至…止 / 统计时限 / 统计时间 …: where the statement starts,
// npos when the line makes none.
std::size_t period_statement(std::u32string_view line) {
  static constexpr std::array<std::u32string_view, 6> kWords = {U"期限", U"时限", U"时间",
                                                                U"区间", U"期间", U"范围"};
  // The word must follow 统计 closely (统计期限, 统计的时间): "发布时间…县统计局" is no period.
  constexpr std::size_t kWindow = 4;
  for (std::size_t at = line.find(U"统计"); at != std::u32string_view::npos; at = line.find(U"统计", at + 2)) {
    const std::u32string_view after = line.substr(at + 2, kWindow + 1);
    for (auto w : kWords)
      if (contains(after, w)) return at;
  }
  return std::u32string_view::npos;
}

constexpr std::array<std::u32string_view, 6> kPublicationLabels = {
    U"发布日期", U"公开日期", U"发布时间", U"生成日期", U"成文日期", U"印发日期"};

}  // namespace

void find_report_facts(Report& report) {
  const NormalizedText& folded = report.folded;
  const std::u32string_view all(folded.text);
  // The title: the first short line near the top naming a disclosure report, not a heading.
  std::uint32_t first_heading_line = UINT32_MAX;
  for (const Section& s : report.sections)
    if (s.heading.rank <= 1 && s.heading.style != NumberingStyle::MarkdownOnly) {
      first_heading_line = s.heading.line;
      break;
    }
  std::uint32_t line_no = 0;
  for_each_line(all, [&](std::size_t begin, std::size_t end) {
    ++line_no;
    std::u32string_view line = all.substr(begin, end - begin);
    if (!report.title && line_no < first_heading_line && line_no <= kTitleSearchLines) {
      std::size_t b = begin, e = end;
      trim(all, b, e);
      while (b < e && all[b] == U'#') ++b;  // a Markdown "# …" line may be the title
      trim(all, b, e);
      if (all.substr(b, e - b).starts_with(U"标题:")) b += 3;  // crawler metadata: 标题: …
      trim(all, b, e);
      const std::u32string_view t = all.substr(b, e - b);
      if (looks_like_title(t) && !contains(t, U"《")) {
        TitleFact title{folded.source_span(b, e), line_no, std::nullopt};
        for (const auto& m : grammar::find_dates(t))
          if (m.year > 0) {
            title.year = to_value(folded, b, m);
            break;
          }
        report.title = title;
      }
    }
    // 现将我办2022年度政府信息公开情况报告如下: the preamble names the year when no title does.
    if (!report.preamble_year && line_no < first_heading_line && contains(line, U"报告") &&
        (contains(line, U"信息公开") || contains(line, U"政务公开"))) {
      for (const auto& m : grammar::find_dates(line))
        if (m.year > 0 && m.month == 0) {
          report.preamble_year = to_value(folded, begin, m);
          break;
        }
    }
    for (const auto& m : grammar::find_dates(line))
      if (m.year > 0 && m.form == grammar::DateMatch::Form::Cjk) {
        auto& mention = report.year_mentions[m.year];
        if (mention.count++ == 0) mention.first = folded.source_span(begin + m.begin, begin + m.end);
      }
    if (const std::size_t at = report.period ? std::u32string_view::npos : period_statement(line);
        at != std::u32string_view::npos) {
      // The dates after the statement's start: "现将2012年度…报告如下。本报告…统计期限自…" has
      // an earlier year that is not the period's.
      const std::size_t from = begin + at;
      const auto dates = grammar::find_dates(all.substr(from, end - from));
      if (!dates.empty() && dates[0].year > 0) {
        PeriodFact period{folded.source_span(begin, end), to_value(folded, from, dates[0]), std::nullopt};
        if (dates.size() > 1) {
          period.to = to_value(folded, from, dates[1]);
          if (period.to->year == 0) period.to->year = period.from->year;  // 至12月31日
        }
        report.period = period;
      }
    }
    if (!report.published) {
      for (auto label : kPublicationLabels) {
        const auto at = line.find(label);
        if (at == std::u32string_view::npos) continue;
        const std::size_t after = at + label.size();
        for (const auto& m : grammar::find_dates(line.substr(after))) {
          if (m.year == 0 || m.day == 0 || m.begin > 4) break;  // the date must follow the label
          report.published = PublicationFact{folded.source_span(begin + at, begin + after),
                                             to_value(folded, begin + after, m)};
          break;
        }
        if (report.published) break;
      }
    }
  });
}

}  // namespace nblint
