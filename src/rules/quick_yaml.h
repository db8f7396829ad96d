// The built-in packs as nblint embeds them (tools/gen_quick_pack): one `key: value` line per
// top-level key, each value in flow style with every scalar double-quoted. yaml-cpp's scanner
// spends about 19 M instructions on such a 17 KB pack, more than half of `nblint check`'s start
// on one report; this reader builds the same nodes from that narrow form directly, at a fraction
// of that. Anything outside the form (a plain scalar, a comment, a block, a multi-line string)
// makes it give up, and the caller falls back to YAML::Load. Its nodes carry no marks (line and
// column), so it is for the built-in packs only, which are checked at build time: a user's pack
// is read by yaml-cpp, whose marks point at the user's mistakes.
#pragma once
#include <optional>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace nblint {

std::optional<YAML::Node> parse_quick_form(std::string_view text);

// One value of that form, alone in `text` but for a final line end (a catalogue entry's line).
std::optional<YAML::Node> parse_quick_value(std::string_view text);

}  // namespace nblint
