#include "parse/noise.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util/three_byte.h"
#include "util/utf8.h"

namespace nblint {

namespace {

// Characters that UTF-8 bytes turn into when read as Windows-1252 / Latin-1.
bool is_cp1252_residue(char32_t c) {
  if (c >= 0x80 && c <= 0xFF) return true;
  switch (c) {
    case 0x152: case 0x153: case 0x160: case 0x161: case 0x178: case 0x17D: case 0x17E: case 0x192:
    case 0x2C6: case 0x2DC: case 0x2013: case 0x2014: case 0x2018: case 0x2019: case 0x201A:
    case 0x201C: case 0x201D: case 0x201E: case 0x2020: case 0x2021: case 0x2022: case 0x2026:
    case 0x2030: case 0x2039: case 0x203A: case 0x20AC: case 0x2122:
      return true;
    default:
      return false;
  }
}

// A lead byte of a 3-byte UTF-8 sequence (every CJK character) read as Latin-1: à–ï.
bool is_lead_residue(char32_t c) { return c >= 0xE0 && c <= 0xEF; }

constexpr std::size_t kMojibakeMinRun = 3;  // "æ”¿" is one CJK character misread

// A Latin letter with or without a tone mark (the pinyin a misaligned page leaves behind).
bool is_latin_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

// When a GBK/Big5 decoder meets a byte it cannot read it writes '?' and goes on one byte out of
// step, so the '?' sits glued between a Chinese character (or its pinyin annotation) and Latin
// letters or a comma: 辦公室?guī)椭笇, 任務(wù)?,F(xiàn)將. A real question mark ends a sentence (space,
// line end, a quote or more Chinese text follow). Returns the end of the garbled run after the
// '?' (its Latin letters and ASCII punctuation), or `at` when the '?' is not such a one.
std::size_t misaligned_run_end(std::string_view source, std::size_t at, bool after_han) {
  if (!after_han || at + 1 >= source.size()) return at;
  const utf8::Decoded next = utf8::decode(source, at + 1);
  if (!is_latin_letter(next.cp) && next.cp != ',') return at;
  std::size_t end = at + 1;
  while (end < source.size()) {
    const utf8::Decoded d = utf8::decode(source, end);
    const bool ascii_mark = d.cp < 0x80 && d.cp > ' ' && d.cp != '?';
    if (!ascii_mark && !is_latin_letter(d.cp)) break;
    end += d.length;
  }
  return end;
}

// Lead bytes E1, E3–E8, EA–EC, EE: with two continuation bytes always a well-formed character
// that is none of those plain_run_end stops at (E0 can be overlong, ED a surrogate, E2 a
// residue, E9 锟, EF U+FFFD).
constexpr auto kPlainLead = [] {
  std::array<bool, 256> plain{};
  for (int b : {0xE1, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xEA, 0xEB, 0xEC, 0xEE}) plain[b] = true;
  return plain;
}();

#if defined(__SSE2__)
// Sixteen bytes at once: `length` > 0 when the bytes from p on up to `length` are whole plain
// characters (ASCII other than '\n' and '?'; a lead byte E1, E3–E9, EA–EC, EE or EF and two
// continuation bytes, other than 锟 = E9 94 9F and U+FFFD = EF BF BD: E9 and EF lead most CJK
// characters and the full-width punctuation, which plain_run_end's general case takes as
// plain); 16, or 14–15 when a character runs past the block. Otherwise `length` is 0 and
// `first_bad` the first byte that breaks the pattern.
struct PlainBlock {
  unsigned length;
  unsigned first_bad;
};

PlainBlock plain_block(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i next = _mm_srli_si128(v, 1), after_next = _mm_srli_si128(v, 2);  // zeros shifted in
  const auto byte = [](int b) { return _mm_set1_epi8(static_cast<char>(b)); };
  const auto bits = [](__m128i m) { return static_cast<std::uint32_t>(_mm_movemask_epi8(m)); };
  // As signed bytes, continuations 80–BF are below C0 and three-byte leads E0–EF lie between DF
  // and F0.
  const std::uint32_t continuation = bits(_mm_cmplt_epi8(v, byte(0xC0)));
  const __m128i three_byte_lead = _mm_and_si128(_mm_cmpgt_epi8(v, byte(0xDF)), _mm_cmplt_epi8(v, byte(0xF0)));
  // 锟 and U+FFFD are the lead and the two bytes after it (a lead at 14 or 15 is not taken).
  const __m128i kun = _mm_and_si128(_mm_cmpeq_epi8(v, byte(0xE9)),
                                    _mm_and_si128(_mm_cmpeq_epi8(next, byte(0x94)), _mm_cmpeq_epi8(after_next, byte(0x9F))));
  const __m128i replacement = _mm_and_si128(
      _mm_cmpeq_epi8(v, byte(0xEF)), _mm_and_si128(_mm_cmpeq_epi8(next, byte(0xBF)), _mm_cmpeq_epi8(after_next, byte(0xBD))));
  const __m128i other_lead = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, byte(0xE0)), _mm_cmpeq_epi8(v, byte(0xE2))),
      _mm_or_si128(_mm_cmpeq_epi8(v, byte(0xED)), _mm_or_si128(kun, replacement)));
  const std::uint32_t lead = bits(_mm_andnot_si128(other_lead, three_byte_lead));
  // ASCII (high bit clear) other than '\n' and '?'.
  const __m128i stops = _mm_or_si128(_mm_cmpeq_epi8(v, byte('\n')), _mm_cmpeq_epi8(v, byte('?')));
  const std::uint32_t ascii = ~bits(_mm_or_si128(v, stops)) & 0xFFFF;
  // Each lead byte's two continuations, and no other continuation byte: whole characters.
  const std::uint32_t expected = (lead << 1) | (lead << 2);
  const std::uint32_t bad = (~(ascii | lead | continuation) | (continuation ^ expected)) & 0xFFFF;
  if (bad != 0) return {0, static_cast<unsigned>(std::countr_zero(bad))};
  // A lead byte at 15 (continuations at 16, 17) or at 14 (at 15, 16) begins past the end.
  return {(expected & 0x20000) ? 15u : (expected & 0x10000) ? 14u : 16u, 0};
}
#endif

