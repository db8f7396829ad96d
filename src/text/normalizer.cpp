#include "text/normalizer.h"

#include <algorithm>

#include "text/fold.h"
#include "text/plain_run.h"
#include "util/spare_buffers.h"
#include "util/three_byte.h"
#include "util/u32_search.h"
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

std::pair<std::size_t, std::size_t> NormalizedText::folded_range(Span source) const {
  // origin never decreases: the folded text keeps the source's order.
  const std::size_t first = origin.lower_bound(source.begin);
  return {first, std::max(first, origin.lower_bound(source.end))};
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

// Only a '(' can start an annotation, so only those are tried (`parens`: where the folded text
// has one, in order); the text is compacted only when something was removed (annotations never
// overlap: the next try is after one). That is rare (mirror sites of traditional-character
// pages), so the origins are then compacted as a whole list and the map rebuilt from it.
void remove_pinyin(NormalizedText& out, const std::vector<std::size_t>& parens) {
  const std::u32string_view text = out.text;
  std::vector<std::pair<std::size_t, std::size_t>> removed;  // [begin, end) in the folded text
  for (const std::size_t p : parens) {
    if (!removed.empty() && p < removed.back().second) continue;  // inside one removed already
    const std::size_t n = pinyin_annotation_at(text, p);
    if (n == 0) continue;
    out.pinyin_removed.push_back(out.source_span(p, p + n));
    removed.emplace_back(p, p + n);
  }
  if (removed.empty()) return;
  std::vector<std::uint32_t> origin = out.origin.to_vector();
  std::size_t w = 0, r = 0;  // compaction: text[r, next removal) moves to w
  for (const auto& [begin, end] : removed) {
    std::copy(out.text.begin() + r, out.text.begin() + begin, out.text.begin() + w);
    std::copy(origin.begin() + r, origin.begin() + begin, origin.begin() + w);
    w += begin - r;
    r = end;
  }
  std::copy(out.text.begin() + r, out.text.end(), out.text.begin() + w);
  std::copy(origin.begin() + r, origin.end(), origin.begin() + w);
  w += out.text.size() - r;
  out.text.resize(w);
  origin.resize(w);
  out.origin.assign(origin);
}

// Folded characters and their origins are written to a small buffer and appended from there in
// bulk, instead of two push_backs per character (the normaliser sees every character of every
// document, and push_back's growth path kept the compiler from keeping anything in registers).
// flush() when done.
class FoldedWriter {
 public:
  explicit FoldedWriter(NormalizedText& out) : out_(out) {}
  // Room for `n` (at most kCapacity) more characters.
  void make_room(std::size_t n) {
    if (end_ + n > kCapacity) flush();
  }
  void put(char32_t c, std::uint32_t origin) {
    if (c == U'(') parens_.push_back(out_.text.size() + end_);
    text_[end_] = c;
    origin_[end_++] = origin;
  }
  // Bulk writing: room(), then up to that many characters at text_end()/origin_end(), then
  // advance() past them.
  std::size_t room() const { return kCapacity - end_; }
  char32_t* text_end() { return text_ + end_; }
  std::uint32_t* origin_end() { return origin_ + end_; }
  void advance(std::size_t n) { end_ += n; }
  void flush() {
    out_.text.append(text_, end_);
    out_.origin.append(origin_, end_);
    end_ = 0;
  }
  // Where the folded text has a '(' (for remove_pinyin), in order. Bulk writes add none: a run
  // stops before a '(' (plain_run).
  const std::vector<std::size_t>& parens() const { return parens_; }

 private:
  static constexpr std::size_t kCapacity = 512;
  NormalizedText& out_;
  char32_t text_[kCapacity];
  std::uint32_t origin_[kCapacity];
  std::size_t end_ = 0;
  std::vector<std::size_t> parens_;
};

// Folds `text` into `w`; offset_of(i) is the source offset of text byte i: origin_map[i], or i
// when there is no map.
template <class OffsetOf>
void fold_text(std::string_view text, OffsetOf offset_of, const std::uint32_t* origin_map, FoldedWriter& w) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  const auto put_fold = [&](char32_t cp, std::uint32_t offset) {
    const std::uint32_t e = fold::entry(cp);
    if (e == 0) {
      w.make_room(1);
      w.put(cp, offset);
      return;
    }
    char32_t scratch;
    const auto folded = fold::of(cp, scratch);
    w.make_room(folded.size());
    for (char32_t c : folded) w.put(c, offset);
  };
  for (std::size_t i = 0; i < size;) {
    // A run of three-byte characters that fold to one character (most of a Chinese text) and
    // the ASCII between them, written straight to the buffer; it stops at anything else, which
    // the cases below take.
    if (w.room() == 0) w.flush();
    const plain_run::Output out{w.text_end(), w.origin_end(), w.room(), static_cast<std::uint32_t>(i),
                                origin_map ? origin_map + i : nullptr};
    const plain_run::Folded run = plain_run::fold_run(p + i, size - i, out);
    if (run.chars != 0) {
      w.advance(run.chars);
      i += run.bytes;
      continue;
    }
    const unsigned char b = p[i];
    if (b < 0x80) {  // '\r' or '(': every line break becomes one '\n', and the writer records '('
      const auto offset = offset_of(i++);
      if (b == '\r' && i < size && p[i] == '\n') continue;  // the '\n' will be kept
      w.make_room(1);
      w.put(b == '\r' ? U'\n' : static_cast<char32_t>(b), offset);
      continue;
    }
    if (i + 3 <= size) {
      if (const char32_t cp = three_byte::at(p + i, size - i)) {
        put_fold(cp, offset_of(i));
        i += 3;
        continue;
      }
    }
    const utf8::Decoded d = utf8::decode(text, i);
    put_fold(d.cp, offset_of(i));
    i += d.length;
  }
}

}  // namespace

