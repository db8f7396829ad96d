// UTF-8 validation sixteen bytes at a time (SSSE3), for the strict check every UTF-8 file gets
// before it is taken as it is (ingest/decode.cpp). The byte-at-a-time check spent ~8
// instructions per byte on Chinese text; this one spends ~2.5.
#pragma once
#include <string_view>

namespace nblint {

// True when this machine can run utf8_valid_blocks (an x86 CPU with SSSE3).
bool utf8_blocks_available();

// True when `s` is well-formed UTF-8 (Unicode §3.9: no overlong forms, surrogates or code
// points above U+10FFFF, no truncated sequence). Only when utf8_blocks_available().
bool utf8_valid_blocks(std::string_view s);

}  // namespace nblint
