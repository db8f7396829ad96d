#include <doctest/doctest.h>

#include "grammar/equation.h"

using namespace nblint::grammar;

namespace {

std::string names(const std::vector<EquationTerm>& side) {
  std::string out;
  for (const EquationTerm& t : side) {
    out += t.sign < 0 ? "-" : "+";
    out += t.kind == TermKind::Literal ? std::to_string(t.value) : t.kind == TermKind::Sum ? "sum:" + t.name : t.name;
    out += " ";
  }
  return out;
}

}  // namespace

TEST_CASE("equation grammar: sides, operators and sum()") {
  const EquationParse p = parse_equation("new + carried_in == results_total + carried_out");
  REQUIRE(p.equation);
  CHECK(p.equation->op == EquationOp::Equal);
  CHECK(names(p.equation->lhs) == "+new +carried_in ");
  CHECK(names(p.equation->rhs) == "+results_total +carried_out ");
  CHECK(p.equation->lhs[1].begin == 6);
  CHECK(p.equation->lhs[1].end == 16);

  const EquationParse s = parse_equation("results_total == granted + sum(withheld) + sum( other_processing )");
  REQUIRE(s.equation);
  CHECK(names(s.equation->rhs) == "+granted +sum:withheld +sum:other_processing ");
  CHECK(s.equation->rhs[1].begin == 31);  // the group's name, not "sum("

  const EquationParse le = parse_equation("public_docs<=all_docs");
  REQUIRE(le.equation);
  CHECK(le.equation->op == EquationOp::LessEqual);
  const EquationParse ge = parse_equation("a >= 2");
  REQUIRE(ge.equation);
  CHECK(ge.equation->op == EquationOp::GreaterEqual);
  CHECK(names(ge.equation->rhs) == "+2 ");
}

TEST_CASE("equation grammar: parentheses are multiplied out into signs") {
  const EquationParse p = parse_equation("a - (b - (c + 3)) == -0 + d");
  CHECK_FALSE(p.equation);  // no unary minus
  const EquationParse q = parse_equation("a - (b - (c + 3)) == d - e");
  REQUIRE(q.equation);
  CHECK(names(q.equation->lhs) == "+a -b +c +3 ");
  CHECK(names(q.equation->rhs) == "+d -e ");
  // A key that merely starts with "sum" is a name.
  const EquationParse r = parse_equation("summary == sum_x + sum(g)");
  REQUIRE(r.equation);
  CHECK(names(r.equation->lhs) == "+summary ");
  CHECK(names(r.equation->rhs) == "+sum_x +sum:g ");
}

TEST_CASE("equation grammar: mistakes give their byte offset and what was expected") {
  struct Case {
    const char* text;
    std::size_t offset;
    const char* expected;
  };
  const Case cases[] = {
      {"a + b", 5, "a comparison (==, <=, >=)"},
      {"a = b", 2, "a comparison (==, <=, >=)"},
      {"a == b == c", 7, "the end of the equation (only one comparison)"},
      {"a == b +", 8, "a name, sum(…), a whole number or '('"},
      {"a == b + * c", 9, "a name, sum(…), a whole number or '('"},
      {"a == sum(b", 10, "')'"},
      {"a == sum(3)", 9, "a name"},
      {"a == (b + c", 11, "')'"},
      {"", 0, "a name, sum(…), a whole number or '('"},
      {"== b", 0, "a name, sum(…), a whole number or '('"},
      {"a == 新收", 5, "a name, sum(…), a whole number or '('"},
      {"a < b", 2, "a comparison (==, <=, >=)"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const EquationParse p = parse_equation(c.text);
    CHECK_FALSE(p.equation);
    CHECK(p.error_offset == c.offset);
    CHECK(p.expected == c.expected);
  }
}

TEST_CASE("equation grammar: nesting deeper than the limit is refused at the first '(' too deep") {
  // At the limit the text still parses: the bound refuses nothing a pack could mean.
  const std::string at_limit =
      "a == " + std::string(kMaxEquationNesting, '(') + "b" + std::string(kMaxEquationNesting, ')');
  const EquationParse ok = parse_equation(at_limit);
  REQUIRE(ok.equation);
  CHECK(names(ok.equation->rhs) == "+b ");

  // Far deeper than any stack allows without the bound (fuzz_equation overflowed on such text).
  const std::size_t deep = 100000;
  const std::string too_deep = "a == " + std::string(deep, '(') + "b" + std::string(deep, ')');
  const EquationParse refused = parse_equation(too_deep);
  CHECK_FALSE(refused.equation);
  CHECK(refused.error_offset == 5 + kMaxEquationNesting);
  CHECK(refused.expected == "at most 32 nested parentheses");

  // Closed groups do not add up: depth, not the count of '(', is what is bounded.
  std::string siblings = "a == b";
  for (int i = 0; i < 100; ++i) siblings += " + (c)";
  CHECK(parse_equation(siblings).equation);
}
