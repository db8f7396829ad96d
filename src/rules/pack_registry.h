// The rule packs nblint knows: those compiled into the binary (rules/*.yaml).
#pragma once
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "rules/pack.h"

namespace nblint {

class PackRegistry {
 public:
  // The packs compiled into the binary, oldest era first. Each is loaded on first use (by
  // find, for_year or packs), so checking one report loads its pack only, from the snapshot the
  // build made of it (rules/pack_snapshot.h).
  static const PackRegistry& builtin();
  // The built-in packs and the user packs in `files` (same schema as rules/*.yaml), loaded in
  // order: a pack with the id of one already there replaces it, a new id is added. Throws
  // PackError with file:line:column.
  static PackRegistry with_user_packs(const std::vector<std::filesystem::path>& files);

  const Pack* find(std::string_view id) const;
  // The pack for a report year; where eras overlap (a user pack), the one starting latest wins,
  // and of those the one loaded last.
  const Pack* for_year(int year) const;
  const std::vector<Pack>& packs() const;

  PackRegistry();
  PackRegistry(PackRegistry&&) noexcept;
  ~PackRegistry();

 private:
  struct Lazy;  // the built-in packs' ids and eras, and which are loaded
  const Pack* loaded(std::size_t index) const;

  mutable std::vector<Pack> packs_;  // for builtin(), filled one slot at a time
  std::unique_ptr<Lazy> lazy_;       // builtin() only
};

// Whether an embedded resource path ("rules/fmt2021.yaml") is a built-in pack.
bool is_builtin_pack_path(std::string_view path);

}  // namespace nblint
