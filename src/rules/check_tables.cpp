#include "rules/check_tables.h"

#include <algorithm>
#include <optional>

#include "bind/label_key.h"
#include "rules/relation_eval.h"
#include "rules/relation_report.h"
#include "rules/table_lookup.h"
#include "text/normalizer.h"
#include "util/utf8.h"

namespace nblint {

namespace {

constexpr std::string_view kMissing = "table/missing";
constexpr std::string_view kOutdated = "table/outdated-template";
constexpr std::string_view kBlank = "table/blank-cell";
constexpr std::string_view kInvalid = "table/invalid-number";
constexpr std::string_view kProse = "table/prose-mismatch";

bool has_number(const BoundTable& t) {
  for (const BoundRow& r : t.rows)
    for (const BoundCell& c : r.cells)
      if (c.state == CellState::Number) return true;
  return false;
}

// Every cell of every row is blank (an unfilled table): table/blank-cell reports its rows.
bool all_blank(const BoundTable& t) {
  for (const BoundRow& r : t.rows)
    for (const BoundCell& c : r.cells)
      if (c.state != CellState::Blank) return false;
  return !t.rows.empty();
}

const BindNote* unreadable_note(const BoundTable& t, std::string_view row = {}) {
  for (const BindNote& n : t.notes)
    if (n.issue == BindIssue::Unreadable && (row.empty() || n.row == row)) return &n;
  return nullptr;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// --- table/missing -----------------------------------------------------------------------------
// Only in sections the report has and that are not empty (structure/missing-section and
// structure/empty-section report those). A table the binder saw but could not read is
// "unreadable", not "missing": the report may well be right.
// Where all tables of a section are absent, or several unreadable, the section gets one finding.
std::string captions(const std::vector<const TableSpec*>& specs) {
  std::string out;
  for (const TableSpec* s : specs) out += (out.empty() ? "" : "、") + s->caption;
  return out;
}

void report_missing(const CheckContext& ctx) {
  const Pack& pack = *ctx.choice.pack;
  const std::vector<SectionMatch>& matches = ctx.report.section_matches;
  for (std::size_t i = 0; i < pack.sections.size(); ++i) {
    if (matches[i].section < 0) continue;
    const Section& found = ctx.report.sections[matches[i].section];
    if (found.body_chars == 0 && found.children.empty()) continue;  // structure/empty-section says it
    const SectionSpec& section = pack.sections[i];
    const Heading& h = found.heading;
    const Span heading{h.marker.begin, h.text.end};
    std::vector<const TableSpec*> absent, unreadable, empty;
    const BindNote* first_unreadable = nullptr;
    std::size_t tables = 0;
    for (const TableSpec& spec : pack.tables) {
      if (spec.section != section.key) continue;
      ++tables;
      const BoundTable* t = bound_table(ctx.report, spec.key);
      if (!t || has_number(*t)) continue;
      if (const BindNote* note = unreadable_note(*t)) {
        unreadable.push_back(&spec);
        if (!first_unreadable) first_unreadable = note;
      } else if (!t->found) {
        absent.push_back(&spec);
      } else if (!all_blank(*t)) {
        empty.push_back(&spec);
      }
    }
    const auto args = [&](std::string_view key, std::string value) {
      return MessageArgs{{"number", section.number}, {"section", section.title}, {key, std::move(value)}};
    };
    if (tables > 1 && absent.size() == tables)
      ctx.emit(kMissing, ctx.message(kMissing, "section_without_tables", args("captions", captions(absent))), heading);
    else
      for (const TableSpec* spec : absent)
        ctx.emit(kMissing, ctx.message(kMissing, "missing", args("caption", spec->caption)), heading);
    if (!unreadable.empty())
      ctx.emit(kMissing, ctx.message(kMissing, "unreadable", args("caption", captions(unreadable))), first_unreadable->span);
    for (const TableSpec* spec : empty)
      ctx.emit(kMissing, ctx.message(kMissing, "no_numbers", args("caption", spec->caption)),
               bound_table(ctx.report, spec->key)->span);
  }
}

// --- table/outdated-template -------------------------------------------------------------------
// The pack's outdated_labels are keyword keys; '=' asks for the whole label.
bool shows(std::u32string_view label, std::u32string_view outdated) {
  if (!outdated.empty() && outdated.front() == U'=') return label == outdated.substr(1);
  return label.find(outdated) != std::u32string_view::npos;
}

void report_outdated(const CheckContext& ctx) {
  const Pack& pack = *ctx.choice.pack;
  for (const BoundTable& t : ctx.report.tables) {
    const TableSpec* spec = table_spec(pack, t.key);
    if (!t.found || !spec) continue;
    const std::u32string* seen = nullptr;
    Span at = t.span;
    for (const std::u32string& cell : t.header) {
      const std::u32string key = keyword_key(cell);
      for (const std::u32string& o : pack.outdated_labels)
        if (!seen && shows(key, o)) seen = &o;
    }
    for (const BoundRow& r : t.rows) {
      if (seen || r.label.empty()) continue;
      const std::u32string key = label_key(normalize(ctx.original(r.label)).text);
      for (const std::u32string& o : pack.outdated_labels)
        if (!seen && shows(key, o)) seen = &o, at = r.label;
    }
    if (!seen) continue;
    const std::u32string_view label = seen->front() == U'=' ? std::u32string_view(*seen).substr(1) : std::u32string_view(*seen);
    ctx.emit(kOutdated,
             ctx.message(kOutdated, "default",
                         {{"caption", spec->caption}, {"label", utf8::encode(label)}, {"pack", pack.name.get(ctx.lang)}}),
             at);
  }
}

// --- table/blank-cell and table/invalid-number ------------------------------------------------
std::string cell_name(const CheckContext& ctx, std::string_view rule, const TableSpec& spec, const BoundRow& row,
                      std::size_t column) {
  const std::string col = column_label(spec, spec.columns[column].key);
  if (spec.unlabelled) return ctx.message(rule, "cell_alone", {{"column", col}});
  return ctx.message(rule, "cell_in_row", {{"row", row_label(spec, row.key)}, {"column", col}});
}

// One finding per row with blank cells, at its first blank cell: reports that leave zeros empty
// do so across the whole table, and one line per cell would bury everything else. A single blank
// cell is named with its text; several are listed by column; a wholly blank row says so.
void report_blank(const CheckContext& ctx, const TableSpec& spec, const BoundTable& t) {
  for (const BoundRow& row : t.rows) {
    if (is_group_row(spec, row.key)) continue;
    const std::size_t n = std::min(row.cells.size(), spec.columns.size());
    std::vector<std::size_t> blank;
    for (std::size_t i = 0; i < n; ++i)
      if (row.cells[i].state == CellState::Blank) blank.push_back(i);
    if (blank.empty()) continue;
    const BoundCell& first = row.cells[blank.front()];
    if (blank.size() == 1) {
      const std::string_view text = trimmed(ctx.original(first.span));
      const std::string shown = text.empty() ? "" : ctx.message(kBlank, "shown", {{"text", std::string(text)}});
      ctx.emit(kBlank, ctx.message(kBlank, "cell", {{"cell", cell_name(ctx, kBlank, spec, row, blank.front())}, {"shown", shown}}),
               first.span);
      continue;
    }
    if (blank.size() == n && !spec.unlabelled) {
      ctx.emit(kBlank, ctx.message(kBlank, "row", {{"row", row_label(spec, row.key)}, {"count", std::to_string(n)}}), first.span);
      continue;
    }
    std::string columns;
    for (std::size_t i : blank) columns += (columns.empty() ? "" : "、") + spec.columns[i].label;
    const std::string key = spec.unlabelled ? "cells_alone" : "cells";
    ctx.emit(kBlank,
             ctx.message(kBlank, key, {{"row", row_label(spec, row.key)}, {"count", std::to_string(blank.size())}, {"columns", columns}}),
             first.span);
  }
}

// Rows the binder could not read keep no values; their cells say nothing about the report.
void report_invalid(const CheckContext& ctx, const TableSpec& spec, const BoundTable& t) {
  for (const BoundRow& row : t.rows) {
    if (is_group_row(spec, row.key) || unreadable_note(t, row.key)) continue;
    // A row's own domain (the 2014 table's fees in 万元) wins over its column's.
    const auto row_at = static_cast<std::size_t>(row_index(spec, row.key));
    for (std::size_t i = 0; i < std::min(row.cells.size(), spec.columns.size()); ++i) {
      const BoundCell& c = row.cells[i];
      const CellDomain domain = spec.cell_domain(row_at, i);
      const char* key = nullptr;
      if (c.state == CellState::NotANumber)
        key = "not_a_number";
      else if (c.state == CellState::Number && c.value.negative && c.value.mantissa != 0 && domain != CellDomain::Signed)
        key = "negative";
      else if (c.state == CellState::Number && c.value.milli() % 1000 != 0 && domain != CellDomain::Amount)
        key = "fraction";
      if (!key) continue;  // the message is made only for a finding: most cells are fine
      MessageArgs args{{"cell", cell_name(ctx, kInvalid, spec, row, i)}};
      if (c.state == CellState::NotANumber)
        args.push_back({"text", std::string(trimmed(ctx.original(c.span)))});
      else
        args.push_back({"value", c.value.digits()});
      ctx.emit(kInvalid, ctx.message(kInvalid, key, args), c.span);
    }
  }
}

// --- table/prose-mismatch ----------------------------------------------------------------------
// The value the table gives for a link; nullopt when a cell is not there or holds no number.
std::optional<std::int64_t> table_value(const CheckContext& ctx, const ProseLink& link) {
  const TableSpec* spec = table_spec(*ctx.choice.pack, link.table);
  const BoundTable* t = bound_table(ctx.report, link.table);
  const BoundRow* row = t ? t->row(link.row) : nullptr;
  if (!spec || !row) return std::nullopt;
  std::int64_t total = 0;
  for (const std::string& column : link.columns) {
    const int i = column_index(*spec, column);
    if (i < 0 || static_cast<std::size_t>(i) >= row->cells.size() || row->cells[i].state != CellState::Number)
      return std::nullopt;
    total += row->cells[i].value.milli();
  }
  return total;
}

std::string cells_named(const CheckContext& ctx, const ProseLink& link) {
  const TableSpec& spec = *table_spec(*ctx.choice.pack, link.table);
  std::string out;
  for (const std::string& column : link.columns)
    out += (out.empty() ? "" : " + ") +
           (spec.unlabelled ? ctx.message(kProse, "cell_alone", {{"column", column_label(spec, column)}})
                            : ctx.message(kProse, "cell", {{"row", row_label(spec, link.row)}, {"column", column_label(spec, column)}}));
  return out;
}

// When the prose states several numbers for one item (a total, then its parts), the rule speaks
// only if none of them agrees with the table, and then about the first.
void report_prose(const CheckContext& ctx) {
  for (const ProseLink& link : ctx.choice.pack->prose) {
    const auto table = table_value(ctx, link);
    if (!table) continue;
    const ProseFact* first = nullptr;
    bool agrees = false;
    for (const ProseFact& fact : ctx.report.prose_facts) {
      if (link.fact != prose_fact_key(fact.kind)) continue;
      if (!first) first = &fact;
      agrees = agrees || fact.value.milli() == *table;
    }
    if (!first || agrees) continue;
    ctx.emit(kProse,
             ctx.message(kProse, "default",
                         {{"statement", std::string(ctx.original(first->span))},
                          {"stated", format_milli(first->value.milli())},
                          {"cells", cells_named(ctx, link)},
                          {"table", format_milli(*table)}}),
             first->number.empty() ? first->span : first->number);
  }
}

}  // namespace

void check_tables(const CheckContext& ctx) {
  const Pack& pack = *ctx.choice.pack;
  report_relations(ctx);
  if (pack.enables(kMissing)) report_missing(ctx);
  if (pack.enables(kOutdated)) report_outdated(ctx);
  for (const BoundTable& t : ctx.report.tables) {
    const TableSpec* spec = table_spec(pack, t.key);
    if (!spec || !t.found) continue;
    if (pack.enables(kBlank)) report_blank(ctx, *spec, t);
    if (pack.enables(kInvalid)) report_invalid(ctx, *spec, t);
  }
  if (pack.enables(kProse)) report_prose(ctx);
}

}  // namespace nblint
