// Which configuration applies to a checked file: the nearest .nblint.yaml found by walking up
// from the file's directory (or the one given with --config), with its extends chain and the
// overrides whose globs match the file, merged into one FileSettings.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/config_file.h"
#include "rules/diagnostic.h"

namespace nblint {

inline constexpr const char* kConfigFileName = ".nblint.yaml";

// What the configuration says for one file. Later layers win: the chain's files in order
// (extended files first), then every matching override in the same order.
struct FileSettings {
  RuleSeverities rules;
  std::optional<OrganLevel> organ_level;
  std::optional<ForcedPack> pack;
  std::vector<std::filesystem::path> pack_files;  // user packs, in the order they load
  std::optional<std::filesystem::path> config;    // the configuration file used, if any
};

// Merges `chain` for `file` (absolute; empty for standard input, which no override matches).
FileSettings merge_settings(const ConfigChain& chain, const std::filesystem::path& file);

// Applies `rules` to findings: `off` drops a finding, a severity replaces the pack's.
void apply_rule_severities(const RuleSeverities& rules, std::vector<Diagnostic>& diagnostics);

// The nearest .nblint.yaml at or above `directory` (absolute), or nullopt at the root.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& directory);

class ConfigResolver {
 public:
  // `explicit_config`: --config FILE, which turns discovery off.
  ConfigResolver(const Catalogue& catalogue, std::optional<std::filesystem::path> explicit_config);

  // `path` as the user named it; "-" (standard input) discovers from the current directory.
  // Throws ConfigError.
  FileSettings settings_for(const std::string& path);

 private:
  const ConfigChain& chain(const std::filesystem::path& config);
  std::optional<std::filesystem::path> nearest(const std::filesystem::path& directory);

  const Catalogue& catalogue_;
  std::optional<std::filesystem::path> explicit_;
  std::map<std::filesystem::path, std::optional<std::filesystem::path>> nearest_;  // directory → config
  std::map<std::filesystem::path, ConfigChain> chains_;
};

}  // namespace nblint
