// Which characters every match of a regular expression must contain, read from its source, so
// that a text holding none of them is not searched at all (rules/pattern). The reading is
// conservative: it answers only for plain literals, lists of literals in [...], groups and
// alternations of those, with quantifiers and look-arounds; anything it does not understand
// (., \s, \p{…}, ranges, negated classes, inline flags such as (?i)) makes the answer "unknown".
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace nblint {

// A set S (as code points, no order) such that every non-empty match of the ICU regex `source`
// contains at least one character of S; nullopt when no such set is known, and for a pattern
// that can match the empty string.
std::optional<std::u32string> required_chars(std::string_view source);

}  // namespace nblint
