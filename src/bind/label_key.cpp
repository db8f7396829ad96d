#include "bind/label_key.h"

#include "grammar/heading.h"
#include "parse/text_scan.h"

namespace nblint {

namespace {

bool is_punctuation(char32_t c) {
  if (c < 0x80) return c != '=' && !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
  static constexpr std::u32string_view kCjk = U"“”‘’《》〈〉【】〔〕、，。：；！？（）…—–·「」『』￥";
  return kCjk.find(c) != std::u32string_view::npos;
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
