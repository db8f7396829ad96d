// Keeps the tree gumbo builds from an HTML page bounded, before gumbo sees the page: formatting
// elements (b, font, a …) are renamed to unknown inline elements of the same length, and start
// tags that would open an element more than 256 levels deep become end tags gumbo ignores.
// Length-preserving: every byte offset and all text stay where they are, so positions in the
// rewritten copy are positions in the original. See html_nesting_guard.cpp for why.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace nblint {

// The rewritten copy of `html`, or nullopt when nothing needed rewriting (then no copy is made
// and `html` is parsed as it is). Same size as `html` either way.
std::optional<std::string> guard_html_nesting(std::string_view html);

}  // namespace nblint
