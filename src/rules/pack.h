// A rule pack: the regulation's knowledge for one era, loaded from YAML (rules/*.yaml).
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/organ_level.h"
#include "model/table_spec.h"
#include "rules/pattern.h"
#include "rules/relation.h"
#include "rules/severity.h"
#include "util/lang.h"

namespace nblint {

struct SectionSpec {
  std::string key;     // "overview"
  std::string number;  // "一" (fmt packs) or "1" (reg2008 items)
  std::string title;   // template wording, "总体情况"
  std::vector<Pattern> headings;  // match the folded heading text (blanks removed)
  std::vector<Pattern> mentions;  // match body text (packs with match: anywhere)
  // What the section says when there is nothing to report (六: 无。); empty when the section
  // needs real content. A missing section that has it can be restored with certainty (quick fix).
  std::string none_text;
};

// crossyear/carry-over: row `into` of `table` equals the previous year's row `from`, per column.
struct CarryOverSpec {
  std::string table;  // "requests"
  std::string from;   // "carried_out" (read in the previous year's report)
  std::string into;   // "carried_in" (read in this year's report)
};

// crossyear/copied-text and text/copied-from-other: which sections' prose is compared, the
// least prose worth comparing, and the similarity (estimated Jaccard of 4-character shingles,
// numbers and dates ignored) from which a section counts as copied.
struct CopiedTextSpec {
  std::vector<std::string> sections;  // pack section keys
  std::size_t min_chars = 0;
  double similarity = 1.0;
};

// A publication deadline in the year after the report year, for some organ levels.
struct DeadlineSpec {
  std::vector<OrganLevel> levels;
  int month = 0, day = 0;
  Localized basis;  // the legal basis, quoted in the message
};

// The date knowledge of an era (the `dates:` block): deadlines by organ level, and which
// metadata fields hold dates (their values are checked by date/invalid).
struct DateSpec {
  std::vector<DeadlineSpec> deadlines;   // every known level in exactly one entry
  std::vector<std::u32string> fields;    // folded labels: 发布日期, 成文日期, 填报日期 …

  const DeadlineSpec* deadline_for(OrganLevel level) const;
  const DeadlineSpec* latest() const;  // the lenient deadline, for an unknown level
};

// A section whose content must be more than a line (the `thin_sections:` block): it is thin when
// it has at most `max_sentences` sentences and fewer than `min_chars` non-blank characters.
struct ThinSectionSpec {
  std::string section;     // a key of `sections.items`
  int max_sentences = 1;
  int min_chars = 0;
};

// Template leftovers (the `placeholders:` block), matched against folded text.
struct PlaceholderSpec {
  Pattern pattern;
  Localized what;  // "占位符 XX" …, named in the message
};

// The wording of a new report's skeleton (`nblint new`, the `skeleton:` block); the headings and
// tables come from the sections and tables. Templates fill {organ} and {year}.
struct SkeletonSpec {
  std::string title;    // "{organ}{year}年政府信息公开工作年度报告"
  std::string opening;  // the paragraph under the title, with the statistical period
  std::map<std::string, std::string, std::less<>> guidance;  // section key → the line under its heading
  std::map<std::string, std::string, std::less<>> corners;   // table key → its header's first cell
};

struct Pack {
  std::string id;  // "fmt2021"
  Localized name;
  Localized basis;
  int year_from = 0;
  int year_to = 9999;
  bool ordered = true;             // sections.order: template (true) or free
  bool match_anywhere = false;     // sections.match: anywhere (headings at any level + mentions)
  std::vector<SectionSpec> sections;
  std::vector<TableSpec> tables;   // the statistics tables, in template order
  std::vector<std::u32string> outdated_labels;  // label keys of another era's template (table/outdated-template)
  std::optional<CarryOverSpec> carry_over;
  std::optional<CopiedTextSpec> copied_text;
  DateSpec dates;
  // heading_wording.ignore: differences from the template title that are not worth a warning
  // (的, punctuation); removed from both sides before comparing.
  std::vector<Pattern> wording_ignore;
  // heading_numbering.ends_at: a heading or a line matching one of these (统计表, 附件) starts an
  // appendix whose numbering is its own; top-level numbering is checked up to it.
  std::vector<Pattern> numbering_ends_at;
  std::vector<ThinSectionSpec> thin_sections;
  std::vector<PlaceholderSpec> placeholders;
  std::map<std::string, Severity, std::less<>> rules;  // enabled rules and their severities
  std::vector<Relation> relations;  // the tables' arithmetic (table/balance, table/row-total, …)
  std::vector<ProseLink> prose;     // prose statements and the cells they must agree with
  std::optional<SkeletonSpec> skeleton;  // absent: `nblint new` cannot write this pack's reports
  std::string source_name;         // "rules/fmt2021.yaml"

  bool applies_to(int year) const { return year >= year_from && year <= year_to; }
  bool enables(std::string_view rule) const { return rules.find(rule) != rules.end(); }
};

}  // namespace nblint
