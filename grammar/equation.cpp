// Spirit X3 grammar for the relations of the rule packs (`relations:` → `check:`); see
// equation.h for the facade. The only translation unit that includes X3 for equations.
//
// EBNF (blanks between tokens are skipped):
//   equation   = expression , comparison , expression , end ;
//   comparison = "==" | "<=" | ">=" ;
//   expression = term , { ( "+" | "-" ) , term } ;
//   term       = "sum" , "(" , name , ")"
//              | name
//              | integer
//              | "(" , expression , ")" ;
//   name       = ( letter | "_" ) , { letter | digit | "_" } ;     ("sum" followed by "(" is no name)
//   integer    = digit , { digit } ;
//
// Terms are collected flat, each with its sign once the parentheses are multiplied out, because
// the relations only ever add and subtract. After the first term every step is an expectation
// point, so a mistake is reported where it is, with what was expected there.
#include "grammar/equation.h"

#include <boost/spirit/home/x3.hpp>

namespace nblint::grammar {

namespace x3 = boost::spirit::x3;

namespace {

using Iter = std::string_view::const_iterator;

// What the semantic actions build while the parser runs.
struct Builder {
  Iter base;
  Equation equation;
  bool right = false;          // after the comparison
  int pending = 1;             // sign of the operator before the next term
  std::vector<int> outer{1};   // signs of the enclosing parentheses, multiplied out

  void add(TermKind kind, std::string name, std::int64_t value, Iter b, Iter e) {
    EquationTerm t;
    t.kind = kind;
    t.sign = pending * outer.back();
    t.name = std::move(name);
    t.value = value;
    t.begin = static_cast<std::size_t>(b - base);
    t.end = static_cast<std::size_t>(e - base);
    (right ? equation.rhs : equation.lhs).push_back(std::move(t));
    pending = 1;
  }
};
struct builder_tag;

Builder& builder(auto& ctx) { return x3::get<builder_tag>(ctx).get(); }

const auto on_plus = [](auto& ctx) { builder(ctx).pending = 1; };
const auto on_minus = [](auto& ctx) { builder(ctx).pending = -1; };
const auto on_open = [](auto& ctx) {
  Builder& b = builder(ctx);
  b.outer.push_back(b.pending * b.outer.back());
  b.pending = 1;
};
const auto on_close = [](auto& ctx) { builder(ctx).outer.pop_back(); };
const auto on_name = [](auto& ctx) {
  const auto& r = x3::_attr(ctx);
  builder(ctx).add(TermKind::Name, std::string(r.begin(), r.end()), 0, r.begin(), r.end());
};
const auto on_sum = [](auto& ctx) {
  const auto& r = x3::_attr(ctx);
  builder(ctx).add(TermKind::Sum, std::string(r.begin(), r.end()), 0, r.begin(), r.end());
};
const auto on_integer = [](auto& ctx) {
  const auto& r = x3::_attr(ctx);
  std::int64_t v = 0;
  for (char c : r) v = v * 10 + (c - '0');
  builder(ctx).add(TermKind::Literal, {}, v, r.begin(), r.end());
};
const auto on_compare = [](EquationOp op) {
  return [op](auto& ctx) {
    Builder& b = builder(ctx);
    b.equation.op = op;
    b.right = true;
    b.pending = 1;
  };
};

const auto name_char = x3::ascii::alnum | x3::lit('_');
const auto name = x3::rule<class name_r, x3::unused_type>{"a name"} =
    x3::lexeme[(x3::ascii::alpha | x3::lit('_')) >> *name_char];
const auto integer = x3::rule<class integer_r, x3::unused_type>{"a whole number"} =
    x3::lexeme[x3::repeat(1, 15)[x3::ascii::digit] >> !x3::ascii::digit];
const auto sum_keyword = x3::lexeme[x3::lit("sum") >> !name_char] >> x3::lit('(');

// Both say what may start a term: that is what is missing when either fails.
x3::rule<class expression_r> const expression = "a name, sum(…), a whole number or '('";
x3::rule<class term_r> const term = "a name, sum(…), a whole number or '('";
const auto close_paren = x3::rule<class close_r>{"')'"} = x3::lit(')');
const auto comparison = x3::rule<class comparison_r>{"a comparison (==, <=, >=)"} =
    x3::lit("==")[on_compare(EquationOp::Equal)] | x3::lit("<=")[on_compare(EquationOp::LessEqual)] |
    x3::lit(">=")[on_compare(EquationOp::GreaterEqual)];
const auto end = x3::rule<class end_r>{"the end of the equation (only one comparison)"} = x3::eoi;

// Named rules at the expectation points, so that a failure says what was expected.
const auto sum_operand = x3::rule<class sum_operand_r>{"a name"} = x3::raw[name][on_sum];
const auto closing = x3::rule<class closing_r>{"')'"} = x3::lit(')')[on_close];
const auto term_def = (sum_keyword > sum_operand > close_paren) | x3::raw[name][on_name] |
                      x3::raw[integer][on_integer] | (x3::lit('(')[on_open] > expression > closing);
const auto expression_def = term > *((x3::lit('+')[on_plus] | x3::lit('-')[on_minus]) > term);
BOOST_SPIRIT_DEFINE(expression, term)

const auto equation = x3::eps > expression > comparison > expression > end;

// The grammar recurses once per '(' level, so a pack with thousands of them would overflow the
// stack (fuzz_equation found one). Real relations nest two levels at most.
std::optional<std::size_t> first_paren_too_deep(std::string_view text) {
  std::size_t depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(' && ++depth > kMaxEquationNesting) return i;
    if (text[i] == ')' && depth > 0) --depth;
  }
  return std::nullopt;
}

}  // namespace

EquationParse parse_equation(std::string_view text) {
  EquationParse out;
  if (const auto too_deep = first_paren_too_deep(text)) {
    out.error_offset = *too_deep;
    out.expected = "at most " + std::to_string(kMaxEquationNesting) + " nested parentheses";
    return out;
  }
  Builder b{text.begin(), {}};
  Iter it = text.begin();
  try {
    const auto parser = x3::with<builder_tag>(std::ref(b))[equation];
    if (x3::phrase_parse(it, text.end(), parser, x3::ascii::space)) {
      out.equation = std::move(b.equation);
      return out;
    }
    out.error_offset = static_cast<std::size_t>(it - text.begin());
    out.expected = "a name, sum(…), a whole number or '('";
  } catch (const x3::expectation_failure<Iter>& e) {
    // The expectation point is before the skipper ran: point at the token, not the blank.
    Iter at = e.where();
    while (at != text.end() && (*at == ' ' || *at == '\t')) ++at;
    out.error_offset = static_cast<std::size_t>(at - text.begin());
    out.expected = e.which();
  }
  return out;
}

}  // namespace nblint::grammar
