// crossyear/carry-over (spec X1): this year's 上年结转 against the same organ's previous-year
// 结转下年度继续办理, column by column.
#include <algorithm>

#include "rules/catalogue.h"
#include "rules/cross_report.h"
#include "rules/message_format.h"
#include "util/utf8.h"

namespace nblint {

namespace {

constexpr std::string_view kCarryOver = "crossyear/carry-over";

const TableSpec* carry_table(const Pack& pack) {
  if (!pack.carry_over) return nullptr;
  for (const TableSpec& t : pack.tables)
    if (t.key == pack.carry_over->table) return &t;
  return nullptr;
}

}  // namespace

std::string carry_row_label(const Pack& pack, std::string_view key) {
  if (const TableSpec* table = carry_table(pack))
    for (const TableRowSpec& r : table->rows)
      if (r.key == key) return r.label;
  return std::string(key);
}

std::vector<CarriedColumn> carried_columns(const ReportRecord& before, const ReportRecord& now) {
  std::vector<CarriedColumn> out;
  if (!now.carried_into || !now.pack || !before.carried_from || !before.pack) return out;
  const TableSpec* now_table = carry_table(*now.pack);
  const TableSpec* before_table = carry_table(*before.pack);
  if (!now_table || !before_table) return out;
  // Columns are compared by key, so a fmt2019 report can precede a fmt2021 one.
  for (std::size_t c = 0; c < now_table->columns.size() && c < now.carried_into->cells.size(); ++c) {
    const LabelSpec& column = now_table->columns[c];
    const auto other = std::find_if(before_table->columns.begin(), before_table->columns.end(),
                                    [&](const LabelSpec& l) { return l.key == column.key; });
    const auto oc = static_cast<std::size_t>(other - before_table->columns.begin());
    if (other == before_table->columns.end() || oc >= before.carried_from->cells.size()) continue;
    out.push_back({&column, &now.carried_into->cells[c], &before.carried_from->cells[oc]});
  }
  return out;
}

void check_carry_over(const RecordSource& records, std::size_t i, std::span<const std::uint32_t> before_reports, Lang lang,
                      const FindingSink& sink) {
  const RecordDigest digest = records.digest(i);
  if (digest.organ == 0 || digest.year == 0 || !digest.carries_into || !digest.pack) return;
  const auto enabled = digest.pack->rules.find(kCarryOver);
  if (enabled == digest.pack->rules.end()) return;
  const RuleInfo* rule = Catalogue::builtin().find(kCarryOver);
  std::optional<ReportRecord> now;  // read back once a report of the year before has a row to compare
  std::vector<Diagnostic> found;
  for (const std::size_t j : before_reports) {
    if (!records.digest(j).carries_from) continue;
    if (!now) now = records.load(i);
    const ReportRecord before = records.load(j);
    if (before.organ != now->organ) continue;  // digests pair organs by a hash: the names decide
    for (const CarriedColumn& column : carried_columns(before, *now)) {
      const BoundCell& a = *column.into;
      const BoundCell& b = *column.from;
      // Blank and unreadable cells are table/blank-cell's and table/invalid-number's findings.
      if (a.state != CellState::Number || b.state != CellState::Number || a.value.milli() == b.value.milli()) continue;
      const MessageArgs args{{"current_row", carry_row_label(*now->pack, now->pack->carry_over->into)},
                             {"column", column.column->label},
                             {"current", utf8::encode(a.text)},
                             {"previous_year", std::to_string(before.year)},
                             {"previous_file", before.name},
                             {"previous_row", carry_row_label(*before.pack, before.pack->carry_over->from)},
                             {"previous", utf8::encode(b.text)}};
      found.push_back({std::string(kCarryOver), enabled->second,
                       format_message(rule->message("default").get(lang), args), a.span});
    }
  }
  if (!found.empty()) sink(i, std::move(found));
}

}  // namespace nblint
