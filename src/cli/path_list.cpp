#include "cli/path_list.h"

namespace nblint {

std::string PathList::operator[](std::size_t i) const {
  const std::lock_guard lock(reading_);
  return paths_.load_encoded(i);
}

}  // namespace nblint
