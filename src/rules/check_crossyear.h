// Checks across the reports of one run: a report's figures against the same organ's report for
// the previous year (crossyear/carry-over, spec X1).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/report.h"
#include "rules/diagnostic.h"
#include "rules/pack_selector.h"
#include "util/lang.h"

namespace nblint {

// What one checked report offers to the cross-year checks (kept after its model is gone).
struct CarryOverRecord {
  std::string organ;             // the organ its title names, blanks removed; empty: not matchable
  int year = 0;                  // the report year; 0 when unknown
  const Pack* pack = nullptr;    // the pack applied (its carry_over says which rows)
  std::optional<BoundRow> from;  // the row carried into the next year (结转下年度继续办理)
  std::optional<BoundRow> into;  // the row carried from the previous year (上年结转)
};

CarryOverRecord carry_over_record(const Report& report, const PackChoice& choice);

// findings[i] are the findings for records[i]: its `into` row against the `from` row of every
// record of the same organ for the year before. `names[i]` names record i's file in messages.
std::vector<std::vector<Diagnostic>> check_carry_over(const std::vector<CarryOverRecord>& records,
                                                      const std::vector<std::string>& names, Lang lang);

}  // namespace nblint
