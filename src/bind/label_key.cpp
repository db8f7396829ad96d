#include "bind/label_key.h"

#include "grammar/heading.h"
#include "parse/text_scan.h"

namespace nblint {

namespace {

// The CJK marks a key drops (full-width forms too, for unfolded input).
constexpr std::u32string_view kCjkMarks = U"“”‘’《》〈〉【】〔〕、，。：；！？（）…—–·「」『』￥";
// Han and the rest of U+3400–U+FAFF hold none of them: most of a label is answered without the
// search through them.
constexpr char32_t kNoMarkFrom = 0x3400, kNoMarkTo = 0xFAFF;
constexpr bool outside_no_mark_range(std::u32string_view marks) {
  for (char32_t m : marks)
    if (m >= kNoMarkFrom && m <= kNoMarkTo) return false;
  return true;
}
static_assert(outside_no_mark_range(kCjkMarks));

bool is_punctuation(char32_t c) {
  if (c < 0x80) return c != '=' && !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
  if (c >= kNoMarkFrom && c <= kNoMarkTo) return false;
  return kCjkMarks.find(c) != std::u32string_view::npos;
}

std::u32string strip(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s)
    if (!is_blank(c) && !is_punctuation(c)) out.push_back(c);
  return out;
}

}  // namespace

std::u32string label_key(std::u32string_view folded_label) {
  if (const auto marker = grammar::parse_heading_marker(folded_label); marker && marker->text_begin < folded_label.size())
    folded_label.remove_prefix(marker->text_begin);
  return strip(folded_label);
}

std::u32string keyword_key(std::u32string_view folded_keyword) { return strip(folded_keyword); }

}  // namespace nblint
