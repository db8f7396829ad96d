// .nblint.yaml: one configuration file, read strictly (like the rule packs), and its `extends`
// chain. See docs/configuration.md for the keys and their precedence.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/organ_level.h"
#include "rules/catalogue.h"
#include "rules/severity.h"

namespace nblint {

// A mistake in a configuration file: "file:line:column: what" (or "file: what" when the file
// itself cannot be read).
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where a value was written, for errors found after loading (an unknown pack id).
struct ConfigPlace {
  std::string file;
  int line = 1, column = 1;
  std::string describe() const { return file + ":" + std::to_string(line) + ":" + std::to_string(column); }
};

// rule id → severity; nullopt is `off`.
using RuleSeverities = std::map<std::string, std::optional<Severity>, std::less<>>;

// A path written in a configuration file (extends, packs), resolved against its directory.
struct ConfigRef {
  std::filesystem::path path;  // absolute
  ConfigPlace place;
};

struct ForcedPack {
  std::string id;
  ConfigPlace place;
};

struct ConfigOverride {
  std::vector<std::string> files;  // globs, relative to the configuration file's directory
  RuleSeverities rules;
  std::optional<OrganLevel> organ_level;
  std::optional<ForcedPack> pack;
};

// One configuration file as written.
struct ConfigFile {
  std::filesystem::path path;  // absolute, normalised
  std::vector<ConfigRef> extends;  // in the order written
  RuleSeverities rules;
  std::optional<OrganLevel> organ_level;
  std::optional<ForcedPack> pack;
  std::vector<ConfigRef> packs;    // user pack files
  std::vector<ConfigOverride> overrides;

  std::filesystem::path directory() const { return path.parent_path(); }
};

// Parses one configuration file's text. `path` must be absolute; relative paths in the file
// (extends, packs) are resolved against its directory and must exist. Throws ConfigError.
ConfigFile parse_config_file(const std::string& yaml, const std::filesystem::path& path, const Catalogue& catalogue);

// Reads and parses `path`. Throws ConfigError (also when the file cannot be read).
ConfigFile load_config_file(const std::filesystem::path& path, const Catalogue& catalogue);

// A configuration with its `extends` resolved: the files in the order they apply, the extended
// ones first (depth first, in the order listed), the file itself last. A file reached twice
// applies once, where it is first reached; a cycle is a ConfigError naming the chain.
struct ConfigChain {
  std::vector<ConfigFile> files;
};

ConfigChain load_config_chain(const std::filesystem::path& path, const Catalogue& catalogue);

// "file.yaml" → absolute and lexically normal, without resolving symbolic links (globs match
// the names users see).
std::filesystem::path absolute_path(const std::filesystem::path& p);

}  // namespace nblint
