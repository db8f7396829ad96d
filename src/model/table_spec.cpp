#include "model/table_spec.h"

namespace nblint {

bool LabelSpec::matches(std::u32string_view label_key) const {
  for (const std::u32string& k : keywords) {
    if (!k.empty() && k.front() == U'=') {
      if (label_key == std::u32string_view(k).substr(1)) return true;
    } else if (label_key.find(k) != std::u32string_view::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace nblint
