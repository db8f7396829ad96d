// libFuzzer target: the relation grammar (grammar/equation.h) on arbitrary text.
// Invariants: a parsed equation's term offsets lie inside the text; a failure's error offset too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "grammar/equation.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parse = nblint::grammar::parse_equation(text);
  if (parse.equation) {
    for (const auto* side : {&parse.equation->lhs, &parse.equation->rhs})
      for (const auto& term : *side)
        if (term.begin > term.end || term.end > size || (term.sign != 1 && term.sign != -1)) std::abort();
  } else if (parse.error_offset > size) {
    std::abort();
  }
  return 0;
}
