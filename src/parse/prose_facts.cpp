#include "parse/prose_facts.h"

#include <algorithm>
#include <array>
#include <string>

#include "grammar/date.h"
#include "grammar/number.h"
#include "parse/text_scan.h"
#include "util/char_filter.h"

namespace nblint {

std::string_view prose_fact_key(ProseFactKind kind) {
  switch (kind) {
    case ProseFactKind::NewRequests: return "new_requests";
    case ProseFactKind::CarriedIn: return "carried_in";
    case ProseFactKind::CarriedOut: return "carried_out";
    case ProseFactKind::ReviewTotal: return "review_total";
    case ProseFactKind::LitigationTotal: return "litigation_total";
  }
  return "unknown";
}

namespace {

using Text = std::u32string_view;
constexpr std::size_t npos = Text::npos;

// --- Words ----------------------------------------------------------------------------------
// Word lists are '|'-separated so each phrase below reads as one line.

struct Found {
  std::size_t at = npos, length = 0;
  explicit operator bool() const { return at != npos; }
};

// The earliest occurrence in `text`, from `from` on, of one of the words of `alternatives`.
// `filter`, when given, is `text`'s: a word with a character the text lacks cannot occur in it,
// and most words of the lists below are in no given clause (the searches were 9% of a check).
Found find_any(Text text, Text alternatives, std::size_t from = 0, const CharFilter* filter = nullptr) {
  Found best;
  std::size_t b = 0;
  while (b <= alternatives.size()) {
    std::size_t e = alternatives.find(U'|', b);
    if (e == npos) e = alternatives.size();
    const Text word = alternatives.substr(b, e - b);
    if (!word.empty() && (!filter || filter->may_hold_all(word))) {
      const std::size_t at = text.find(word, from);
      if (at != npos && (at < best.at || (at == best.at && word.size() > best.length))) best = {at, word.size()};
    }
    b = e + 1;
  }
  return best;
}

constexpr std::uint8_t bit(ProseFactKind k) { return static_cast<std::uint8_t>(1u << static_cast<int>(k)); }
constexpr std::uint8_t kBothCases = bit(ProseFactKind::ReviewTotal) | bit(ProseFactKind::LitigationTotal);
constexpr std::array<ProseFactKind, 5> kAllKinds = {ProseFactKind::NewRequests, ProseFactKind::CarriedIn,
                                                    ProseFactKind::CarriedOut, ProseFactKind::ReviewTotal,
                                                    ProseFactKind::LitigationTotal};

// One phrasing. The first phrase of a table whose words all occur decides; kinds == 0 means the
// text is ambiguous and states nothing (行政复议和行政诉讼共3件).
struct Phrase {
  std::uint8_t kinds;
  Text anchor;                // zero statements: the negation, which must precede every `needs` word
  std::array<Text, 3> needs;  // one word of each non-empty list must occur
  Text excludes;              // none of these may occur
};

// Sub-results and outcomes of reviews and suits are not their totals.
constexpr Text kOutcome = U"维持|纠正|纠错|驳回|审结|结果|败诉|胜诉|撤销|终止|撤诉|办结";
// Counts of other things said with the request words: handled, answered, earlier years, letters.
// Places and channels are not requests: 设立申请受理点2个.
constexpr Text kNotNew =
    U"其中|办结|答复|上年|去年|上一年|结转|不予|予以|撤回|补正|咨询|来信|信访|举报|投诉|受理点|窗口|查阅点|渠道";
// The counted noun may follow the count (共收到8份政府信息公开申请) only after one of these verbs;
// otherwise 设立了1个专门的信息申请受理点 would count requests.
constexpr Text kVerbBeforeCount = U"新收|收到|受理|接收|接到|收悉|共收|发生|提起|被申请";
constexpr Text kLastYear = U"上年|上一年|去年|以前年度";
constexpr Text kNextYear = U"下年|下一年|次年|明年";

// Words before (or around) a count.
constexpr std::array<Phrase, 7> kCountPhrases = {{
    {kBothCases, {}, {U"复议", U"诉讼", U"各|均|都"}, kOutcome},  // 行政复议、行政诉讼各1件
    {0, {}, {U"复议", U"诉讼"}, {}},  // 行政复议和行政诉讼共3件: whose count is it?
    {bit(ProseFactKind::ReviewTotal), {}, {U"复议"}, kOutcome},             // 被申请行政复议2件
    {bit(ProseFactKind::LitigationTotal), {}, {U"诉讼|起诉"}, kOutcome},   // 被提起行政诉讼1件
    {bit(ProseFactKind::CarriedIn), {}, {U"结转", kLastYear}, {}},          // 上年结转3件
    {bit(ProseFactKind::CarriedOut), {}, {U"结转", kNextYear}, {}},         // 结转下年度继续办理2件
    {bit(ProseFactKind::NewRequests), {}, {U"申请", U"新收|收到|受理|接收|接到|收悉|共收"}, kNotNew},
}};

// Compared or derived numbers are not the year's count: 较上年增加3件, 平均每月5件, 占10%.
constexpr Text kNotACount = U"同比|环比|增加|减少|增长|下降|较|比上年|比去年|平均|占";

constexpr Text kNegation =
    U"未发生|没有发生|未出现|没有出现|未收到|没有收到|未接到|没有接到|未接收|没有接收|未受理|没有受理|"
    U"未被|没有被|未有|均未|未产生|未提起|没有提起|无|没有|不存在";
constexpr Text kNone = U"无|没有|未有|不存在";

// Clauses without a number: a negation, then the keywords.
constexpr std::array<Phrase, 7> kZeroPhrases = {{
    {kBothCases, kNegation, {U"复议", U"诉讼"}, kOutcome},  // 未发生行政复议和行政诉讼
    {bit(ProseFactKind::ReviewTotal), kNegation, {U"复议"}, kOutcome},
    {bit(ProseFactKind::LitigationTotal), kNegation, {U"诉讼"}, kOutcome},
    {bit(ProseFactKind::CarriedIn), kNone, {U"结转", kLastYear}, {}},   // 无上年结转
    {bit(ProseFactKind::CarriedOut), kNone, {U"结转", kNextYear}, {}},  // 无下年度结转
    {bit(ProseFactKind::NewRequests),  // 未收到政府信息公开申请
     U"未收到|没有收到|未接到|没有接到|未接收|没有接收|未受理|没有受理", {U"申请"}, U"结转"},
    {bit(ProseFactKind::NewRequests), U"无依申请|没有依申请", {}, U"结转|费用|收取|收费"},  // 无依申请公开事项
}};

// Intentions and conditions are not statements of fact: 力争无行政复议, 如有结转.
constexpr Text kNotAStatement = U"避免|防止|力争|确保|争取|杜绝|如果|如有|若|一旦|是否|无论";

// "申请人" (the applicant) is not "申请" (a request): 收到申请人补正材料3份.
std::u32string without_applicant(Text text) {
  std::u32string s(text);
  for (std::size_t at = s.find(U"申请人"); at != npos; at = s.find(U"申请人", at)) s.replace(at, 3, U"…");
  return s;
}

std::uint8_t classify(Text words, const auto& phrases, Text always_excluded) {
  const std::u32string text = without_applicant(words);
  const CharFilter filter(text);
  for (const Phrase& p : phrases) {
    std::size_t from = 0;
    if (!p.anchor.empty()) {
      // A needed word missing from the whole text rules the phrase out without searching for the
      // anchor, whose list is long (kNegation) and is searched in every clause without a number.
      if (!std::all_of(p.needs.begin(), p.needs.end(),
                       [&](Text need) { return need.empty() || find_any(text, need, 0, &filter); }))
        continue;
      const Found a = find_any(text, p.anchor, 0, &filter);
      if (!a) continue;
      from = a.at + a.length;
    }
    bool all = true;
    for (Text need : p.needs)
      if (!need.empty() && !find_any(text, need, from, &filter)) all = false;
    if (!all) continue;
    if (find_any(text, p.excludes, 0, &filter) || find_any(text, always_excluded, 0, &filter)) return 0;
    return p.kinds;
  }
  return 0;
}

// --- Clauses and counts ---------------------------------------------------------------------

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Folded text: ，；：！？ are ASCII already; the full-width forms are listed for unfolded input.
// Switches, not finds in a list: these run at every character of the prose.
bool ends_sentence(char32_t c) {
  switch (c) {
    case U'。': case U';': case U'!': case U'?': case U'；': case U'！': case U'？': case U'\n': return true;
    default: return false;
  }
}

bool ends_clause(Text text, std::size_t i) {
  const char32_t c = text[i];
  if ((c == U',' || c == U':') && i > 0 && i + 1 < text.size() && is_digit(text[i - 1]) && is_digit(text[i + 1]))
    return false;  // 1,234 and 15:22
  return ends_sentence(c) || c == U',' || c == U':' || c == U'，' || c == U'：';
}

bool is_counting_unit(Text unit) {
  static constexpr std::array<Text, 9> kUnits = {U"件", U"份", U"个", U"条", U"项", U"起", U"宗", U"例", U"次"};
  for (Text u : kUnits)
    if (unit == u) return true;
  return false;
}

// A count a sentence states: 44件, 四十四件, or a bare number right after 为 (数量为0).
bool is_count(const grammar::NumberMatch& m, Text text) {
  if (m.scale != 0 || m.negative || m.approximate) return false;
  if (is_counting_unit(m.unit)) return true;
  if (!m.unit.empty()) return false;
  std::size_t b = 0, e = m.begin;
  trim(text, b, e);
  return e > 0 && text[e - 1] == U'为';
}

bool is_table_row(Text paragraph) { return paragraph.find_first_of(U"|\t") != npos; }

// --- Period claims --------------------------------------------------------------------------

// 统计期限 / 统计的时间 …: the word must follow 统计 closely ("发布时间…县统计局" is none).
Found statistics_statement(Text sentence) {
  static constexpr Text kPeriodWords = U"期限|时限|时间|区间|期间|范围";
  constexpr std::size_t kWindow = 4;
  for (std::size_t at = sentence.find(U"统计"); at != npos; at = sentence.find(U"统计", at + 2))
    if (find_any(sentence.substr(at + 2, kWindow + 1), kPeriodWords)) return {at, 2};
  return {sentence.find(U"数据"), 2};  // 本报告所列数据为2022年1月1日至12月28日
}

bool starts_year(int month, int day) { return (month == 0 || month == 1) && (day == 0 || day == 1); }
bool ends_year(int month, int day) { return month == 12 && (day == 0 || day == 31); }

class ProseScanner {
 public:
  explicit ProseScanner(Report& report) : report_(report) {}