// The end of a run of plain characters from `at` on, `stop` at most: characters that only close
// an open mojibake run and set after_han (ASCII other than '\n' and '?'; well-formed three-byte
// characters that are not U+FFFD, a Windows-1252 residue or the 锟 of 锟斤拷). Nearly every
// character of a document is one, so they are skipped here without the general case's tests.
// `after_han` becomes whether the last one skipped is Han.
std::size_t plain_run_end(std::string_view source, std::size_t at, std::size_t stop, bool& after_han) {
  const auto* p = reinterpret_cast<const unsigned char*>(source.data());
  std::size_t i = at;
  std::size_t last_wide = std::string_view::npos;  // where the last three-byte character began
  std::size_t bytewise_until = at;  // after a block that is not all plain: byte by byte to here
  while (i < stop) {
#if defined(__SSE2__)
    // Sixteen bytes at a time while they are all plain; the loop below takes the rest, byte by
    // byte up to past the first byte that is not.
    if (i >= bytewise_until) {
      const std::size_t blocks_begin = i;
      unsigned first_bad = 16;  // none: the end is less than a block away
      while (i + 16 <= stop) {
        const PlainBlock block = plain_block(p + i);
        if (block.length == 0) {
          first_bad = block.first_bad;
          break;
        }
        i += block.length;
      }
      if (i != blocks_begin) last_wide = p[i - 1] < 0x80 ? std::string_view::npos : i - 3;
      bytewise_until = i + first_bad + 1;
    }
    const std::size_t wide_stop = std::min(stop, bytewise_until);
#else
    const std::size_t wide_stop = stop;
#endif
    // Characters with a plain lead byte: the bulk of a Chinese text.
    const std::size_t wide_begin = i;
    while (i + 3 <= wide_stop && kPlainLead[p[i]] && three_byte::continuations(p + i + 1)) i += 3;
    if (i != wide_begin) {
      last_wide = i - 3;
      continue;
    }
    const unsigned char b0 = p[i];
    if (b0 < 0x80) {
      if (b0 == '\n' || b0 == '?') break;
      last_wide = std::string_view::npos;
      ++i;
      continue;
    }
    if (i + 3 > stop) break;
    const char32_t cp = three_byte::at(p + i, source.size() - i);
    if (cp == 0 || cp == utf8::kReplacement || cp == U'锟' || (cp >= 0x2013 && cp <= 0x2122 && is_cp1252_residue(cp)))
      break;
    last_wide = i;
    i += 3;
  }
  if (i > at) after_han = last_wide != std::string_view::npos && utf8::is_han(three_byte::code_point(p + last_wide));
  return i;
}

