// Check kinds over what the parser found in the text itself, whatever the pack:
// text/encoding-noise and text/web-chrome.
#pragma once
#include "rules/check_context.h"

namespace nblint {

void check_text(const CheckContext& ctx);

}  // namespace nblint
