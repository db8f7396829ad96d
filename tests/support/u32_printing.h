// Lets doctest print UTF-32 strings (as UTF-8) when a comparison fails.
#pragma once
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "util/utf8.h"

namespace doctest {
template <>
struct StringMaker<std::u32string> {
  static String convert(const std::u32string& s) { return ("U\"" + nblint::utf8::encode(s) + "\"").c_str(); }
};
template <>
struct StringMaker<std::u32string_view> {
  static String convert(std::u32string_view s) { return ("U\"" + nblint::utf8::encode(s) + "\"").c_str(); }
};
}  // namespace doctest