NormalizedText normalize(std::string_view text, const std::vector<std::uint32_t>* origin, std::string_view source) {
  NormalizedText out;
  out.source = origin ? source : text;
  // A report's text takes the buffers of the last report folded (give_back); it has at most a
  // character per byte.
  out.text = spare_buffers::take_room<FoldedTextTag, std::u32string>(text.size());
  out.origin = OriginMap(spare_buffers::take_room<FoldedTextTag, std::vector<std::uint8_t>>(text.size()),
                         spare_buffers::take_room<FoldedTextTag, std::vector<std::uint32_t>>(text.size() / OriginMap::kBlock + 1));
  FoldedWriter w(out);
  if (origin)
    fold_text(text, [origin](std::size_t i) { return (*origin)[i]; }, origin->data(), w);
  else
    fold_text(text, [](std::size_t i) { return static_cast<std::uint32_t>(i); }, nullptr, w);
  w.flush();
  remove_pinyin(out, w.parens());
  // A large report's list takes the last one's buffer; the many short texts folded for labels
  // take none (and so cannot take a large one away).
  out.line_breaks = spare_buffers::take_room<LineBreaksTag, std::vector<std::uint32_t>>(out.text.size() / 16);
  const std::u32string_view all(out.text);
  for (std::size_t at = find_code_point(all, U'\n'); at != std::u32string_view::npos;
       at = find_code_point(all, U'\n', at + 1))
    out.line_breaks.push_back(static_cast<std::uint32_t>(at));
  return out;
}

void give_back(NormalizedText&& done) {
  spare_buffers::give_back<FoldedTextTag>(std::move(done.text));
  auto [steps, firsts] = std::move(done.origin).release();
  spare_buffers::give_back<FoldedTextTag>(std::move(steps));
  spare_buffers::give_back<FoldedTextTag>(std::move(firsts));
  spare_buffers::give_back<LineBreaksTag>(std::move(done.line_breaks));
}

}  // namespace nblint
