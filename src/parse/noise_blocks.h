// The noise scan's fast path: finding, 32 bytes at a time, where noise may be.
//
// Nearly every line of a report holds no noise, and the scan's state starts afresh at each line
// break. A line can only hold noise if it holds one of a few byte patterns or ill-formed UTF-8
// (see noise.cpp), so the scan need only read the lines where those occur. This finds them:
// UTF-8 validation by the "lookup" algorithm of Keiser and Lemire (as ingest/utf8_blocks.cpp,
// widened to AVX2), plus byte comparisons for the patterns.
#pragma once
#include <cstddef>
#include <string_view>

namespace nblint {

// Whether first_noise_suspect may be called (the processor has AVX2).
bool noise_blocks_available();

// What is known of a text's bytes: well-formed UTF-8 (a Document's text always is: ingest
// replaces what it cannot decode), or nothing.
enum class SourceForm { unchecked, well_formed };

// The start of the first 32-byte block of source[from, end) that may hold noise, counting from
// `from`, which must be the start of a line (0 or just after a '\n'), or npos when none does
// that starts before `until` (npos: the end). A
// suspect may lie up to 3 bytes before the block returned (a pattern or an ill-formed sequence
// that began in the block before), never before `from`. A block is suspect when it holds, or
// ends, one of: a byte that is not well-formed UTF-8 read from `from` on (looked for only when
// `form` is unchecked); '?'; à…ï (C3 A0–AF:
// the lead residue of mojibake); U+FFFD (EF BF BD); 锟 (E9 94 9F). The last block is padded
// with NULs, so a sequence cut short by the end is suspect.
std::size_t first_noise_suspect(std::string_view source, SourceForm form, std::size_t from,
                                std::size_t until = std::string_view::npos);

}  // namespace nblint
