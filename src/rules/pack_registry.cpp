#include "rules/pack_registry.h"

#include <algorithm>

#include "rules/pack_loader.h"
#include "util/resources.h"

namespace nblint {

const PackRegistry& PackRegistry::builtin() {
  static const PackRegistry registry = [] {
    PackRegistry r;
    for (const auto& res : resources::all()) {
      if (!res.path.starts_with("rules/") || !res.path.ends_with(".yaml") ||
          Catalogue::is_catalogue_file(res.path))
        continue;
      r.packs_.push_back(load_pack(res.data, std::string(res.path), Catalogue::builtin()));
    }
    std::sort(r.packs_.begin(), r.packs_.end(),
              [](const Pack& a, const Pack& b) { return a.year_from < b.year_from; });
    return r;
  }();
  return registry;
}

const Pack* PackRegistry::find(std::string_view id) const {
  for (const Pack& p : packs_)
    if (p.id == id) return &p;
  return nullptr;
}

const Pack* PackRegistry::for_year(int year) const {
  for (const Pack& p : packs_)
    if (p.applies_to(year)) return &p;
  return nullptr;
}

}  // namespace nblint
