// Evaluates a pack relation on a bound table: in every column (per: column) or on every data row
// (per: row), adds up both sides and reports where the comparison fails. A place where any
// operand cell is blank, missing or not a number is skipped: table/blank-cell and
// table/invalid-number report those cells, and a guess at their value would only add noise.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/table.h"
#include "model/table_spec.h"
#include "rules/relation.h"

namespace nblint {

struct EvaluatedTerm {
  const RelationTerm* term = nullptr;
  std::int64_t milli = 0;  // the term's value × 1000, before its sign (a Sum: its rows added up)
};

struct RelationFailure {
  std::string place;  // the column key (per: column) or the data row key (per: row)
  std::string cell;   // the other key of the cell the finding points at (first left-hand cell)
  Span at;            // that cell's span
  std::vector<EvaluatedTerm> lhs, rhs;
  std::int64_t lhs_milli = 0, rhs_milli = 0;  // the sides' totals × 1000
};

std::vector<RelationFailure> evaluate_relation(const Relation& relation, const TableSpec& spec, const BoundTable& table);

// 21000 → "21", 1500 → "1.5", -3000 → "-3": a value × 1000 as a person would write it.
std::string format_milli(std::int64_t milli);

}  // namespace nblint