  void paragraph(const Paragraph& p) {
    base_ = p.folded_begin;
    line_ = p.line;
    text_ = report_.paragraph_text(p);
    if (is_table_row(text_)) return;
    numbers_ = grammar::find_numbers(text_);
    for (std::size_t b = 0; b < text_.size();) {
      std::size_t e = b;
      while (e < text_.size() && !ends_clause(text_, e)) ++e;
      clause(b, e);
      b = e + 1;
    }
    for (std::size_t b = 0; b < text_.size();) {
      std::size_t e = b;
      while (e < text_.size() && !ends_sentence(text_[e])) ++e;
      sentence(b, e);
      b = e + 1;
    }
  }

 private:
  Span span(std::size_t b, std::size_t e) const {
    trim(text_, b, e);
    return report_.folded.source_span(base_ + b, base_ + e);
  }

  void emit(std::uint8_t kinds, const Quantity& value, Span statement, Span number) {
    for (ProseFactKind k : kAllKinds)
      if (kinds & bit(k)) report_.prose_facts.push_back({k, value, statement, number, line_});
  }

  void clause(std::size_t b, std::size_t e) {
    std::size_t first = 0;
    while (first < numbers_.size() && numbers_[first].begin < b) ++first;
    std::size_t last = first;
    while (last < numbers_.size() && numbers_[last].end <= e) ++last;
    if (first == last) {
      zero_statement(b, e);
      return;
    }
    for (std::size_t i = first; i < last; ++i) {
      const grammar::NumberMatch& m = numbers_[i];
      if (!is_count(m, text_)) continue;
      // The words since the previous number say what this one counts.
      std::size_t lead = i > first ? numbers_[i - 1].end : b;
      while (lead < m.begin && (text_[lead] == U'、' || is_blank(text_[lead]))) ++lead;
      const Text before = text_.substr(lead, m.begin - lead);
      std::size_t end = m.end;
      std::uint8_t kinds = classify(before, kCountPhrases, kNotACount);
      if (!kinds && find_any(before, kVerbBeforeCount)) {
        // …收到8份政府信息公开申请: the thing counted follows the count.
        std::size_t tail = std::min(i + 1 < last ? numbers_[i + 1].begin : e, text_.find(U'、', m.end));
        kinds = classify(std::u32string(before) + std::u32string(text_.substr(m.end, tail - m.end)), kCountPhrases,
                         kNotACount);
        end = tail;
      }
      if (kinds) emit(kinds, m.quantity(), span(lead, end), span(m.numeral_begin, m.numeral_end));
    }
  }

