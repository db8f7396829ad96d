#include "rules/pack_registry.h"

#include <algorithm>
#include <mutex>
#include <optional>
#include <stdexcept>

#include <yaml-cpp/yaml.h>

#include "rules/pack_loader.h"
#include "rules/pack_snapshot.h"
#include "util/resources.h"

namespace nblint {

namespace {

// Oldest era first; stable, so of two packs starting the same year the one loaded later stays later.
void sort_by_era(std::vector<Pack>& packs) {
  std::stable_sort(packs.begin(), packs.end(), [](const Pack& a, const Pack& b) { return a.year_from < b.year_from; });
}

std::vector<Pack> load_builtin_packs() {
  std::vector<Pack> packs;
  for (const auto& res : resources::all())
    if (is_builtin_pack_path(res.path)) packs.push_back(load_embedded_pack(res.data, res.path));
  sort_by_era(packs);
  return packs;
}

// A built-in pack before it is loaded: its id and era, read from its top-level `pack:` and
// `years:` lines alone (a few bytes of YAML instead of the whole file). The full load checks
// them again; `readable` is false when the lines are not there in that form, and the packs are
// then loaded at once.
struct PackHeader {
  std::string id;
  int year_from = 0, year_to = 9999;
  bool readable = false;
  const resources::Resource* resource = nullptr;
};

PackHeader read_header(const resources::Resource& res) {
  PackHeader h;
  h.resource = &res;
  std::string head;
  for (std::size_t at = 0; at < res.data.size();) {
    const std::size_t end = std::min(res.data.find('\n', at), res.data.size());
    const std::string_view line = res.data.substr(at, end - at);
    if (line.starts_with("pack:") || line.starts_with("years:")) head.append(line).append("\n");
    at = end + 1;
  }
  try {
    const YAML::Node n = YAML::Load(head);
    if (!n.IsMap() || !n["pack"] || !n["years"] || !n["years"].IsMap() || !n["years"]["from"]) return h;
    h.id = n["pack"].as<std::string>();
    h.year_from = n["years"]["from"].as<int>();
    if (n["years"]["to"]) h.year_to = n["years"]["to"].as<int>();
    h.readable = true;
  } catch (const YAML::Exception&) {
  }
  return h;
}

}  // namespace

bool is_builtin_pack_path(std::string_view path) {
  return path.starts_with("rules/") && path.ends_with(".yaml") && !Catalogue::is_catalogue_file(path);
}

struct PackRegistry::Lazy {
  std::vector<PackHeader> headers;  // same order as packs_
  std::unique_ptr<std::once_flag[]> once;
};

PackRegistry::PackRegistry() = default;
PackRegistry::PackRegistry(PackRegistry&&) noexcept = default;
PackRegistry::~PackRegistry() = default;

const PackRegistry& PackRegistry::builtin() {
  static const PackRegistry registry = [] {
    PackRegistry r;
    auto lazy = std::make_unique<Lazy>();
    for (const auto& res : resources::all())
      if (is_builtin_pack_path(res.path)) lazy->headers.push_back(read_header(res));
    if (std::any_of(lazy->headers.begin(), lazy->headers.end(), [](const PackHeader& h) { return !h.readable; })) {
      r.packs_ = load_builtin_packs();  // a pack's header is written another way: load them all now
      return r;
    }
    std::stable_sort(lazy->headers.begin(), lazy->headers.end(),
                     [](const PackHeader& a, const PackHeader& b) { return a.year_from < b.year_from; });
    lazy->once = std::make_unique<std::once_flag[]>(lazy->headers.size());
    r.packs_.resize(lazy->headers.size());
    r.lazy_ = std::move(lazy);
    return r;
  }();
  return registry;
}

const Pack* PackRegistry::loaded(std::size_t index) const {
  if (!lazy_) return &packs_[index];
  std::call_once(lazy_->once[index], [&] {
    const PackHeader& h = lazy_->headers[index];
    Pack pack = load_embedded_pack(h.resource->data, h.resource->path);
    if (pack.id != h.id || pack.year_from != h.year_from || pack.year_to != h.year_to)
      throw std::logic_error("built-in pack " + std::string(h.resource->path) + ": its pack/years lines were misread");
    packs_[index] = std::move(pack);
  });
  return &packs_[index];
}

const std::vector<Pack>& PackRegistry::packs() const {
  if (lazy_)
    for (std::size_t i = 0; i < packs_.size(); ++i) loaded(i);
  return packs_;
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
  for (std::size_t i = 0; i < packs_.size(); ++i)
    if ((lazy_ ? lazy_->headers[i].id : packs_[i].id) == id) return loaded(i);
  return nullptr;
}

const Pack* PackRegistry::for_year(int year) const {
  std::optional<std::size_t> chosen;
  for (std::size_t i = 0; i < packs_.size(); ++i) {  // sorted by year_from, stable
    const int from = lazy_ ? lazy_->headers[i].year_from : packs_[i].year_from;
    const int to = lazy_ ? lazy_->headers[i].year_to : packs_[i].year_to;
    if (year >= from && year <= to) chosen = i;
  }
  return chosen ? loaded(*chosen) : nullptr;
}

}  // namespace nblint
