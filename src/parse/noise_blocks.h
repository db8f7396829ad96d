// The noise scan's fast path: finding, 32 bytes at a time, where noise may be.
//
// Nearly every line of a report holds no noise, and the scan's state starts afresh at each line
// break. In well-formed UTF-8, a line can only hold noise if it holds one of a few byte patterns
// (see noise.cpp), so the scan need only read the lines where those occur. This finds them with
// AVX2 byte comparisons.
#pragma once
#include <cstddef>
#include <string_view>

namespace nblint {

// What is known of a text's bytes: well-formed UTF-8 (a Document's text always is: ingest
// replaces what it cannot decode), or nothing.
enum class SourceForm { unchecked, well_formed };

// Whether first_noise_suspect may be called (the processor has AVX2).
bool noise_blocks_available();

// The start of the first 32-byte block of source[from, end) that may hold noise, counting from
// `from`, which must be the start of a line (0 or just after a '\n'), or npos when none does
// that starts before `until` (npos: the end). `source` must be well-formed UTF-8. A pattern may
// begin up to 2 bytes before the block returned (in the block before), never before `from`. A
// block is suspect when it holds, or ends, one of: '?'; à…ï (C3 A0–AF: the lead residue of
// mojibake); U+FFFD (EF BF BD); 锟 (E9 94 9F).
std::size_t first_noise_suspect(std::string_view source, std::size_t from, std::size_t until = std::string_view::npos);

}  // namespace nblint
