// Reads a pack's `tables:` block (see rules/fmt2021.yaml) into TableSpecs, strictly.
#pragma once
#include <vector>

#include "model/table_spec.h"
#include "rules/yaml_read.h"

namespace nblint {

// `section_keys`: the pack's section keys, so a table naming an unknown section is an error.
std::vector<TableSpec> load_table_specs(const YamlReader& in, const YAML::Node& tables,
                                        const std::vector<std::string>& section_keys);

// Label keywords as the binder compares them (folded, blanks and punctuation removed).
std::vector<std::u32string> load_keywords(const YamlReader& in, const YAML::Node& list, std::string_view what);

}  // namespace nblint
