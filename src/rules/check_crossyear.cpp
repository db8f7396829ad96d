#include "rules/check_crossyear.h"

#include <algorithm>

#include "rules/catalogue.h"
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

std::string row_label(const TableSpec& table, std::string_view key) {
  for (const TableRowSpec& r : table.rows)
    if (r.key == key) return r.label;
  return std::string(key);
}

std::string number_text(const BoundCell& cell) { return utf8::encode(cell.text); }

}  // namespace

CarryOverRecord carry_over_record(const Report& report, const PackChoice& choice) {
  CarryOverRecord record;
  record.pack = choice.pack;
  record.year = choice.year.value_or(0);
  if (report.title && report.title->organ) {
    const Span s = report.title->organ->span;
    for (char c : report.folded.source.substr(s.begin, s.end - s.begin))
      if (c != ' ' && c != '\t') record.organ += c;
  }
  if (!choice.pack || !choice.pack->carry_over) return record;
  const CarryOverSpec& spec = *choice.pack->carry_over;
  for (const BoundTable& table : report.tables) {
    if (table.key != spec.table) continue;
    if (const BoundRow* r = table.row(spec.from)) record.from = *r;
    if (const BoundRow* r = table.row(spec.into)) record.into = *r;
  }
  return record;
}

std::vector<std::vector<Diagnostic>> check_carry_over(const std::vector<CarryOverRecord>& records,
                                                      const std::vector<std::string>& names, Lang lang) {
  std::vector<std::vector<Diagnostic>> findings(records.size());
  const RuleInfo* rule = Catalogue::builtin().find(kCarryOver);
  for (std::size_t i = 0; i < records.size(); ++i) {
    const CarryOverRecord& now = records[i];
    if (now.organ.empty() || now.year == 0 || !now.into || !now.pack) continue;
    const auto enabled = now.pack->rules.find(kCarryOver);
    const TableSpec* now_table = carry_table(*now.pack);
    if (enabled == now.pack->rules.end() || !now_table) continue;
    for (std::size_t j = 0; j < records.size(); ++j) {
      const CarryOverRecord& before = records[j];
      if (j == i || before.organ != now.organ || before.year != now.year - 1 || !before.from || !before.pack) continue;
      const TableSpec* before_table = carry_table(*before.pack);
      if (!before_table) continue;
      // Columns are compared by key, so a fmt2019 report can precede a fmt2021 one.
      for (std::size_t c = 0; c < now_table->columns.size() && c < now.into->cells.size(); ++c) {
        const LabelSpec& column = now_table->columns[c];
        const auto other = std::find_if(before_table->columns.begin(), before_table->columns.end(),
                                        [&](const LabelSpec& l) { return l.key == column.key; });
        const std::size_t oc = static_cast<std::size_t>(other - before_table->columns.begin());
        if (other == before_table->columns.end() || oc >= before.from->cells.size()) continue;
        const BoundCell& a = now.into->cells[c];
        const BoundCell& b = before.from->cells[oc];
        // Blank and unreadable cells are table/blank-cell's and table/invalid-number's findings.
        if (a.state != CellState::Number || b.state != CellState::Number || a.value.milli() == b.value.milli()) continue;
        const MessageArgs args{{"current_row", row_label(*now_table, now.pack->carry_over->into)},
                               {"column", column.label},
                               {"current", number_text(a)},
                               {"previous_year", std::to_string(before.year)},
                               {"previous_file", names[j]},
                               {"previous_row", row_label(*before_table, before.pack->carry_over->from)},
                               {"previous", number_text(b)}};
        findings[i].push_back({std::string(kCarryOver), enabled->second,
                               format_message(rule->message("default").get(lang), args), a.span});
      }
    }
  }
  return findings;
}

}  // namespace nblint
