#include "text/normalizer.h"

#include "text/fold.h"
#include "util/utf8.h"

namespace nblint {

Span NormalizedText::source_span(std::size_t begin, std::size_t end) const {
  const auto at = [&](std::size_t i) {
    return i < origin.size() ? origin[i] : static_cast<std::uint32_t>(source.size());
  };
  if (end <= begin) return {at(begin), at(begin)};
  // The end is the end of the source character behind the last folded one.
  const std::uint32_t last = origin[end - 1];
  const std::uint32_t last_len = last < source.size() ? utf8::decode(source, last).length : 0;
  return {at(begin), last + last_len};
}

namespace {

using utf8::is_han;

bool is_toned_vowel(char32_t c) {
  static constexpr std::u32string_view kToned = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
  return kToned.find(c) != std::u32string_view::npos;
}

bool is_pinyin_letter(char32_t c) { return (c >= U'a' && c <= U'z') || c == U'ü' || is_toned_vowel(c); }

// Neutral-tone syllables carry no tone mark; the others must have one, so "(km)" stays.
bool is_neutral_syllable(std::u32string_view s) {
  static constexpr std::u32string_view kNeutral[] = {U"de", U"le", U"me", U"men", U"zi", U"ne", U"ma", U"ba", U"ge", U"zhe"};
  for (auto n : kNeutral)
    if (s == n) return true;
  return false;
}

// Length of a pinyin annotation "(kāi)" starting at text[i], 0 when there is none.
std::size_t pinyin_annotation_at(std::u32string_view text, std::size_t i) {
  constexpr std::size_t kLongestSyllable = 6;  // zhuang
  if (i == 0 || text[i] != U'(' || !is_han(text[i - 1])) return 0;
  std::size_t j = i + 1;
  bool toned = false;
  while (j < text.size() && j - i - 1 <= kLongestSyllable && is_pinyin_letter(text[j])) toned |= is_toned_vowel(text[j++]);
  const std::size_t letters = j - i - 1;
  if (letters == 0 || letters > kLongestSyllable || j >= text.size() || text[j] != U')') return 0;
  if (!toned && !is_neutral_syllable(text.substr(i + 1, letters))) return 0;
  return letters + 2;
}

void remove_pinyin(NormalizedText& out) {
  std::size_t w = 0;
  for (std::size_t r = 0; r < out.text.size();) {
    if (const std::size_t n = pinyin_annotation_at(out.text, r)) {
      out.pinyin_removed.push_back(out.source_span(r, r + n));
      r += n;
      continue;
    }
    out.text[w] = out.text[r];
    out.origin[w] = out.origin[r];
    ++w, ++r;
  }
  out.text.resize(w);
  out.origin.resize(w);
}

}  // namespace

NormalizedText normalize(std::string_view text, const std::vector<std::uint32_t>* origin, std::string_view source) {
  NormalizedText out;
  out.source = origin ? source : text;
  out.text.reserve(text.size());
  out.origin.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto offset = origin ? (*origin)[i] : static_cast<std::uint32_t>(i);
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // ASCII: identity, except that every line break becomes one '\n'
      ++i;
      if (b == '\r') {
        if (i < text.size() && text[i] == '\n') continue;  // the '\n' will be kept
        out.text.push_back(U'\n');
      } else {
        out.text.push_back(static_cast<char32_t>(b));
      }
      out.origin.push_back(offset);
      continue;
    }
    const utf8::Decoded d = utf8::decode(text, i);
    i += d.length;
    char32_t scratch;
    for (char32_t c : fold::of(d.cp, scratch)) {
      out.text.push_back(c);
      out.origin.push_back(offset);
    }
  }
  remove_pinyin(out);
  return out;
}

}  // namespace nblint
