#include "cli/file_setup.h"

namespace nblint {

namespace fs = std::filesystem;

SetupResolver::SetupResolver(std::optional<fs::path> config, std::vector<fs::path> pack_files, std::string pack)
    : configs_(Catalogue::builtin(), std::move(config)), cli_pack_files_(std::move(pack_files)), cli_pack_(std::move(pack)) {}

const PackRegistry& SetupResolver::registry(const std::vector<fs::path>& pack_files) {
  if (pack_files.empty()) return PackRegistry::builtin();
  auto& slot = registries_[pack_files];
  if (!slot) slot = std::make_unique<PackRegistry>(PackRegistry::with_user_packs(pack_files));
  return *slot;
}

FileSetup SetupResolver::setup_for(const std::string& path) {
  FileSettings settings = configs_.settings_for(path);
  FileSetup setup;
  std::vector<fs::path> pack_files = settings.pack_files;
  pack_files.insert(pack_files.end(), cli_pack_files_.begin(), cli_pack_files_.end());
  setup.packs = &registry(pack_files);
  const auto known = [&] {
    std::vector<std::string> ids;
    for (const Pack& p : setup.packs->packs()) ids.push_back(p.id);
    return ids;
  };
  if (!cli_pack_.empty()) {
    setup.forced_pack = setup.packs->find(cli_pack_);
    if (!setup.forced_pack) throw UnknownPackError(cli_pack_, known());
  } else if (settings.pack) {
    setup.forced_pack = setup.packs->find(settings.pack->id);
    if (!setup.forced_pack) {
      std::string list;
      for (const std::string& id : known()) list += (list.empty() ? "" : ", ") + id;
      throw ConfigError(settings.pack->place.describe() + ": unknown rule pack '" + settings.pack->id +
                        "' (known: " + list + ")");
    }
  }
  setup.organ_level = settings.organ_level;
  setup.severities = std::move(settings.rules);
  setup.config = std::move(settings.config);
  return setup;
}

void SetupTable::add(FileSetup setup) {
  // The previous file's setup first: files of one directory come one after another.
  if (!index_.empty() && distinct_[last_] == setup) {
    index_.push_back(last_);
    return;
  }
  for (std::uint32_t d = 0; d < distinct_.size(); ++d)
    if (distinct_[d] == setup) {
      index_.push_back(last_ = d);
      return;
    }
  index_.push_back(last_ = static_cast<std::uint32_t>(distinct_.size()));
  distinct_.push_back(std::move(setup));
}

}  // namespace nblint
