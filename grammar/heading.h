// Heading numbering markers (一、 （一） (一)、 1. 1、 （1） ① 第一部分, optionally after Markdown #).
// Facade over the Spirit X3 grammar in heading.cpp; this header does not include X3.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "model/numbering_style.h"

namespace nblint::grammar {

using nblint::NumberingStyle;

struct HeadingMarker {
  NumberingStyle style;
  std::size_t numeral_begin = 0, numeral_end = 0;  // the number's characters in the line
  std::size_t marker_begin = 0;  // first character of the marker (after indentation and #)
  std::size_t text_begin = 0;    // first character of the heading text (after the marker)
  int markdown_level = 0;        // count of leading '#', 0 when none
};

// Recognises a numbering marker at the start of a folded line (leading blanks allowed).
std::optional<HeadingMarker> parse_heading_marker(std::u32string_view line);

}  // namespace nblint::grammar
