#include "parse/report_facts.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>
#include <vector>

#include "grammar/date.h"
#include "parse/organ.h"
#include "parse/text_scan.h"

namespace nblint {

namespace {

constexpr std::size_t kTitleMaxChars = 80;      // a title is one short line
constexpr std::uint32_t kTitleSearchLines = 40;  // titles sit above the body, near the top

DateValue to_value(const NormalizedText& folded, std::size_t offset, const grammar::DateMatch& m) {
  return {m.year, m.month, m.day, folded.source_span(offset + m.begin, offset + m.end), m.malformed()};
}

constexpr std::u32string_view kTitleField = U"标题:";  // crawler / CMS metadata: 标题: …

// An issuer line above a title that names no organ ("阎良区信访局" over "2021年度政府信息公开
// 工作年度报告"): short, no punctuation or digits, and a name whose level is known.
constexpr std::size_t kIssuerMaxChars = 30;

bool looks_like_issuer(std::u32string_view line) {
  if (line.empty() || line.size() > kIssuerMaxChars) return false;
  for (char32_t c : line)
    if (c < 0x80 || std::u32string_view(U"，。、；：！？（）《》“”|").find(c) != std::u32string_view::npos) return false;
  return classify_organ(line) != OrganLevel::Unknown;
}

bool looks_like_title(std::u32string_view line) {
  // Table rows (|), breadcrumbs (首页 > …) and labelled metadata (标题: …) are not the title.
  if (line.size() > kTitleMaxChars || contains(line, U"|") || contains(line, U">") || contains(line, U":"))
    return false;
  const bool names_report = contains(line, U"报告");
  const bool names_subject = contains(line, U"信息公开") || contains(line, U"政务公开");
  return names_report && names_subject;
}

// 本报告中所列数据的统计期限自…起至…止 / 统计时限 / 统计时间 / 统计期为 …: where the statement
// starts, npos when the line makes none.
std::size_t period_statement(std::u32string_view line) {
  static constexpr std::array<std::u32string_view, 6> kWords = {U"期限", U"时限", U"时间",
                                                                U"区间", U"期间", U"范围"};
  // The word must follow 统计 closely (统计期限, 统计的时间): "发布时间…县统计局" is no period.
  constexpr std::size_t kWindow = 4;
  for (std::size_t at = find_text(line, U"统计"); at != std::u32string_view::npos; at = find_text(line, U"统计", at + 2)) {
    if (line.substr(at + 2, 1) == U"期") return at;  // 统计期为2019年1月1日至…, 统计期限, 统计期间
    const std::u32string_view after = line.substr(at + 2, kWindow + 1);
    for (auto w : kWords)
      if (contains(after, w)) return at;
  }
  return std::u32string_view::npos;
}

using Dates = std::vector<grammar::DateMatch>;

// The line of the first top-level numbered heading: the body starts there.
std::uint32_t first_heading_line(const Report& report) {
  for (const Section& s : report.sections)
    if (s.heading.rank <= 1 && s.heading.style != NumberingStyle::MarkdownOnly) return s.heading.line;
  return UINT32_MAX;
}

// A page's date line under its title: a full date alone on its line, perhaps with a time
// (2015年3月13日, 2021-01-29 10:30). Returns the date when `line` is one.
std::optional<grammar::DateMatch> date_line(std::u32string_view line) {
  std::size_t b = 0, e = line.size();
  trim(line, b, e);
  const std::u32string_view t = line.substr(b, e - b);
  const Dates dates = grammar::find_dates(t);
  if (dates.empty() || dates[0].begin != 0 || dates[0].year == 0 || dates[0].month == 0 || dates[0].day == 0)
    return std::nullopt;
  for (char32_t c : t.substr(dates[0].end))  // only a time may follow
    if (!is_blank(c) && c != U':' && !(c >= U'0' && c <= U'9')) return std::nullopt;
  grammar::DateMatch m = dates[0];
  m.begin += b;
  m.end += b;
  return m;
}

// Looks at one line at a time; each fact keeps the first line that states it. The line's dates
// are found once and shared by every fact.
class FactFinder {
 public:
  explicit FactFinder(Report& report)
      : report_(report), folded_(report.folded), all_(folded_.text), first_heading_line_(first_heading_line(report)) {}

  void line(std::uint32_t line_no, std::size_t begin, std::size_t end) {
    line_no_ = line_no;
    begin_ = begin;
    line_ = all_.substr(begin, end - begin);
    const Dates dates = grammar::find_dates(line_);
    const bool before_body = line_no < first_heading_line_;
    // A title from a 标题: field gives way to a title line of the report's own further down.
    if ((!report_.title || title_from_field_) && before_body && line_no <= kTitleSearchLines) title(dates);
    if (!report_.preamble_year && before_body) preamble(dates);
    mentions(dates);
    if (!report_.period) period();
    std::size_t b = 0, e = line_.size();
    trim(line_, b, e);
    if (b < e) previous_ = {begin_ + b, begin_ + e};  // (0, 0) until a line is seen
  }

