#include "config/config_file.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "rules/yaml_read.h"

namespace nblint {

namespace fs = std::filesystem;

namespace {

ConfigPlace place_of(const YamlReader& in, const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return {in.file(), mark.line < 0 ? 1 : mark.line + 1, mark.column < 0 ? 1 : mark.column + 1};
}

// A list of strings, or (where `single_ok`) one string.
std::vector<YAML::Node> string_list(const YamlReader& in, const YAML::Node& node, const char* what, bool single_ok) {
  std::vector<YAML::Node> out;
  if (single_ok && node.IsScalar()) {
    out.push_back(node);
    return out;
  }
  in.require_sequence(node, what);
  for (const auto& item : node) {
    in.scalar(item, what);
    out.push_back(item);
  }
  return out;
}

RuleSeverities rule_severities(const YamlReader& in, const YAML::Node& node, const Catalogue& catalogue) {
  in.require_map(node, "rules");
  RuleSeverities out;
  for (const auto& kv : node) {
    const std::string id = in.scalar(kv.first, "a rule id");
    if (!catalogue.contains(id)) in.fail(kv.first, "unknown rule '" + id + "' (nblint rules lists them)");
    const std::string value = in.scalar(kv.second, "a severity");
    std::optional<Severity> severity;
    if (value != "off") {
      severity = parse_severity(value);
      if (!severity) in.fail(kv.second, "severity of '" + id + "' must be error, warning, info or off, not '" + value + "'");
    }
    if (!out.emplace(id, severity).second) in.fail(kv.first, "rule '" + id + "' is listed twice");
  }
  return out;
}

OrganLevel organ_level(const YamlReader& in, const YAML::Node& node) {
  const std::string value = in.scalar(node, "organ_level");
  if (value == "government") return OrganLevel::Government;
  if (value == "department") return OrganLevel::Department;
  if (value == "township") return OrganLevel::Township;
  in.fail(node, "organ_level must be government, department or township, not '" + value + "'");
}

ForcedPack forced_pack(const YamlReader& in, const YAML::Node& node) {
  const std::string id = in.scalar(node, "pack");
  if (id.empty()) in.fail(node, "pack must name a rule pack");
  return {id, place_of(in, node)};
}

// A relative (or absolute) path in the file, resolved against its directory; it must exist.
ConfigRef existing_file(const YamlReader& in, const YAML::Node& node, const fs::path& dir, const char* what) {
  const std::string written = in.scalar(node, what);
  if (written.empty()) in.fail(node, std::string(what) + " must be a file path");
  const fs::path path = absolute_path(dir / fs::path(written));
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) in.fail(node, std::string(what) + " '" + written + "': no such file");
  return {path, place_of(in, node)};
}

ConfigOverride override_entry(const YamlReader& in, const YAML::Node& node, const Catalogue& catalogue) {
  in.require_map(node, "an overrides entry");
  in.check_keys(node, {"files", "rules", "organ_level", "pack"});
  ConfigOverride o;
  const YAML::Node files = in.required(node, "files");
  for (const YAML::Node& glob : string_list(in, files, "files (a list of globs)", false)) {
    if (glob.Scalar().empty()) in.fail(glob, "an empty glob matches nothing");
    o.files.push_back(glob.Scalar());
  }
  if (o.files.empty()) in.fail(files, "files must list at least one glob");
  if (node["rules"]) o.rules = rule_severities(in, node["rules"], catalogue);
  if (node["organ_level"]) o.organ_level = organ_level(in, node["organ_level"]);
  if (node["pack"]) o.pack = forced_pack(in, node["pack"]);
  return o;
}

}  // namespace

fs::path absolute_path(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) abs = p;
  return abs.lexically_normal();
}

ConfigFile parse_config_file(const std::string& yaml, const fs::path& path, const Catalogue& catalogue) {
  ConfigFile config;
  config.path = path;
  const YamlReader in(path.string());
  try {
    const YAML::Node root = in.parse(yaml);
    if (root.IsNull()) return config;  // an empty file configures nothing
    in.require_map(root, "a configuration file");
    in.check_keys(root, {"extends", "rules", "overrides", "organ_level", "pack", "packs"});
    const fs::path dir = config.directory();
    if (root["extends"])
      for (const YAML::Node& item : string_list(in, root["extends"], "extends (a path or a list of paths)", true))
        config.extends.push_back(existing_file(in, item, dir, "extends"));
    if (root["rules"]) config.rules = rule_severities(in, root["rules"], catalogue);
    if (root["organ_level"]) config.organ_level = organ_level(in, root["organ_level"]);
    if (root["pack"]) config.pack = forced_pack(in, root["pack"]);
    if (root["packs"])
      for (const YAML::Node& item : string_list(in, root["packs"], "packs (a list of pack files)", false))
        config.packs.push_back(existing_file(in, item, dir, "packs"));
    if (root["overrides"]) {
      in.require_sequence(root["overrides"], "overrides");
      for (const auto& item : root["overrides"]) config.overrides.push_back(override_entry(in, item, catalogue));
    }
  } catch (const PackError& e) {
    throw ConfigError(e.what());
  } catch (const YAML::Exception& e) {  // conversions inside yaml-cpp; not expected, never a crash
    throw ConfigError(path.string() + ": " + e.what());
  }
  return config;
}

ConfigFile load_config_file(const fs::path& path, const Catalogue& catalogue) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path.string() + ": cannot read the configuration file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ConfigError(path.string() + ": cannot read the configuration file");
  return parse_config_file(text.str(), absolute_path(path), catalogue);
}

namespace {

void add_to_chain(const fs::path& path, const Catalogue& catalogue, std::vector<fs::path>& visiting,
                  std::set<fs::path>& done, ConfigChain& chain) {
  if (done.count(path)) return;
  const ConfigFile file = load_config_file(path, catalogue);
  visiting.push_back(path);
  for (const ConfigRef& base : file.extends) {
    if (std::find(visiting.begin(), visiting.end(), base.path) != visiting.end()) {
      std::string cycle;
      for (auto it = std::find(visiting.begin(), visiting.end(), base.path); it != visiting.end(); ++it)
        cycle += it->string() + " → ";
      throw ConfigError(base.place.describe() + ": extends makes a cycle: " + cycle + base.path.string());
    }
    add_to_chain(base.path, catalogue, visiting, done, chain);
  }
  visiting.pop_back();
  done.insert(path);
  chain.files.push_back(file);
}

}  // namespace

ConfigChain load_config_chain(const fs::path& path, const Catalogue& catalogue) {
  ConfigChain chain;
  std::vector<fs::path> visiting;
  std::set<fs::path> done;
  add_to_chain(absolute_path(path), catalogue, visiting, done, chain);
  return chain;
}

}  // namespace nblint
