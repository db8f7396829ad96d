// Reads a pack's `relations:` and `prose:` blocks and checks every name against the pack's
// tables, rules and the catalogue; mistakes are PackErrors with the YAML file, line and column
// (for an equation, the column of the mistake inside it).
#pragma once
#include <string_view>
#include <vector>

#include "rules/catalogue.h"
#include "rules/pack.h"
#include "rules/relation.h"
#include "rules/yaml_read.h"

namespace nblint {

// `yaml` is the pack's text (to place errors inside a quoted `check:`); `pack` has its tables and
// rules loaded already.
std::vector<Relation> load_relations(const YamlReader& in, const YAML::Node& list, std::string_view yaml,
                                     const Pack& pack, const Catalogue& catalogue);

std::vector<ProseLink> load_prose_links(const YamlReader& in, const YAML::Node& list, const Pack& pack);

}  // namespace nblint
