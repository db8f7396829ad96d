// meta/pack: says which rule pack was applied and why, or that none could be chosen.
#pragma once
#include "rules/check_context.h"

namespace nblint {

void check_meta_pack(const CheckContext& ctx);

}  // namespace nblint
