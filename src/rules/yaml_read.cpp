#include "rules/yaml_read.h"

#include <charconv>
#include <set>

#include <yaml-cpp/depthguard.h>

namespace nblint {

YAML::Node YamlReader::parse(std::string_view text) const {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own message for this is "bad file"; say what is wrong.
    throw PackError(file_, e.mark.line + 1, e.mark.column + 1,
                    "nested too deeply (over " + std::to_string(e.depth() - 1) + " levels of lists and mappings)");
  } catch (const YAML::Exception& e) {
    throw PackError(file_, e.mark.line + 1, e.mark.column + 1, e.msg);
  }
}

void YamlReader::fail(const YAML::Node& at, const std::string& what) const {
  const YAML::Mark mark = at.Mark();
  // A missing node has no mark (-1): point at the file's start rather than nowhere.
  throw PackError(file_, mark.line < 0 ? 1 : mark.line + 1, mark.column < 0 ? 1 : mark.column + 1, what);
}

void YamlReader::require_map(const YAML::Node& node, std::string_view what) const {
  if (!node.IsMap()) fail(node, std::string(what) + " must be a mapping");
}

void YamlReader::require_sequence(const YAML::Node& node, std::string_view what) const {
  if (!node.IsSequence()) fail(node, std::string(what) + " must be a list");
}

void YamlReader::check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed) const {
  std::set<std::string, std::less<>> seen;
  for (const auto& kv : map) {
    const std::string key = scalar(kv.first, "a key");
    bool known = false;
    for (auto a : allowed) known = known || a == key;
    if (!known) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      fail(kv.first, "unknown key '" + key + "' (expected one of: " + list + ")");
    }
    if (!seen.insert(key).second) fail(kv.first, "key '" + key + "' is given twice");
  }
}

YAML::Node YamlReader::required(const YAML::Node& map, const char* key) const {
  const YAML::Node node = map[key];
  if (!node) fail(map, std::string("missing required key '") + key + "'");
  return node;
}

std::string YamlReader::scalar(const YAML::Node& node, std::string_view what) const {
  if (!node.IsScalar()) fail(node, std::string(what) + " must be a single value");
  return node.Scalar();
}

int YamlReader::integer(const YAML::Node& node, std::string_view what) const {
  const std::string s = scalar(node, what);
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) fail(node, std::string(what) + " must be a whole number");
  return v;
}

Localized YamlReader::localized(const YAML::Node& node) const {
  require_map(node, "a message");
  check_keys(node, {"zh", "en"});
  return {scalar(required(node, "zh"), "zh"), node["en"] ? scalar(node["en"], "en") : std::string()};
}

}  // namespace nblint
