// A half-open byte range in SourceText::text (the original file's decoded text).
#pragma once
#include <cstdint>

namespace nblint {

struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool empty() const { return begin == end; }
};

}  // namespace nblint