  void zero_statement(std::size_t b, std::size_t e) {
    const std::uint8_t kinds = classify(text_.substr(b, e - b), kZeroPhrases, kNotAStatement);
    if (!kinds) return;
    const Span statement = span(b, e);
    emit(kinds, Quantity{}, statement, Span{statement.end, statement.end});
  }

  // Period claims of one sentence [b, e): ranges first, then 截至 dates outside them.
  void sentence(std::size_t b, std::size_t e) {
    const Text s = text_.substr(b, e - b);
    const Found statistics = statistics_statement(s);
    bool statistics_taken = false;
    std::vector<std::pair<std::size_t, std::size_t>> taken;  // ranges read as periods
    for (const grammar::DateRange& r : grammar::find_date_ranges(s)) {
      const bool stated = !statistics_taken && statistics && r.begin >= statistics.at;
      // 2020年1月1日至12月28日,我局累计主动公开政务信息418条: year-to-date counts. A range that
      // starts later (3月至5月开展专项检查) is an activity's time, not the data's.
      if (!stated && !(starts_year(r.from.month, r.from.day) && states_count(b + r.end, e))) continue;
      statistics_taken = statistics_taken || stated;
      taken.emplace_back(r.begin, r.end);
      if (starts_year(r.from.month, r.from.day) && ends_year(r.to.month, r.to.day)) continue;
      report_.period_claims.push_back({.span = span(b + (stated ? 0 : clause_start(s, r.begin)), b + r.end),
                                       .from_year = r.from.year,
                                       .from_month = r.from.month,
                                       .from_day = r.from.day,
                                       .to_year = r.to.year,
                                       .to_month = r.to.month,
                                       .to_day = r.to.day,
                                       .line = line_});
    }
    for (Found c = find_any(s, U"截至|截止"); c; c = find_any(s, U"截至|截止", c.at + c.length)) {
      bool inside = false;
      for (const auto& [rb, re] : taken) inside = inside || (c.at >= rb && c.at < re);
      if (!inside) as_of(b, e, c);
    }
  }

