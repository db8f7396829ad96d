#include "rules/relation_eval.h"

#include <optional>
#include <string_view>

#include "rules/table_lookup.h"

namespace nblint {

namespace {

// The cells of one place: per column, the row keys are looked up in a fixed column; per row,
// the column keys in a fixed row.
class Place {
 public:
  Place(const TableSpec& spec, const BoundTable& table, RelationPer per, std::string_view key)
      : spec_(spec), table_(table), per_(per), key_(key) {}

  const BoundCell* cell(std::string_view name) const {
    const BoundRow* row = table_.row(per_ == RelationPer::Column ? name : key_);
    const int col = column_index(spec_, per_ == RelationPer::Column ? key_ : name);
    if (!row || col < 0 || static_cast<std::size_t>(col) >= row->cells.size()) return nullptr;
    return &row->cells[col];
  }
 private:
  const TableSpec& spec_;
  const BoundTable& table_;
  RelationPer per_;
  std::string_view key_;
};

// A term's value; nullopt when a cell is not there or holds no number.
std::optional<std::int64_t> term_milli(const Place& place, const RelationTerm& term) {
  std::int64_t milli = term.kind == RelationTerm::Kind::Literal ? term.literal * 1000 : 0;
  for (const std::string& key : term.keys) {
    const BoundCell* cell = place.cell(key);
    if (!cell || cell->state != CellState::Number) return std::nullopt;
    milli += cell->value.milli();
  }
  return milli;
}

// A side's signed total; nullopt when one of its terms has no value.
std::optional<std::int64_t> side_total(const Place& place, const std::vector<RelationTerm>& side) {
  std::int64_t total = 0;
  for (const RelationTerm& term : side) {
    const auto milli = term_milli(place, term);
    if (!milli) return std::nullopt;
    total += term.sign * *milli;
  }
  return total;
}

// A side's terms with their values, for a failure's message (every term has one).
std::vector<EvaluatedTerm> evaluated_terms(const Place& place, const std::vector<RelationTerm>& side) {
  std::vector<EvaluatedTerm> out;
  out.reserve(side.size());
  for (const RelationTerm& term : side) out.push_back({&term, *term_milli(place, term)});
  return out;
}

bool holds(RelationOp op, std::int64_t lhs, std::int64_t rhs) {
  switch (op) {
    case RelationOp::Equal: return lhs == rhs;
    case RelationOp::LessEqual: return lhs <= rhs;
    case RelationOp::GreaterEqual: return lhs >= rhs;
  }
  return true;
}

// The first cell named on the left (else on the right): where a person would correct it.
const RelationTerm* pointed_term(const Relation& relation) {
  for (const auto* side : {&relation.lhs, &relation.rhs})
    for (const RelationTerm& t : *side)
      if (!t.keys.empty()) return &t;
  return nullptr;
}

}  // namespace

std::vector<RelationFailure> evaluate_relation(const Relation& relation, const TableSpec& spec, const BoundTable& table) {
  std::vector<RelationFailure> out;
  if (!table.found) return out;
  std::vector<std::string_view> places(relation.only.begin(), relation.only.end());
  if (places.empty()) {
    if (relation.per == RelationPer::Column)
      for (const LabelSpec& c : spec.columns) places.push_back(c.key);
    else
      for (const BoundRow& r : table.rows)
        if (!is_group_row(spec, r.key)) places.push_back(r.key);
  }
  const RelationTerm* pointed = pointed_term(relation);
  for (const std::string_view key : places) {
    const Place place(spec, table, relation.per, key);
    // The totals first: the terms are listed only for a failure.
    const auto lhs = side_total(place, relation.lhs);
    const auto rhs = lhs ? side_total(place, relation.rhs) : std::nullopt;
    if (!lhs || !rhs || holds(relation.op, *lhs, *rhs)) continue;
    RelationFailure f;
    f.lhs_milli = *lhs;
    f.rhs_milli = *rhs;
    f.place = std::string(key);
    f.lhs = evaluated_terms(place, relation.lhs);
    f.rhs = evaluated_terms(place, relation.rhs);
    if (pointed) {
      f.cell = pointed->keys.front();
      f.at = place.cell(f.cell)->span;
    } else {
      f.at = table.span;
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::string format_milli(std::int64_t milli) {
  std::string out = milli < 0 ? "-" : "";
  const std::int64_t v = milli < 0 ? -milli : milli;
  out += std::to_string(v / 1000);
  std::int64_t frac = v % 1000;
  if (frac != 0) {
    std::string digits = std::to_string(frac);
    digits.insert(0, 3 - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out;
}

}  // namespace nblint
