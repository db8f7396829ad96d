// The numbering of a skeleton's top-level headings: 一、二、三 … as the national formats write them.
#pragma once
#include <string>

namespace nblint {

// A pack section's `number` as a heading marker's numeral: Chinese numerals stay as they are
// ("一"), digits become Chinese numerals ("1" → "一", "12" → "十二"; the 2008 pack numbers the
// items of Art. 32 with digits).
std::string heading_numeral(const std::string& number);

}  // namespace nblint