 private:
  DateValue value(const grammar::DateMatch& m) const { return to_value(folded_, begin_, m); }

  void title(const Dates& dates) {
    std::size_t b = 0, e = line_.size();
    trim(line_, b, e);
    while (b < e && line_[b] == U'#') ++b;  // a Markdown "# …" line may be the title
    trim(line_, b, e);
    const bool field = line_.substr(b, e - b).starts_with(kTitleField);
    if (field) b += kTitleField.size();
    trim(line_, b, e);
    const std::u32string_view t = line_.substr(b, e - b);
    if (!looks_like_title(t) || contains(t, U"《")) return;
    if (field && report_.title) return;  // the first 标题: field stands until a title line comes
    TitleFact title{folded_.source_span(begin_ + b, begin_ + e), line_no_, std::nullopt, std::nullopt};
    for (const auto& m : dates)
      if (m.begin >= b && m.year > 0) {
        title.year = value(m);
        break;
      }
    if (const auto organ = find_organ(t)) {
      title.organ = OrganName{folded_.source_span(begin_ + b + organ->begin, begin_ + b + organ->end), organ->level};
    } else if (!field && previous_.second > previous_.first) {
      // The issuer on its own line just above: 阎良区信访局 / 2021年度政府信息公开工作年度报告.
      const std::u32string_view issuer = all_.substr(previous_.first, previous_.second - previous_.first);
      if (looks_like_issuer(issuer))
        title.organ = OrganName{folded_.source_span(previous_.first, previous_.second), classify_organ(issuer)};
    }
    report_.title = title;
    title_from_field_ = field;
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
      if (m.year > 0 && m.month > 0) report_.dates.push_back(value(m));
    for (const auto& m : dates)
      if (m.year > 0 && m.form == grammar::DateMatch::Form::Cjk) {
        YearMentions& mention = report_.year_mentions[m.year];
        if (mention.count++ == 0) mention.first = value(m).span;
      }
  }

  void period() {
    const std::size_t at = period_statement(line_);
    if (at == std::u32string_view::npos) return;
    // Malformed dates are kept (自2020年1月1日起至202020年12月31日止, 自201911日起至20191231日止):
    // a rule reports them; reading 12月31日 alone would hide the defect.
    const Dates dates = grammar::find_dates(line_, grammar::MalformedDates::Keep);
    // Only dates from the statement on: "现将2012年度…报告如下。本报告…统计期限自…" has an
    // earlier year that is not the period's.
    auto first = dates.begin();
    while (first != dates.end() && first->begin < at) ++first;
    if (first == dates.end() || first->year == 0) return;
    PeriodFact period{folded_.source_span(begin_, begin_ + line_.size()), value(*first), std::nullopt};
    if (first + 1 != dates.end()) {
      period.to = value(*(first + 1));
      if (period.to->year == 0 && !period.from->malformed) period.to->year = period.from->year;  // 至12月31日
    }
    report_.period = period;
  }

  Report& report_;
  const NormalizedText& folded_;
  const std::u32string_view all_;
  const std::uint32_t first_heading_line_;
  bool title_from_field_ = false;  // report_.title came from a 标题: field
  std::pair<std::size_t, std::size_t> previous_{0, 0};  // the last non-blank line, trimmed; empty before one
  std::uint32_t line_no_ = 0;
  std::size_t begin_ = 0;
  std::u32string_view line_;
};

}  // namespace

void find_report_facts(Report& report) {
  FactFinder finder(report);
  std::uint32_t line_no = 0;
  for_each_line(report.folded, [&](std::size_t begin, std::size_t end) { finder.line(++line_no, begin, end); });
}

void find_publication_date(Report& report) {
  static constexpr std::array<std::u32string_view, 7> kPublicationLabels = {
      U"发布日期", U"公开日期", U"发布时间", U"生成日期", U"成文日期", U"印发日期", U"发文日期"};
  for (const MetadataField& m : report.metadata) {
    if (!m.date || m.date->day == 0 || m.date->malformed) continue;
    if (std::find(kPublicationLabels.begin(), kPublicationLabels.end(), m.label) == kPublicationLabels.end()) continue;
    report.published = PublicationFact{m.label_span, *m.date};
    return;
  }
  // No labelled date: a date alone on its line at the top of the page, above any prose and
  // the first heading (a signature date closes the body and is not taken).
  const std::u32string_view all(report.folded.text);
  const std::uint32_t body = first_heading_line(report);
  std::uint32_t line_no = 0;
  bool done = false;
  for_each_line(report.folded, [&](std::size_t begin, std::size_t end) {
    if (done || ++line_no >= body || line_no > kTitleSearchLines) return void(done = true);
    const std::u32string_view line = all.substr(begin, end - begin);
    if (const auto d = date_line(line)) {
      const Span span = report.folded.source_span(begin + d->begin, begin + d->end);
      report.published = PublicationFact{span, DateValue{d->year, d->month, d->day, span, false}};
      done = true;
    } else if (line.size() > kTitleMaxChars) {
      done = true;  // prose: the top of the page is over
    }
  });
}

}  // namespace nblint
