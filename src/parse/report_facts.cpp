#include "parse/report_facts.h"

#include <algorithm>
#include <array>

#include "grammar/date.h"
#include "parse/organ.h"
#include "parse/text_scan.h"

namespace nblint {

namespace {

constexpr std::size_t kTitleMaxChars = 80;      // a title is one short line
constexpr std::uint32_t kTitleSearchLines = 40;  // titles sit above the body, near the top

DateValue to_value(const NormalizedText& folded, std::size_t offset, const grammar::DateMatch& m) {
  return {m.year, m.month, m.day, folded.source_span(offset + m.begin, offset + m.end), false};
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

using Dates = std::vector<grammar::DateMatch>;

// Looks at one line at a time; each fact keeps the first line that states it. The line's dates
// are found once and shared by every fact.
class FactFinder {
 public:
  explicit FactFinder(Report& report) : report_(report), folded_(report.folded), all_(folded_.text) {
    for (const Section& s : report.sections)
      if (s.heading.rank <= 1 && s.heading.style != NumberingStyle::MarkdownOnly) {
        first_heading_line_ = s.heading.line;
        break;
      }
  }

  void line(std::uint32_t line_no, std::size_t begin, std::size_t end) {
    line_no_ = line_no;
    begin_ = begin;
    line_ = all_.substr(begin, end - begin);
    const Dates dates = grammar::find_dates(line_);
    const bool before_body = line_no < first_heading_line_;
    if (!report_.title && before_body && line_no <= kTitleSearchLines) title(dates);
    if (!report_.preamble_year && before_body) preamble(dates);
    mentions(dates);
    if (!report_.period) period(dates);
  }

 private:
  DateValue value(const grammar::DateMatch& m) const { return to_value(folded_, begin_, m); }

  void title(const Dates& dates) {
    std::size_t b = 0, e = line_.size();
    trim(line_, b, e);
    while (b < e && line_[b] == U'#') ++b;  // a Markdown "# …" line may be the title
    trim(line_, b, e);
    if (line_.substr(b, e - b).starts_with(U"标题:")) b += 3;  // crawler metadata: 标题: …
    trim(line_, b, e);
    const std::u32string_view t = line_.substr(b, e - b);
    if (!looks_like_title(t) || contains(t, U"《")) return;
    TitleFact title{folded_.source_span(begin_ + b, begin_ + e), line_no_, std::nullopt, std::nullopt};
    for (const auto& m : dates)
      if (m.begin >= b && m.year > 0) {
        title.year = value(m);
        break;
      }
    if (const auto organ = find_organ(t))
      title.organ = OrganName{folded_.source_span(begin_ + b + organ->begin, begin_ + b + organ->end), organ->level};
    report_.title = title;
  }

  // 现将我办2022年度政府信息公开情况报告如下: the opening names the year when no title does.
  void preamble(const Dates& dates) {
    if (!contains(line_, U"报告") || !(contains(line_, U"信息公开") || contains(line_, U"政务公开"))) return;
    for (const auto& m : dates)
      if (m.year > 0 && m.month == 0) {
        report_.preamble_year = value(m);
        return;
      }
  }

  void mentions(const Dates& dates) {
    for (const auto& m : dates)
      if (m.year > 0 && m.form == grammar::DateMatch::Form::Cjk) {
        YearMentions& mention = report_.year_mentions[m.year];
        if (mention.count++ == 0) mention.first = value(m).span;
      }
  }

  void period(const Dates& dates) {
    const std::size_t at = period_statement(line_);
    if (at == std::u32string_view::npos) return;
    // Only dates from the statement on: "现将2012年度…报告如下。本报告…统计期限自…" has an
    // earlier year that is not the period's.
    auto first = dates.begin();
    while (first != dates.end() && first->begin < at) ++first;
    if (first == dates.end() || first->year == 0) return;
    PeriodFact period{folded_.source_span(begin_, begin_ + line_.size()), value(*first), std::nullopt};
    if (first + 1 != dates.end()) {
      period.to = value(*(first + 1));
      if (period.to->year == 0) period.to->year = period.from->year;  // 至12月31日
    }
    report_.period = period;
  }

  Report& report_;
  const NormalizedText& folded_;
  const std::u32string_view all_;
  std::uint32_t first_heading_line_ = UINT32_MAX;
  std::uint32_t line_no_ = 0;
  std::size_t begin_ = 0;
  std::u32string_view line_;
};

}  // namespace

void find_report_facts(Report& report) {
  FactFinder finder(report);
  std::uint32_t line_no = 0;
  for_each_line(std::u32string_view(report.folded.text),
                [&](std::size_t begin, std::size_t end) { finder.line(++line_no, begin, end); });
}

void find_publication_date(Report& report) {
  static constexpr std::array<std::u32string_view, 6> kPublicationLabels = {
      U"发布日期", U"公开日期", U"发布时间", U"生成日期", U"成文日期", U"印发日期"};
  for (const MetadataField& m : report.metadata) {
    if (!m.date || m.date->day == 0 || m.date->malformed) continue;
    if (std::find(kPublicationLabels.begin(), kPublicationLabels.end(), m.label) == kPublicationLabels.end()) continue;
    report.published = PublicationFact{m.label_span, *m.date};
    return;
  }
}

}  // namespace nblint
