// Produces the text the grammars see, with a map from every folded code point back to the
// byte offset of the source character it came from (offsets into SourceText::text).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/span.h"
#include "text/origin_map.h"

namespace nblint {

struct NormalizedText {
  std::u32string text;                // folded; line breaks are always a single '\n'
  OriginMap origin;                   // origin[i] = source offset of the character behind text[i]
  std::string_view source;            // the source the offsets point into
  std::vector<Span> pinyin_removed;   // pinyin annotations dropped (公開(kāi) → 公开), in source
  // Where text has a '\n', in order: the passes over a report's lines read them from here
  // instead of each searching the text again (parse/text_scan.h, for_each_line).
  std::vector<std::uint32_t> line_breaks;

  // Source span covering folded range [begin, end).
  Span source_span(std::size_t begin, std::size_t end) const;
  // The folded range of the characters whose source characters lie in `source` (its ends on
  // character boundaries): a folded range [b, e), e > b, has source_span(b, e) inside `source`
  // exactly when b >= first and e <= second. Two searches; a caller testing many ranges against
  // one span compares offsets instead of reading `origin` at each.
  std::pair<std::size_t, std::size_t> folded_range(Span source) const;
};

// Folds `text` (valid UTF-8) for matching; see text/fold.h. Pinyin annotations that mirror
// sites inject after characters (公開(kāi), 復(fù)) are removed, so they do not break keyword
// matching; their source spans are kept in pinyin_removed.
// When `text` is extracted from `source` (HTML), `origin` gives the source offset of each of
// its bytes (size text.size() + 1); otherwise `text` is the source itself.
NormalizedText normalize(std::string_view text, const std::vector<std::uint32_t>* origin = nullptr,
                         std::string_view source = {});

// Hands the buffers of a report that is done to the next normalize()
// (util/spare_buffers: their pages need not be faulted in again).
struct FoldedTextTag;
struct LineBreaksTag;
void give_back(NormalizedText&& done);

}  // namespace nblint