// The scan of whole lines: its state starts afresh at each line break, so any set of lines
// may be scanned in order and the others left out.
class LineScanner {
 public:
  LineScanner(std::string_view source, const std::vector<Span>& pinyin_removed)
      : source_(source), pinyin_removed_(pinyin_removed) {}

  // The pinyin removal not yet added (those before were added, in the lines of their starts).
  std::size_t next_pinyin_begin() const {
    return next_pinyin_ < pinyin_removed_.size() ? pinyin_removed_[next_pinyin_].begin : std::string_view::npos;
  }

  // Scans source[from, to): `from` starts a line, `to` is just past a '\n' or the end.
  void scan(std::size_t from, std::size_t to);

  std::vector<NoiseRun> take_runs() {
    std::stable_sort(out_.begin(), out_.end(),
                     [](const NoiseRun& a, const NoiseRun& b) { return a.span.begin < b.span.begin; });
    return std::move(out_);
  }

 private:
  void add(NoiseKind kind, Span s) {
    int& i = open_[static_cast<int>(kind)];
    if (i >= 0) {
      out_[i].span.end = s.end;
      ++out_[i].count;
    } else {
      i = static_cast<int>(out_.size());
      out_.push_back({kind, s, s, 1});
    }
  }
  // A pinyin example quotes the character it annotates too: 公開(kāi), not (kāi).
  Span with_annotated_char(Span s) const {
    std::uint32_t b = s.begin;
    while (b > 0 && (static_cast<unsigned char>(source_[b - 1]) & 0xC0) == 0x80) --b;
    if (b > 0) --b;
    return Span{b, s.end};
  }
  void close_mojibake(std::size_t end) {
    if (mojibake_len_ >= kMojibakeMinRun && mojibake_has_lead_)
      add(NoiseKind::Mojibake, {static_cast<std::uint32_t>(mojibake_begin_), static_cast<std::uint32_t>(end)});
    mojibake_len_ = 0;
    mojibake_has_lead_ = false;
  }
  // A new line: the runs of the line before are closed (mojibake by close_mojibake at its break).
  void start_line() {
    std::fill(std::begin(open_), std::end(open_), -1);
    after_han_ = false;
  }

  std::string_view source_;
  const std::vector<Span>& pinyin_removed_;
  std::vector<NoiseRun> out_;
  // Indices of the open run of each kind on the current line, -1 when none.
  int open_[3] = {-1, -1, -1};
  std::size_t next_pinyin_ = 0;
  // Whether the character before this point is Han, or ends a pinyin annotation of one.
  bool after_han_ = false;
  std::size_t mojibake_begin_ = 0, mojibake_len_ = 0;
  bool mojibake_has_lead_ = false;
};

