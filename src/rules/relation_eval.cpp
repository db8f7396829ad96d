#include "rules/relation_eval.h"

#include <optional>

#include "rules/table_lookup.h"

namespace nblint {

namespace {

// The cells of one place: per column, the row keys are looked up in a fixed column; per row,
// the column keys in a fixed row.
class Place {
 public:
  Place(const TableSpec& spec, const BoundTable& table, RelationPer per, std::string key)
      : spec_(spec), table_(table), per_(per), key_(std::move(key)) {}

  const BoundCell* cell(std::string_view name) const {
    const BoundRow* row = table_.row(per_ == RelationPer::Column ? name : std::string_view(key_));
    const int col = column_index(spec_, per_ == RelationPer::Column ? std::string_view(key_) : name);
    if (!row || col < 0 || static_cast<std::size_t>(col) >= row->cells.size()) return nullptr;
    return &row->cells[col];
  }
 private:
  const TableSpec& spec_;
  const BoundTable& table_;
  RelationPer per_;
  std::string key_;
};

// A side's terms with their values; nullopt when a cell is not there or holds no number.
std::optional<std::vector<EvaluatedTerm>> evaluate_side(const Place& place, const std::vector<RelationTerm>& side,
                                                        std::int64_t& total) {
  std::vector<EvaluatedTerm> out;
  for (const RelationTerm& term : side) {
    EvaluatedTerm e{&term, 0};
    if (term.kind == RelationTerm::Kind::Literal) e.milli = term.literal * 1000;
    for (const std::string& key : term.keys) {
      const BoundCell* cell = place.cell(key);
      if (!cell || cell->state != CellState::Number) return std::nullopt;
      e.milli += cell->value.milli();
    }
    total += term.sign * e.milli;
    out.push_back(e);
  }
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
  std::vector<std::string> places = relation.only;
  if (places.empty()) {
    if (relation.per == RelationPer::Column)
      for (const LabelSpec& c : spec.columns) places.push_back(c.key);
    else
      for (const BoundRow& r : table.rows)
        if (!is_group_row(spec, r.key)) places.push_back(r.key);
  }
  const RelationTerm* pointed = pointed_term(relation);
  for (const std::string& key : places) {
    const Place place(spec, table, relation.per, key);
    RelationFailure f;
    const auto lhs = evaluate_side(place, relation.lhs, f.lhs_milli);
    const auto rhs = evaluate_side(place, relation.rhs, f.rhs_milli);
    if (!lhs || !rhs || holds(relation.op, f.lhs_milli, f.rhs_milli)) continue;
    f.place = key;
    f.lhs = *lhs;
    f.rhs = *rhs;
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
