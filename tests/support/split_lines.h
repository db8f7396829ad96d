// Test support: a text's '\n'-separated lines ("" gives one empty line; "a\n" gives "a", "").
#pragma once
#include <string>
#include <vector>

namespace nblint::test {

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t begin = 0;;) {
    const std::size_t end = text.find('\n', begin);
    out.push_back(text.substr(begin, end == std::string::npos ? std::string::npos : end - begin));
    if (end == std::string::npos) return out;
    begin = end + 1;
  }
}

}  // namespace nblint::test
