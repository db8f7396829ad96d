// Loads and validates a rule pack from YAML. Errors are PackError with file:line:column.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include "rules/catalogue.h"
#include "rules/pack.h"
#include "rules/yaml_read.h"

namespace nblint {

Pack load_pack(std::string_view yaml, const std::string& file_name, const Catalogue& catalogue);
// A built-in pack as embedded (tools/gen_quick_pack): read by rules/quick_yaml, or by yaml-cpp
// when it is not in that form.
Pack load_builtin_pack(std::string_view yaml, const std::string& file_name, const Catalogue& catalogue);

// A user pack file (--pack-file, .nblint.yaml packs:); a file that cannot be read is a PackError.
Pack load_pack_file(const std::filesystem::path& path, const Catalogue& catalogue);

}  // namespace nblint
