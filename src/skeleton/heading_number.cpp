#include "skeleton/heading_number.h"

#include <charconv>

#include "util/chinese_counting.h"

namespace nblint {

std::string heading_numeral(const std::string& number) {
  int value = 0;
  const char* end = number.data() + number.size();
  const auto [at, error] = std::from_chars(number.data(), end, value);
  if (error != std::errc() || at != end || value < 1 || value > 99) return number;
  return chinese_counting(value);
}

}  // namespace nblint
