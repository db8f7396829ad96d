#include "rules/pack_registry.h"

#include <algorithm>

#include "rules/pack_loader.h"
#include "util/resources.h"

namespace nblint {

namespace {

// Oldest era first; stable, so of two packs starting the same year the one loaded later stays later.
void sort_by_era(std::vector<Pack>& packs) {
  std::stable_sort(packs.begin(), packs.end(), [](const Pack& a, const Pack& b) { return a.year_from < b.year_from; });
}

std::vector<Pack> load_builtin_packs() {
  std::vector<Pack> packs;
  for (const auto& res : resources::all()) {
    if (!res.path.starts_with("rules/") || !res.path.ends_with(".yaml") || Catalogue::is_catalogue_file(res.path))
      continue;
    packs.push_back(load_pack(res.data, std::string(res.path), Catalogue::builtin()));
  }
  sort_by_era(packs);
  return packs;
}

}  // namespace

const PackRegistry& PackRegistry::builtin() {
  static const PackRegistry registry = [] {
    PackRegistry r;
    r.packs_ = load_builtin_packs();
    return r;
  }();
  return registry;
}

PackRegistry PackRegistry::with_user_packs(const std::vector<std::filesystem::path>& files) {
  PackRegistry r;
  r.packs_ = load_builtin_packs();  // packs hold compiled patterns, which do not copy
  for (const auto& file : files) {
    Pack pack = load_pack_file(file, Catalogue::builtin());
    const auto same = std::find_if(r.packs_.begin(), r.packs_.end(), [&](const Pack& p) { return p.id == pack.id; });
    if (same != r.packs_.end())
      *same = std::move(pack);
    else
      r.packs_.push_back(std::move(pack));
  }
  sort_by_era(r.packs_);
  return r;
}

const Pack* PackRegistry::find(std::string_view id) const {
  for (const Pack& p : packs_)
    if (p.id == id) return &p;
  return nullptr;
}

const Pack* PackRegistry::for_year(int year) const {
  const Pack* chosen = nullptr;
  for (const Pack& p : packs_)  // sorted by year_from, stable
    if (p.applies_to(year)) chosen = &p;
  return chosen;
}

}  // namespace nblint
