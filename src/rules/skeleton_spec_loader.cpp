#include "rules/skeleton_spec_loader.h"

#include <algorithm>

#include "bind/label_key.h"
#include "text/normalizer.h"

namespace nblint {

namespace {

bool names_anchor(const std::string& text, const TableSpec& table) {
  const std::u32string key = label_key(normalize(text).text);
  return std::any_of(table.anchors.begin(), table.anchors.end(),
                     [&](const std::u32string& a) { return key.find(a) != std::u32string::npos; });
}

}  // namespace

SkeletonSpec load_skeleton_spec(const YamlReader& in, const YAML::Node& node, const Pack& pack) {
  in.require_map(node, "skeleton");
  in.check_keys(node, {"title", "opening", "guidance", "corners"});
  SkeletonSpec spec;
  spec.title = in.scalar(in.required(node, "title"), "skeleton.title");
  spec.opening = in.scalar(in.required(node, "opening"), "skeleton.opening");
  if (const YAML::Node guidance = node["guidance"]) {
    in.require_map(guidance, "skeleton.guidance");
    for (const auto& kv : guidance) {
      const std::string key = in.scalar(kv.first, "a section key");
      if (std::none_of(pack.sections.begin(), pack.sections.end(), [&](const SectionSpec& s) { return s.key == key; }))
        in.fail(kv.first, "skeleton.guidance: no section '" + key + "' in sections.items");
      if (!spec.guidance.emplace(key, in.scalar(kv.second, "skeleton.guidance." + key)).second)
        in.fail(kv.first, "skeleton.guidance: section '" + key + "' is given twice");
    }
  }
  if (const YAML::Node corners = node["corners"]) {
    in.require_map(corners, "skeleton.corners");
    for (const auto& kv : corners) {
      const std::string key = in.scalar(kv.first, "a table key");
      const auto table = std::find_if(pack.tables.begin(), pack.tables.end(), [&](const TableSpec& t) { return t.key == key; });
      if (table == pack.tables.end()) in.fail(kv.first, "skeleton.corners: no table '" + key + "' in tables");
      const std::string text = in.scalar(kv.second, "skeleton.corners." + key);
      if (!table->anchors.empty() && !names_anchor(text, *table))
        in.fail(kv.second, "skeleton.corners." + key + " names none of the table's anchors, so the table would not be found");
      if (!spec.corners.emplace(key, text).second) in.fail(kv.first, "skeleton.corners: table '" + key + "' is given twice");
    }
  }
  return spec;
}

}  // namespace nblint
