// The arithmetic a rule pack declares about its tables (`relations:`) and the prose statements it
// compares with table cells (`prose:`). Plain data, loaded by rules/relation_loader.h.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace nblint {

enum class RelationOp { Equal, LessEqual, GreaterEqual };

// Checked in every column (names are row keys) or on every data row (names are column keys).
enum class RelationPer { Column, Row };

// One term of a side after parentheses are multiplied out. A `sum(group)` term is already
// expanded to the data rows it stands for, so evaluation never looks at the tree again.
struct RelationTerm {
  enum class Kind { Cell, Sum, Literal } kind = Kind::Cell;
  int sign = 1;
  std::string key;                // Cell: the row (per column) or column (per row) key; Sum: the group
  std::vector<std::string> keys;  // Cell: {key}; Sum: the data rows under the group; Literal: {}
  std::int64_t literal = 0;
};

struct Relation {
  std::string rule;                // the catalogue rule that reports a failure: "table/balance"
  std::string table;               // TableSpec key: "requests"
  RelationPer per = RelationPer::Column;
  std::vector<std::string> only;   // `columns:` (per column) or `rows:` (per row); empty = all
  std::string text;                // the `check:` as written
  std::vector<RelationTerm> lhs;
  RelationOp op = RelationOp::Equal;
  std::vector<RelationTerm> rhs;
};

// A number the prose states (`fact`: a ProseFactKind key) and the table cells that must agree
// with it: the sum of `columns` of `row` in `table`.
struct ProseLink {
  std::string fact;                  // "new_requests"
  std::string table;                 // "requests"
  std::string row;                   // "new"
  std::vector<std::string> columns;  // {"total"}; several are added up
};

}  // namespace nblint
