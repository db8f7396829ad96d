#include "config/config_resolver.h"

#include "config/glob.h"

namespace nblint {

namespace fs = std::filesystem;

namespace {

void merge_rules(RuleSeverities& into, const RuleSeverities& from) {
  for (const auto& [id, severity] : from) into[id] = severity;
}

// `file` relative to `directory` with '/' separators, or nullopt when it is not below it.
std::optional<std::string> relative_below(const fs::path& file, const fs::path& directory) {
  if (file.empty()) return std::nullopt;
  const fs::path rel = file.lexically_relative(directory);
  if (rel.empty() || *rel.begin() == "..") return std::nullopt;
  return rel.generic_string();
}

bool matches_any(const std::vector<std::string>& globs, const std::string& path) {
  for (const std::string& g : globs)
    if (glob_match(g, path)) return true;
  return false;
}

}  // namespace

FileSettings merge_settings(const ConfigChain& chain, const fs::path& file) {
  FileSettings s;
  for (const ConfigFile& c : chain.files) {
    merge_rules(s.rules, c.rules);
    if (c.organ_level) s.organ_level = c.organ_level;
    if (c.pack) s.pack = c.pack;
    for (const ConfigRef& p : c.packs) s.pack_files.push_back(p.path);
  }
  for (const ConfigFile& c : chain.files) {
    const auto rel = relative_below(file, c.directory());
    if (!rel) continue;
    for (const ConfigOverride& o : c.overrides) {
      if (!matches_any(o.files, *rel)) continue;
      merge_rules(s.rules, o.rules);
      if (o.organ_level) s.organ_level = o.organ_level;
      if (o.pack) s.pack = o.pack;
    }
  }
  if (!chain.files.empty()) s.config = chain.files.back().path;
  return s;
}

void apply_rule_severities(const RuleSeverities& rules, std::vector<Diagnostic>& diagnostics) {
  if (rules.empty()) return;
  std::erase_if(diagnostics, [&](Diagnostic& d) {
    const auto it = rules.find(d.rule);
    if (it == rules.end()) return false;
    if (!it->second) return true;
    d.severity = *it->second;
    return false;
  });
}

std::optional<fs::path> find_config(const fs::path& directory) {
  for (fs::path dir = directory;; dir = dir.parent_path()) {
    std::error_code ec;
    if (fs::is_regular_file(dir / kConfigFileName, ec)) return dir / kConfigFileName;
    if (dir == dir.parent_path() || dir.empty()) return std::nullopt;  // the filesystem root
  }
}

ConfigResolver::ConfigResolver(const Catalogue& catalogue, std::optional<fs::path> explicit_config)
    : catalogue_(catalogue) {
  if (explicit_config) explicit_ = absolute_path(*explicit_config);
}

std::optional<fs::path> ConfigResolver::nearest(const fs::path& directory) {
  const auto it = nearest_.find(directory);
  if (it != nearest_.end()) return it->second;
  return nearest_[directory] = find_config(directory);
}

const ConfigChain& ConfigResolver::chain(const fs::path& config) {
  const auto it = chains_.find(config);
  if (it != chains_.end()) return it->second;
  return chains_.emplace(config, load_config_chain(config, catalogue_)).first->second;
}

FileSettings ConfigResolver::settings_for(const std::string& path) {
  const bool stdin_input = path == "-";
  const fs::path file = stdin_input ? fs::path() : absolute_path(path);
  std::optional<fs::path> config = explicit_;
  if (!config) config = nearest(stdin_input ? absolute_path(fs::current_path()) : file.parent_path());
  if (!config) return {};
  return merge_settings(chain(*config), file);
}

}  // namespace nblint
