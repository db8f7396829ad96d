// Counting the blanks of folded text (is_blank's four: ' ', '\t', U+00A0, U+3000), eight code
// points at a time with AVX2: the section tree counts every paragraph's characters.
#pragma once
#include <cstddef>
#include <string_view>

namespace nblint {

std::size_t count_blanks(std::u32string_view s);

}  // namespace nblint
