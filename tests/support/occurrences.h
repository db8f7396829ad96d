// How often a string occurs in a text (non-overlapping), for tests that count elements of a page.
#pragma once
#include <cstddef>
#include <string>

namespace nblint::test {

inline std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

}  // namespace nblint::test
