// Files compiled into the binary (rule packs, rule pages): see cmake/Embed.cmake.
#pragma once
#include <optional>
#include <span>
#include <string_view>

namespace nblint::resources {

struct Resource {
  std::string_view path;  // relative to the source tree, e.g. "rules/fmt2021.yaml"
  std::string_view data;
};

std::span<const Resource> all();
std::optional<std::string_view> find(std::string_view path);

}  // namespace nblint::resources
