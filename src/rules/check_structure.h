// Check kinds over the section tree: structure/missing-section, structure/empty-section,
// structure/section-order. What counts as a mandated section comes from the pack.
#pragma once
#include "rules/check_context.h"

namespace nblint {

void check_structure(const CheckContext& ctx);

}  // namespace nblint
