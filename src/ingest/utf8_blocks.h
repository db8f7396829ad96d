// UTF-8 validation sixteen bytes at a time (SSSE3) or thirty-two (AVX2), for the strict check
// every UTF-8 file gets before it is taken as it is (ingest/decode.cpp). The byte-at-a-time
// check spent ~8 instructions per byte on Chinese text; sixteen at a time ~2.5, thirty-two ~1.3.
#pragma once
#include <string_view>

namespace nblint {

// True when this machine can run utf8_valid_blocks (an x86 CPU with SSSE3).
bool utf8_blocks_available();

// True when `s` is well-formed UTF-8 (Unicode §3.9: no overlong forms, surrogates or code
// points above U+10FFFF, no truncated sequence), thirty-two bytes at a time when the machine
// has AVX2. Only when utf8_blocks_available().
bool utf8_valid_blocks(std::string_view s);

// Each width on its own, for the tests: sixteen bytes when utf8_blocks_available(), thirty-two
// when utf8_blocks32_available() too.
bool utf8_blocks32_available();
bool utf8_valid_blocks16(std::string_view s);
bool utf8_valid_blocks32(std::string_view s);

}  // namespace nblint
