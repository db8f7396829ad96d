// Check kinds over the title and the headings: structure/missing-title,
// structure/heading-numbering, structure/heading-wording, structure/thin-section. Template
// wording, the differences to ignore and the thin-section thresholds come from the pack.
#pragma once
#include <string>

#include "rules/check_context.h"

namespace nblint {

void check_headings(const CheckContext& ctx);

// `text` without every match of the `ignore` patterns (for comparing wording).
std::u32string without(std::u32string_view text, const std::vector<Pattern>& ignore);

}  // namespace nblint
