#include "rules/relation_report.h"

#include "rules/relation_eval.h"
#include "rules/table_lookup.h"

namespace nblint {

namespace {

// Renders one failure of `relation` in the templates of its rule.
class FailureText {
 public:
  FailureText(const CheckContext& ctx, const Relation& relation, const TableSpec& spec)
      : ctx_(ctx), rel_(relation), spec_(spec) {}

  std::string render(const RelationFailure& f) const {
    const bool per_column = rel_.per == RelationPer::Column;
    // A table's only column, or an unlabelled table's one row, needs no naming.
    const bool named_place = per_column ? spec_.columns.size() > 1 : !spec_.unlabelled;
    const std::string place_label = per_column ? column_label(spec_, f.place) : row_label(spec_, f.place);
    const MessageArgs place_args{{"column", place_label}, {"row", place_label}};
    const std::string place = named_place ? msg(per_column ? "place_column" : "place_row", place_args) : "";
    const std::string place_side = named_place ? msg(per_column ? "side_column" : "side_row", place_args) : "";

    const bool single_cell = rel_.lhs.size() == 1 && rel_.lhs[0].kind == RelationTerm::Kind::Cell && rel_.lhs[0].sign > 0;
    if (rel_.op == RelationOp::Equal && single_cell)
      return msg("equal_cell", {{"place", place},
                                {"cell", msg("cell", {{"label", label(rel_.lhs[0].key)}})},
                                {"expected", format_milli(f.rhs_milli)},
                                {"operands", operands(f.rhs)},
                                {"actual", format_milli(f.lhs_milli)}});
    const char* key = rel_.op == RelationOp::Equal ? "equal" : rel_.op == RelationOp::LessEqual ? "not_greater" : "not_less";
    return msg(key, {{"place_side", place_side},
                     {"lhs", side_labels(rel_.lhs)},
                     {"lhs_value", side_value(f.lhs, f.lhs_milli)},
                     {"rhs", side_labels(rel_.rhs)},
                     {"rhs_value", side_value(f.rhs, f.rhs_milli)}});
  }

 private:
  std::string msg(std::string_view key, const MessageArgs& args) const { return ctx_.message(rel_.rule, key, args); }

  // A name in the relation: a row key per column, a column key per row.
  std::string label(std::string_view key) const {
    return rel_.per == RelationPer::Column ? row_label(spec_, key) : column_label(spec_, key);
  }

  static std::string joined(std::string text, int sign, bool first) {
    if (first) return sign < 0 ? "-" + text : text;
    return (sign < 0 ? " - " : " + ") + text;
  }

  std::string side_labels(const std::vector<RelationTerm>& side) const {
    std::string out;
    for (std::size_t i = 0; i < side.size(); ++i) {
      const RelationTerm& t = side[i];
      std::string text = t.kind == RelationTerm::Kind::Literal ? std::to_string(t.literal)
                         : msg(t.kind == RelationTerm::Kind::Sum ? "sum" : "cell", {{"label", label(t.key)}});
      out += joined(std::move(text), t.sign, i == 0);
    }
    return out;
  }

  static std::string operands(const std::vector<EvaluatedTerm>& side) {
    std::string out;
    for (std::size_t i = 0; i < side.size(); ++i) out += joined(format_milli(side[i].milli), side[i].term->sign, i == 0);
    return out;
  }

  // "23", or "20 + 3 = 23" when the side adds up several terms.
  static std::string side_value(const std::vector<EvaluatedTerm>& side, std::int64_t total) {
    return side.size() > 1 ? operands(side) + " = " + format_milli(total) : format_milli(total);
  }

  const CheckContext& ctx_;
  const Relation& rel_;
  const TableSpec& spec_;
};

}  // namespace

void report_relations(const CheckContext& ctx) {
  const Pack& pack = *ctx.choice.pack;
  for (const Relation& relation : pack.relations) {
    const TableSpec* spec = table_spec(pack, relation.table);
    const BoundTable* table = bound_table(ctx.report, relation.table);
    if (!spec || !table) continue;
    const FailureText text(ctx, relation, *spec);
    for (const RelationFailure& f : evaluate_relation(relation, *spec, *table))
      ctx.emit(relation.rule, text.render(f), f.at);
  }
}

}  // namespace nblint
