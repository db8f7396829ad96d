#include "parse/prose_facts.h"

#include <algorithm>
#include <array>
#include <bit>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "grammar/date.h"
#include "grammar/number.h"
#include "parse/text_scan.h"
#include "util/word_matcher.h"

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

// The earliest occurrence in `text`, from `from` on, of one of the words of `alternatives`, the
// longer word when two begin at one place. For the few searches of a sentence; the phrase tables
// are searched through WordIndex.
Found find_any(Text text, Text alternatives, std::size_t from = 0) {
  Found best;
  std::size_t b = 0;
  while (b <= alternatives.size()) {
    std::size_t e = alternatives.find(U'|', b);
    if (e == npos) e = alternatives.size();
    const Text word = alternatives.substr(b, e - b);
    if (!word.empty()) {
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

// --- Searching the word lists --------------------------------------------------------------
// Every clause without a number and every count is classified against the phrase tables, and
// the tables hold many lists: searched one list and one clause at a time, this was 18% of a
// check. Instead every word of every list is found in one pass over the paragraph
// (WordMatcher), and each question about a stretch of it is answered from those occurrences.

using Occurrence = WordMatcher::Occurrence;
using ListId = int;  // a list's bit in WordMatcher::Lists; -1 for an empty list, which never occurs

// "申请人" (the applicant) is not "申请" (a request): no word overlapping it counts (收到申请人补正材料3份).
constexpr Text kApplicant = U"申请人";
constexpr Text kAsOf = U"截至|截止";
// grammar::find_date_ranges finds a range only where one of these stands between two dates.
constexpr Text kRangeSeparators = U"至|到|-|—|–|~";

// A phrase with its lists as ids.
struct IndexedPhrase {
  std::uint8_t kinds;
  ListId anchor;
  std::array<ListId, 3> needs;  // -1 where the phrase's list is empty: nothing needed
  ListId excludes;
};

class WordIndex {
 public:
  WordIndex()
      : count_phrases(indexed(kCountPhrases)),
        zero_phrases(indexed(kZeroPhrases)),
        not_a_count(id(kNotACount)),
        not_a_statement(id(kNotAStatement)),
        verb_before_count(id(kVerbBeforeCount)),
        applicant(id(kApplicant)),
        as_of(id(kAsOf)),
        range_separators(id(kRangeSeparators)),
        matcher(lists_) {
    // A clause states a fact only when all the words of a phrase (its anchor and each needed
    // list) occur in it, or (a count whose noun follows it) a verb before the count does.
    for (const auto* phrases : {&count_phrases, &zero_phrases})
      for (const IndexedPhrase& p : *phrases)
        phrase_words.push_back(bit_of(p.anchor) | bit_of(p.needs[0]) | bit_of(p.needs[1]) | bit_of(p.needs[2]));
    phrase_words.push_back(bit_of(verb_before_count));
  }

  // Whether a clause of a text holding (at most) `lists` can state a fact.
  bool may_state_fact(WordMatcher::Lists lists) const {
    return std::any_of(phrase_words.begin(), phrase_words.end(),
                       [&](WordMatcher::Lists words) { return (lists & words) == words; });
  }

  static WordMatcher::Lists bit_of(ListId l) { return l < 0 ? 0 : WordMatcher::Lists{1} << l; }

 private:
  std::vector<Text> lists_;  // declared first: the members below register their lists in it

 public:
  const std::array<IndexedPhrase, 7> count_phrases, zero_phrases;
  const ListId not_a_count, not_a_statement, verb_before_count, applicant, as_of, range_separators;
  const WordMatcher matcher;
  std::vector<WordMatcher::Lists> phrase_words;  // the lists each phrase needs, for may_state_fact

 private:
  ListId id(Text list) {
    if (list.empty()) return -1;
    const auto known = std::find(lists_.begin(), lists_.end(), list);
    if (known != lists_.end()) return static_cast<ListId>(known - lists_.begin());
    lists_.push_back(list);
    return static_cast<ListId>(lists_.size() - 1);
  }

  std::array<IndexedPhrase, 7> indexed(const std::array<Phrase, 7>& phrases) {
    std::array<IndexedPhrase, 7> out{};
    for (std::size_t i = 0; i < phrases.size(); ++i) {
      const Phrase& p = phrases[i];
      out[i] = {p.kinds, id(p.anchor), {id(p.needs[0]), id(p.needs[1]), id(p.needs[2])}, id(p.excludes)};
    }
    return out;
  }
};

const WordIndex& word_index() {
  static const WordIndex index;
  return index;
}

// Where the applicant word occurs among `occurrences`.
std::vector<std::uint32_t> applicants_in(std::span<const Occurrence> occurrences) {
  std::vector<std::uint32_t> at;
  const WordMatcher::Lists applicant = WordIndex::bit_of(word_index().applicant);
  for (const Occurrence& o : occurrences)
    if (o.lists & applicant) at.push_back(o.at);
  return at;
}

// Which lists occur in the stretch [b, e) of a text, as searching that stretch alone would find
// them: the occurrences that lie inside it, less those overlapping an applicant word inside it
// (as if each 申请人 were replaced by a character no word holds), except in has_raw().
class WordsIn {
 public:
  WordsIn(std::span<const Occurrence> occurrences, std::span<const std::uint32_t> applicants, std::size_t b,
          std::size_t e) {
    const WordMatcher::Lists applicant = WordIndex::bit_of(word_index().applicant);
    auto o = std::partition_point(occurrences.begin(), occurrences.end(),
                                  [&](const Occurrence& x) { return x.at < b; });
    for (; o != occurrences.end() && o->at < e; ++o) {
      if (o->at + o->length > e) continue;
      raw_ |= o->lists;
      if (!applicants.empty() && overlaps_applicant(*o, applicants, b, e)) continue;
      for (WordMatcher::Lists left = o->lists & ~applicant; left; left &= left - 1) {
        const int l = std::countr_zero(left);
        if (!((present_ >> l) & 1)) {
          first_at_[l] = o->at;
          first_length_[l] = o->length;
        } else if (o->at == first_at_[l]) {
          first_length_[l] = o->length;  // the longer word at the same place: occurrences come shorter first
        }
        last_at_[l] = o->at;
      }
      present_ |= o->lists & ~applicant;
    }
  }

  bool has(ListId l) const { return l >= 0 && ((present_ >> l) & 1); }
  // An occurrence begins at `from` or after it.
  bool has_from(ListId l, std::size_t from) const { return has(l) && last_at_[l] >= from; }
  // The earliest occurrence (the longer word when two begin there); only where has(l).
  Found first(ListId l) const { return {first_at_[l], first_length_[l]}; }
  // Applicant words ignored: the stretch as written.
  bool has_raw(ListId l) const { return l >= 0 && ((raw_ >> l) & 1); }

 private:
  static bool overlaps_applicant(const Occurrence& o, std::span<const std::uint32_t> applicants, std::size_t b,
                                 std::size_t e) {
    const std::size_t length = kApplicant.size();
    auto a = std::lower_bound(applicants.begin(), applicants.end(), o.at + 1 > length ? o.at + 1 - length : 0);
    for (; a != applicants.end() && *a < o.at + o.length; ++a)
      if (*a >= b && *a + length <= e) return true;
    return false;
  }

  WordMatcher::Lists present_ = 0, raw_ = 0;
  // Valid for the lists in present_ only.
  std::array<std::size_t, WordMatcher::kMaxLists> first_at_, first_length_, last_at_;
};

// The kinds the first phrase whose words all occur states; 0 when none or when an excluded word
// occurs.
std::uint8_t classify(const WordsIn& words, const std::array<IndexedPhrase, 7>& phrases, ListId always_excluded) {
  for (const IndexedPhrase& p : phrases) {
    std::size_t from = 0;
    if (p.anchor >= 0) {
      if (!words.has(p.anchor)) continue;
      const Found a = words.first(p.anchor);
      from = a.at + a.length;
    }
    if (!std::all_of(p.needs.begin(), p.needs.end(),
                     [&](ListId need) { return need < 0 || words.has_from(need, from); }))
      continue;
    if (words.has(p.excludes) || words.has(always_excluded)) return 0;
    return p.kinds;
  }
  return 0;
}

// --- Clauses and counts ---------------------------------------------------------------------

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
  explicit ProseScanner(Report& report) : report_(report), index_(word_index()) {}

  void paragraph(const Paragraph& p) {
    base_ = p.folded_begin;
    line_ = p.line;
    text_ = report_.paragraph_text(p);
    if (p.cells) return;
    const WordIndex& index = index_;
    occurrences_.clear();
    index.matcher.find_all(text_, occurrences_);
    applicants_ = applicants_in(occurrences_);
    WordMatcher::Lists lists = 0;
    for (const Occurrence& o : occurrences_) lists |= o.lists;
    numbers_found_ = false;
    next_number_ = 0;
    // Most paragraphs hold no word a statement needs, and no date range or 截至: nothing to read.
    if (index.may_state_fact(lists))
      for (std::size_t b = 0; b < text_.size();) {
        const std::size_t e = clause_end(text_, b);
        clause(b, e);
        b = e + 1;
      }
    if (!(lists & (WordIndex::bit_of(index.range_separators) | WordIndex::bit_of(index.as_of)))) return;
    for (std::size_t b = 0; b < text_.size();) {
      const std::size_t e = sentence_end(text_, b);
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

  // The numbers of the paragraph, found when first needed.
  const std::vector<grammar::NumberMatch>& numbers() {
    if (!numbers_found_) numbers_ = grammar::find_numbers(text_);
    numbers_found_ = true;
    return numbers_;
  }

  void clause(std::size_t b, std::size_t e) {
    const WordIndex& index = index_;
    const std::vector<grammar::NumberMatch>& numbers = this->numbers();
    while (next_number_ < numbers.size() && numbers[next_number_].begin < b) ++next_number_;  // clauses come in order
    const std::size_t first = next_number_;
    std::size_t last = first;
    while (last < numbers.size() && numbers[last].end <= e) ++last;
    if (first == last) {
      zero_statement(b, e);
      return;
    }
    for (std::size_t i = first; i < last; ++i) {
      const grammar::NumberMatch& m = numbers[i];
      if (!is_count(m, text_)) continue;
      // The words since the previous number say what this one counts.
      std::size_t lead = i > first ? numbers[i - 1].end : b;
      while (lead < m.begin && (text_[lead] == U'、' || is_blank(text_[lead]))) ++lead;
      const WordsIn before(occurrences_, applicants_, lead, m.begin);
      std::size_t end = m.end;
      std::uint8_t kinds = classify(before, index.count_phrases, index.not_a_count);
      if (!kinds && before.has_raw(index.verb_before_count)) {
        // …收到8份政府信息公开申请: the thing counted follows the count. The words before and
        // after it are read as one text, as written without the count.
        std::size_t tail = std::min(i + 1 < last ? numbers[i + 1].begin : e, text_.find(U'、', m.end));
        const std::u32string joined =
            std::u32string(text_.substr(lead, m.begin - lead)) + std::u32string(text_.substr(m.end, tail - m.end));
        std::vector<Occurrence> joined_occurrences;
        index.matcher.find_all(joined, joined_occurrences);
        kinds = classify(WordsIn(joined_occurrences, applicants_in(joined_occurrences), 0, joined.size()),
                         index.count_phrases, index.not_a_count);
        end = tail;
      }
      if (kinds) emit(kinds, m.quantity(), span(lead, end), span(m.numeral_begin, m.numeral_end));
    }
  }

  void zero_statement(std::size_t b, std::size_t e) {
    const WordIndex& index = index_;
    const std::uint8_t kinds = classify(WordsIn(occurrences_, applicants_, b, e), index.zero_phrases, index.not_a_statement);
    if (!kinds) return;
    const Span statement = span(b, e);
    emit(kinds, Quantity{}, statement, Span{statement.end, statement.end});
  }

  // Period claims of one sentence [b, e): ranges first, then 截至 dates outside them.
  void sentence(std::size_t b, std::size_t e) {
    const WordIndex& index = index_;
    const Text s = text_.substr(b, e - b);
    const WordsIn words(occurrences_, applicants_, b, e);
    std::optional<Found> statistics;  // found for the first range
    bool statistics_taken = false;
    std::vector<std::pair<std::size_t, std::size_t>> taken;  // ranges read as periods
    const std::vector<grammar::DateRange> ranges =
        words.has_raw(index.range_separators) ? grammar::find_date_ranges(s) : std::vector<grammar::DateRange>{};
    for (const grammar::DateRange& r : ranges) {
      if (!statistics) statistics = statistics_statement(s);
      const bool stated = !statistics_taken && *statistics && r.begin >= statistics->at;
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
    if (!words.has_raw(index.as_of)) return;
    for (Found c = find_any(s, kAsOf); c; c = find_any(s, kAsOf, c.at + c.length)) {
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
  bool states_count(std::size_t b, std::size_t e) {
    for (const grammar::NumberMatch& m : numbers())
      if (m.begin >= b && m.end <= e && is_count(m, text_)) return true;
    return false;
  }

  static std::size_t clause_start(Text s, std::size_t at) {
    while (at > 0 && !ends_clause(s, at - 1)) --at;
    return at;
  }

  Report& report_;
  const WordIndex& index_;  // word_index(), asked once: its guard is not free at every clause
  std::size_t base_ = 0;
  std::uint32_t line_ = 0;
  Text text_;
  std::vector<Occurrence> occurrences_;  // of the paragraph's words
  std::vector<std::uint32_t> applicants_;
  std::vector<grammar::NumberMatch> numbers_;
  bool numbers_found_ = false;
  std::size_t next_number_ = 0;  // the first number not before the current clause
};

}  // namespace

void find_prose_facts(Report& report) {
  ProseScanner scanner(report);
  for (const Paragraph& p : report.paragraphs) scanner.paragraph(p);
}

}  // namespace nblint
