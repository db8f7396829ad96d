// The fold used for MATCHING (never for text shown to users): full-width and compatibility
// forms to their plain forms (NFKC, code point by code point), traditional to simplified,
// ignorable code points removed. Circled numbers are kept as they are.
#pragma once
#include <cstdint>
#include <span>

#include "text/fold_table.h"

namespace nblint::fold {

// The table entry of c: 0 when c folds to itself, otherwise (pool index << 8) | length.
// Inline: the normaliser looks up every non-ASCII character of a document.
inline std::uint32_t entry(char32_t c) {
  if (c < 0x80 || c > 0x10FFFF) return 0;
  return fold_table::kStage2[fold_table::kStage1[c >> 8]][c & 0xFF];
}

// The folded form of c: empty when c folds to nothing; `scratch` holds c when it is unchanged.
inline std::span<const char32_t> of(char32_t c, char32_t& scratch) {
  const std::uint32_t e = entry(c);
  if (e == 0) {
    scratch = c;
    return {&scratch, 1};
  }
  return {fold_table::kPool + (e >> 8), e & 0xFF};
}

// True when c folds to something other than itself.
inline bool changes(char32_t c) { return entry(c) != 0; }

// The same for a BMP code point, from an 8 KB bitmap instead of the 80 KB of table rows a
// Chinese text's characters are spread over.
inline bool bmp_changes(char32_t c) { return (fold_table::kChangesBmp[c >> 6] >> (c & 63)) & 1; }

}  // namespace nblint::fold
