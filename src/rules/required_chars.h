// Which characters every match of a regular expression must contain, read from its source, so
// that a text holding none of them is not searched at all (rules/pattern). The reading is
// conservative: it answers only for plain literals, lists of literals in [...], groups and
// alternations of those, with quantifiers and look-arounds; anything it does not understand
// (., \s, \p{…}, ranges, negated classes, inline flags such as (?i)) makes the answer "unknown".
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nblint {

// A set S (as code points, no order) such that every non-empty match of the ICU regex `source`
// contains at least one character of S; nullopt when no such set is known, and for a pattern
// that can match the empty string.
std::optional<std::u32string> required_chars(std::string_view source);

// Sets S1…Sn such that every non-empty match contains a character of each: one for each
// required atom of the pattern's top level sequence (and of its required groups) whose
// characters are known; S1 is required_chars. Empty when none is known.
std::vector<std::u32string> required_char_sets(std::string_view source);

// What an anchored pattern's matches begin and end with. `first`: when the pattern is one
// sequence (no top-level '|') that starts with ^ (or \A) followed by a literal or a list of
// literals required at least once, the characters one of which every match begins the text
// with; `last`: likewise for a literal or list before a final $ (or \Z, \z), the characters one
// of which every match ends the text with (or with it followed by a final line break, as $
// allows). Empty when not known.
struct EdgeChars {
  std::u32string first, last;
};
EdgeChars anchored_edge_chars(std::string_view source);

}  // namespace nblint
