// The fold used for MATCHING (never for text shown to users): full-width and compatibility
// forms to their plain forms (NFKC, code point by code point), traditional to simplified,
// ignorable code points removed. Circled numbers are kept as they are.
#pragma once
#include <cstdint>
#include <span>

namespace nblint::fold {

// The folded form of c: empty when c folds to nothing; `scratch` holds c when it is unchanged.
std::span<const char32_t> of(char32_t c, char32_t& scratch);

// True when c folds to something other than itself.
bool changes(char32_t c);

}  // namespace nblint::fold
