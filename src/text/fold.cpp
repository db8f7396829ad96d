#include "text/fold.h"

#include "text/fold_table.h"

namespace nblint::fold {

namespace {
std::uint32_t entry(char32_t c) {
  if (c < 0x80 || c > 0x10FFFF) return 0;
  return fold_table::kStage2[fold_table::kStage1[c >> 8]][c & 0xFF];
}
}  // namespace

std::span<const char32_t> of(char32_t c, char32_t& scratch) {
  const std::uint32_t e = entry(c);
  if (e == 0) {
    scratch = c;
    return {&scratch, 1};
  }
  return {fold_table::kPool + (e >> 8), e & 0xFF};
}

bool changes(char32_t c) { return entry(c) != 0; }

}  // namespace nblint::fold
