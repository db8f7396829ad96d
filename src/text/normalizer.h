// Produces the text the grammars see, with a map from every folded code point back to the
// byte offset of the source character it came from (offsets into SourceText::text).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/span.h"

namespace nblint {

struct NormalizedText {
  std::u32string text;                // folded; line breaks are always a single '\n'
  std::vector<std::uint32_t> origin;  // origin[i] = source offset of the character behind text[i]
  std::string_view source;            // the source the offsets point into
  std::vector<Span> pinyin_removed;   // pinyin annotations dropped (公開(kāi) → 公开), in source

  // Source span covering folded range [begin, end).
  Span source_span(std::size_t begin, std::size_t end) const;
};

// Folds `text` (valid UTF-8) for matching; see text/fold.h. Pinyin annotations that mirror
// sites inject after characters (公開(kāi), 復(fù)) are removed, so they do not break keyword
// matching; their source spans are kept in pinyin_removed.
// When `text` is extracted from `source` (HTML), `origin` gives the source offset of each of
// its bytes (size text.size() + 1); otherwise `text` is the source itself.
NormalizedText normalize(std::string_view text, const std::vector<std::uint32_t>* origin = nullptr,
                         std::string_view source = {});

// Hands the buffers of a report that is done to the next normalize() on this thread
// (util/thread_spare: their pages need not be faulted in again).
struct FoldedTextTag;
void give_back(NormalizedText&& done);

}  // namespace nblint
