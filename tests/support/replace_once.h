// Test support: edit a text (a pack, a report) at the one place a test means.
#pragma once
#include <doctest/doctest.h>

#include <string>

namespace nblint::test {

// `s` with the first `from` replaced by `to`; `from` must occur.
inline std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

}  // namespace nblint::test
