// What the command line and the configuration files decide for one input before it is
// analysed: the rule packs (built-in + user packs), a forced pack, the organ level, and the
// rule severities applied to its findings. Precedence (docs/configuration.md): built-in pack
// severity < configuration chain < overrides < command line.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/config_resolver.h"
#include "rules/pack_registry.h"
#include "util/spill_array.h"

namespace nblint {

struct FileSetup {
  const PackRegistry* packs = nullptr;   // never null
  const Pack* forced_pack = nullptr;     // --pack, else the configuration's pack; null: by year
  std::optional<OrganLevel> organ_level; // the configuration's organ_level
  RuleSeverities severities;             // the configuration's rules
  std::optional<std::filesystem::path> config;  // the configuration file used

  bool operator==(const FileSetup&) const = default;
};

// The setups of a run's files. Files usually share one (one configuration for a directory, or
// for the whole run), so each distinct setup is held once and a file costs an index: a run of
// any size does not hold a copy of the configuration's rules per file, nor its index past a budget.
class SetupTable {
 public:
  void add(FileSetup setup);
  // Not thread-safe (SpillArray).
  const FileSetup& operator[](std::size_t file) const { return distinct_[index_.get(file)]; }
  std::size_t size() const { return index_.size(); }
  std::size_t distinct() const { return distinct_.size(); }

 private:
  std::vector<FileSetup> distinct_;
  SpillArray<std::uint32_t> index_;  // file -> distinct_ (past a budget, in a temporary file)
  std::uint32_t last_ = 0;           // the last file's
};

// --pack names a pack that none of the packs in use has.
class UnknownPackError : public std::runtime_error {
 public:
  UnknownPackError(std::string name, std::vector<std::string> known)
      : std::runtime_error("unknown rule pack " + name), name(std::move(name)), known(std::move(known)) {}
  std::string name;
  std::vector<std::string> known;
};

class SetupResolver {
 public:
  // `config`: --config (no discovery); `pack_files`: --pack-file, loaded after the
  // configuration's packs; `pack`: --pack (empty: none).
  SetupResolver(std::optional<std::filesystem::path> config, std::vector<std::filesystem::path> pack_files,
                std::string pack);

  // Throws ConfigError (a configuration mistake, or its pack id unknown), PackError (a user
  // pack), UnknownPackError (--pack).
  FileSetup setup_for(const std::string& path);

 private:
  const PackRegistry& registry(const std::vector<std::filesystem::path>& pack_files);

  ConfigResolver configs_;
  std::vector<std::filesystem::path> cli_pack_files_;
  std::string cli_pack_;
  std::map<std::vector<std::filesystem::path>, std::unique_ptr<PackRegistry>> registries_;
};

}  // namespace nblint
