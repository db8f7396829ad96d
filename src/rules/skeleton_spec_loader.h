// Reads a pack's `skeleton:` block (the wording of `nblint new`, see docs/new.md), strictly.
#pragma once
#include "rules/pack.h"
#include "rules/yaml_read.h"

namespace nblint {

// `pack` holds the sections and tables already: guidance must name a section, a corner a table,
// and a corner must name one of its table's anchors (else the skeleton's table would not be found).
SkeletonSpec load_skeleton_spec(const YamlReader& in, const YAML::Node& node, const Pack& pack);

}  // namespace nblint