void LineScanner::scan(std::size_t from, std::size_t to) {
  const std::string_view source = source_;
  const std::vector<Span>& pinyin_removed = pinyin_removed_;
  start_line();
  for (std::size_t i = from;;) {
    // A removal at `to` starts the next line: it is added when that line is scanned.
    if (i >= to && i != source.size()) break;
    // Pinyin removals that start before this point belong to the current line.
    while (next_pinyin_ < pinyin_removed.size() && pinyin_removed[next_pinyin_].begin <= i)
      add(NoiseKind::Pinyin, with_annotated_char(pinyin_removed[next_pinyin_++]));
    if (i == source.size()) {
      close_mojibake(i);
      break;
    }
    // Plain characters up to the next pinyin removal (which must be added when it is reached).
    const std::size_t stop = std::min(next_pinyin_begin(), source.size());
    if (const std::size_t end = plain_run_end(source, i, stop, after_han_); end > i) {
      close_mojibake(i);
      i = end;
      continue;
    }
    const unsigned char b = static_cast<unsigned char>(source[i]);
    const bool pinyin_ends_here = next_pinyin_ > 0 && pinyin_removed[next_pinyin_ - 1].end == i;
    if (b == '\n') {
      close_mojibake(i);
      start_line();
      ++i;
      continue;
    }
    if (b < 0x80) {
      close_mojibake(i);
      const std::size_t garbled_end = b == '?' ? misaligned_run_end(source, i, after_han_ || pinyin_ends_here) : i;
      if (garbled_end > i) {
        add(NoiseKind::Mojibake, {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(garbled_end)});
        after_han_ = false;
        i = garbled_end;
        continue;
      }
      after_han_ = false;
      ++i;
      continue;
    }
    const utf8::Decoded d = utf8::decode(source, i);
    after_han_ = utf8::is_han(d.cp);
    if (d.cp == utf8::kReplacement) {
      close_mojibake(i);
      add(NoiseKind::Replacement, {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + d.length)});
    } else if (is_cp1252_residue(d.cp)) {
      if (mojibake_len_++ == 0) mojibake_begin_ = i;
      mojibake_has_lead_ = mojibake_has_lead_ || is_lead_residue(d.cp);
    } else {
      close_mojibake(i);
      if (source.substr(i).starts_with("锟斤拷")) {
        add(NoiseKind::Mojibake, {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 9)});
        i += 9;
        continue;
      }
    }
    i += d.length;
  }
}

// Where the line holding `at` starts, not before `floor` (a line start).
std::size_t line_start_of(std::string_view source, std::size_t floor, std::size_t at) {
  const void* hit = at > floor ? ::memrchr(source.data() + floor, '\n', at - floor) : nullptr;
  return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - source.data()) + 1 : floor;
}

// Just past the line break ending the line that holds `at`, or the end.
std::size_t line_end_after(std::string_view source, std::size_t at) {
  if (at >= source.size()) return source.size();
  const void* hit = std::memchr(source.data() + at, '\n', source.size() - at);
  return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - source.data()) + 1 : source.size();
}

}  // namespace

std::vector<NoiseRun> find_noise(std::string_view source, const std::vector<Span>& pinyin_removed, SourceForm form) {
  LineScanner scanner(source, pinyin_removed);
  // Ill-formed bytes are noise wherever they are: a text not known to be well-formed, and
  // found not to be, is scanned whole.
  if (!noise_blocks_available() || (form == SourceForm::unchecked && !utf8::is_valid(source))) {
    scanner.scan(0, source.size());
    return scanner.take_runs();
  }
  // Only the lines where noise may be (noise_blocks.h): those of a suspect block or a pinyin
  // removal. The line before each is done, so each scan starts afresh as the whole scan would.
  for (std::size_t done = 0;;) {
    const std::size_t pinyin = scanner.next_pinyin_begin();
    const std::size_t block = first_noise_suspect(source, done, pinyin);
    if (block == std::string_view::npos && pinyin == std::string_view::npos) break;
    std::size_t from, to;
    if (pinyin < block) {
      from = line_start_of(source, done, pinyin);
      to = line_end_after(source, pinyin);
    } else {
      // A pattern that began in the block before is on the line of the block's first byte: no
      // pattern holds a line break.
      from = line_start_of(source, done, block);
      to = line_end_after(source, block + 31);
    }
    scanner.scan(from, to);
    if (to == source.size()) break;
    done = to;
  }
  return scanner.take_runs();
}

}  // namespace nblint
