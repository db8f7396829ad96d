#include "util/resources.h"

namespace nblint::resources {

std::optional<std::string_view> find(std::string_view path) {
  for (const Resource& r : all())
    if (r.path == path) return r.data;
  return std::nullopt;
}

}  // namespace nblint::resources
