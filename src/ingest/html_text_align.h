// Where each character of a text node gumbo decoded came from in the HTML source.
//
// gumbo gives a text node twice: its decoded text (entities resolved, CR LF and lone CR → LF, NUL
// dropped or U+FFFD, invalid bytes U+FFFD) and its `original_text`, the raw slice of the source.
// The two are aligned character by character: an entity (&amp; &#20013; &nbsp …) maps all its
// decoded bytes to its '&' and ends after it (the ';' included, when there is one); CR LF maps
// to the CR; a U+FFFD for a NUL or an invalid byte sequence maps to that byte; tags the tree
// builder ignored inside a run of text are stepped over; anything else is looked for a little
// ahead (64 bytes) in the source, or else mapped where the alignment stands. Characters beyond
// the end of the slice map to its end.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

namespace nblint {

// Receives one decoded character: its UTF-8 bytes [bytes, bytes + n), and the source offsets
// where the character begins (`src`) and where what it was decoded from ends (`end`).
using AlignedCharFn = std::function<void(const char* bytes, std::size_t n, std::uint32_t src, std::uint32_t end)>;

// Calls `emit` for each character of `decoded` in order. `original` is the node's original_text
// (empty when gumbo has none) and `base` its offset in the source; offsets are clamped to `limit`.
void align_html_text(std::string_view decoded, std::string_view original, std::uint32_t base, std::uint32_t limit,
                     const AlignedCharFn& emit);

}  // namespace nblint
