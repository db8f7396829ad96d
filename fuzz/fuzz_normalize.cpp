// libFuzzer target: the normaliser and its offset map. The input is made valid UTF-8 first
// (normalize() requires it, as ingest guarantees).
// Invariants: one origin per folded code point (plus the end), every origin lies inside the
// source, origins never go backwards, every source_span is inside the source, and the compact
// map finds an offset where a search of its list does.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalizer.h"
#include "util/utf8.h"

using namespace nblint;

namespace {
[[noreturn]] void fail(const char* what) {
  __builtin_printf("normalizer invariant broken: %s\n", what);
  std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  if (!utf8::is_valid(raw)) return 0;  // ingest never hands the normaliser invalid UTF-8
  const NormalizedText n = normalize(raw);
  if (n.origin.size() < n.text.size()) fail("fewer origins than folded code points");
  const std::vector<std::uint32_t> origins = n.origin.to_vector();
  std::uint32_t previous = 0;
  for (std::uint32_t o : origins) {
    if (o > raw.size()) fail("origin outside the source");
    if (o < previous) fail("origins go backwards");
    previous = o;
  }
  for (const Span& s : n.pinyin_removed)
    if (s.begin > s.end || s.end > raw.size()) fail("pinyin span outside the source");
  const std::size_t len = n.text.size();
  const std::size_t b = len ? data[0] % (len + 1) : 0;
  const std::size_t e = len ? b + (size > 1 ? data[1] : 0) % (len - b + 1) : 0;
  const Span s = n.source_span(b, e);
  if (s.begin > s.end || s.end > raw.size()) fail("source_span outside the source");
  for (const std::uint32_t offset : {s.begin, s.end, s.end + 1})
    if (n.origin.lower_bound(offset) !=
        static_cast<std::size_t>(std::lower_bound(origins.begin(), origins.end(), offset) - origins.begin()))
      fail("the origin map's search disagrees with a search of its list");
  return 0;
}
