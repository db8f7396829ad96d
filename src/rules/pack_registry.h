// The rule packs nblint knows: those compiled into the binary (rules/*.yaml).
#pragma once
#include <string_view>
#include <vector>

#include "rules/pack.h"

namespace nblint {

class PackRegistry {
 public:
  // The packs compiled into the binary, oldest era first. Loaded once, on first use.
  static const PackRegistry& builtin();

  const Pack* find(std::string_view id) const;
  const Pack* for_year(int year) const;
  const std::vector<Pack>& packs() const { return packs_; }

 private:
  std::vector<Pack> packs_;
};

}  // namespace nblint
