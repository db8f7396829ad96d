// The generated per-code-point fold (see tools/gen_fold_table.cpp for how it is derived).
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>

namespace nblint::fold_table {

extern const std::size_t kFoldCount;
extern const char32_t kPool[];
extern const std::uint16_t kStage1[0x1100];
extern const std::uint32_t kStage2[][256];
// Bit c set: BMP code point c has a non-zero entry (folds to something else).
extern const std::uint64_t kChangesBmp[0x10000 / 64];

}  // namespace nblint::fold_table
