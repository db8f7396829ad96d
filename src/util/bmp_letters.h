// The letters of the Basic Multilingual Plane, as ICU's u_isalpha says (ideographs included): one
// bit a code point, derived at build time (tools/gen_fold_table.cpp), so that a test costs one
// load instead of an ICU call, and nothing is filled at run time.
#pragma once
#include <cstdint>

namespace nblint {

extern const std::uint64_t kBmpLetters[0x10000 / 64];

// c < 0x10000.
inline bool is_bmp_letter(char32_t c) { return (kBmpLetters[c >> 6] >> (c & 63)) & 1; }

}  // namespace nblint