  // 截至2020年11月底，共发布信息120条: an "as of" date before the year's end, said of data.
  void as_of(std::size_t sentence_begin, std::size_t sentence_end, Found word) {
    const Text s = text_.substr(sentence_begin, sentence_end - sentence_begin);
    std::size_t at = word.at + word.length;
    for (int skipped = 0; skipped < 2 && at < s.size() && Text(U"到至于为 ").find(s[at]) != npos; ++skipped) ++at;
    const auto date = grammar::parse_date_at(s, at);
    if (!date || date->month == 0 || ends_year(date->month, date->day)) return;
    if (!find_any(s, U"统计|数据") && !states_count(sentence_begin + date->end, sentence_end)) return;
    const std::size_t end = date->end + (date->end < s.size() && (s[date->end] == U'底' || s[date->end] == U'末'));
    report_.period_claims.push_back({.span = span(sentence_begin + clause_start(s, word.at), sentence_begin + end),
                                     .to_year = date->year,
                                     .to_month = date->month,
                                     .to_day = date->day,
                                     .line = line_});
  }

  // Whether a count stands in the paragraph's [b, e).
  bool states_count(std::size_t b, std::size_t e) const {
    for (const grammar::NumberMatch& m : numbers_)
      if (m.begin >= b && m.end <= e && is_count(m, text_)) return true;
    return false;
  }

  static std::size_t clause_start(Text s, std::size_t at) {
    while (at > 0 && !ends_clause(s, at - 1)) --at;
    return at;
  }

  Report& report_;
  std::size_t base_ = 0;
  std::uint32_t line_ = 0;
  Text text_;
  std::vector<grammar::NumberMatch> numbers_;
};

}  // namespace

void find_prose_facts(Report& report) {
  ProseScanner scanner(report);
  for (const Paragraph& p : report.paragraphs) scanner.paragraph(p);
}

}  // namespace nblint
