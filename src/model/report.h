// The Report model: what the parser found in one report, as plain data. Every span is in the
// source's coordinates (byte offsets into SourceText::text). Rules read only this.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/numbering_style.h"
#include "model/organ_level.h"
#include "model/prose_fact.h"
#include "model/section_match.h"
#include "model/table.h"
#include "model/span.h"
#include "text/normalizer.h"

namespace nblint {

struct Heading {
  NumberingStyle style = NumberingStyle::ChineseComma;
  int ordinal = -1;       // value of the number (三 → 3, ⑤ → 5); -1 when unknown
  int rank = 1;           // nesting depth by numbering convention, see numbering_rank()
  std::uint32_t line = 0; // 1-based line of the parsed content (= source line for text files)
  Span marker;            // "一、"
  Span text;              // "总体情况" (up to the first 。 ； ： when the heading is a sentence)
  std::u32string key;     // folded heading text without blanks: what section patterns match
};

struct Section {
  Heading heading;
  int parent = -1;                 // index into Report::sections, -1 for a top-level section
  std::vector<int> children;       // in document order
  std::uint32_t body_chars = 0;    // non-blank characters of this section's own body text
  Span extent;                     // heading start to the end of its last content
};

// A run of body text (one source line, or the rest of a heading line after its sentence).
struct Paragraph {
  std::size_t folded_begin = 0, folded_end = 0;  // range in Report::folded.text
  int section = -1;                              // innermost enclosing section, -1 before any
  std::uint32_t line = 0;
  bool cells = false;  // holds a cell separator ('|' or a tab): a flattened table row, not prose
};

// Web-page furniture found in the text (excluded from section content).
enum class ChromeKind { Breadcrumb, PrevNext, Share, LeavingSite, Counter, Toolbar };

struct ChromeLine {
  ChromeKind kind;
  Span span;
};

// Publishing noise: pinyin injected after characters, undecodable bytes, mojibake.
enum class NoiseKind { Pinyin, Replacement, Mojibake };

struct NoiseRun {  // all noise of one kind on one line
  NoiseKind kind;
  Span span;       // from the first to the last occurrence on the line
  Span example;    // the first occurrence
  int count = 0;
};

struct DateValue {
  int year = 0, month = 0, day = 0;  // 0 where the text did not say
  Span span;
  bool malformed = false;            // a digit run such as 2018213 (year = its first four digits)
};

struct MetadataField {  // 索引号：006382986K/2018-1309079
  std::u32string label;  // canonical, folded: 索引号 (also when written 索 引 号)
  Span label_span;
  Span value_span;       // may be empty (发布机构：)
  std::optional<DateValue> date;  // when the value starts with a date
};

struct OrganName {  // 青山县交通运输局 in its title
  Span span;
  OrganLevel level = OrganLevel::Unknown;
};

struct TitleFact {
  Span span;
  std::uint32_t line = 0;
  std::optional<DateValue> year;  // the "2019年" inside the title
  std::optional<OrganName> organ;
};

struct PeriodFact {  // 统计期限自2020年1月1日起至2020年12月31日止
  Span span;         // the whole statement line
  std::optional<DateValue> from, to;
};

struct PublicationFact {  // 发布日期：2018-01-29
  Span label;
  DateValue date;
};

struct YearMentions {  // how often "2021年…" occurs in the text, and where first
  int count = 0;
  Span first;
};

struct Report {
  NormalizedText folded;
  std::optional<TitleFact> title;
  std::optional<DateValue> preamble_year;  // 现将我办2022年度政府信息公开情况报告如下
  std::map<int, YearMentions> year_mentions;
  std::vector<DateValue> dates;  // every date with a year and a month written in the text, in order
  std::optional<PeriodFact> period;
  std::optional<PublicationFact> published;
  std::vector<MetadataField> metadata;  // in document order
  std::vector<Section> sections;  // document order
  std::vector<Paragraph> paragraphs;
  std::vector<ChromeLine> chrome;
  std::vector<NoiseRun> noise;
  std::vector<Span> comments;  // lines that are HTML comments (inline suppressions live there)
  std::vector<ProseFact> prose_facts;          // in document order
  std::vector<DataPeriodClaim> period_claims;  // in document order
  // Filled after the pack is chosen (src/bind/analysis.cpp), once for the binder and every check:
  // where each section the pack mandates is covered (one entry per pack section, in its order),
  // and one entry per table the pack declares.
  std::vector<SectionMatch> section_matches;
  std::vector<BoundTable> tables;
  std::uint32_t line_count = 0;

  std::u32string_view paragraph_text(const Paragraph& p) const {
    return std::u32string_view(folded.text).substr(p.folded_begin, p.folded_end - p.folded_begin);
  }
};

}  // namespace nblint
