// Table relations as the rule packs write them (`check: total == a + b + sum(group)`).
// Facade over the Spirit X3 grammar in equation.cpp; this header does not include X3.
//
// The grammar only reads the shape: which names, literals and sum(…) stand on which side, with
// which sign once parentheses are multiplied out. Whether a name exists in a table is for the
// pack loader to judge.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nblint::grammar {

enum class EquationOp { Equal, LessEqual, GreaterEqual };  // == <= >=

enum class TermKind { Name, Sum, Literal };  // a_key, sum(a_group), 12

struct EquationTerm {
  TermKind kind = TermKind::Name;
  int sign = 1;                    // +1 or -1, parentheses multiplied out: a - (b - c) gives -b, +c
  std::string name;                // Name and Sum: the key
  std::int64_t value = 0;          // Literal
  std::size_t begin = 0, end = 0;  // byte offsets of the key (or literal) in the equation text
};

struct Equation {
  std::vector<EquationTerm> lhs;
  EquationOp op = EquationOp::Equal;
  std::vector<EquationTerm> rhs;
};

struct EquationParse {
  std::optional<Equation> equation;  // set when the whole text is one equation
  std::size_t error_offset = 0;      // byte offset of the first thing that could not be read
  std::string expected;              // what was expected there ("a comparison (==, <=, >=)")
};

// Deeper parentheses are refused before parsing (the grammar recurses per level).
inline constexpr std::size_t kMaxEquationNesting = 32;

// Reads `text` as one equation: exactly one comparison between two sums of terms.
EquationParse parse_equation(std::string_view text);

}  // namespace nblint::grammar
