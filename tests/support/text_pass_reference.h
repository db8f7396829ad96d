// The whole-text passes as they were before the ASCII fast paths and key-character prechecks
// (commit 7d93c56), kept as the oracle that the faster ones must agree with exactly.
#pragma once
#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "model/report.h"
#include "parse/text_scan.h"
#include "text/fold.h"
#include "text/normalizer.h"
#include "util/utf8.h"

namespace nblint::reference {

namespace normalizer {
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

void remove_pinyin(NormalizedText& out, std::vector<std::uint32_t>& origin) {
  out.origin.assign(origin);  // for source_span
  std::size_t w = 0;
  for (std::size_t r = 0; r < out.text.size();) {
    if (const std::size_t n = pinyin_annotation_at(out.text, r)) {
      out.pinyin_removed.push_back(out.source_span(r, r + n));
      r += n;
      continue;
    }
    out.text[w] = out.text[r];
    origin[w] = origin[r];
    ++w, ++r;
  }
  out.text.resize(w);
  origin.resize(w);
}

}  // namespace

inline NormalizedText normalize(std::string_view text, const std::vector<std::uint32_t>* origin, std::string_view source) {
  NormalizedText out;
  out.source = origin ? source : text;
  out.text.reserve(text.size());
  std::vector<std::uint32_t> origins;  // out.origin, as a plain list
  origins.reserve(text.size());
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
      origins.push_back(offset);
      continue;
    }
    const utf8::Decoded d = utf8::decode(text, i);
    i += d.length;
    char32_t scratch;
    for (char32_t c : fold::of(d.cp, scratch)) {
      out.text.push_back(c);
      origins.push_back(offset);
    }
  }
  remove_pinyin(out, origins);
  out.origin.assign(origins);
  return out;
}

}  // namespace normalizer
using normalizer::normalize;

namespace noise {
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

}  // namespace

inline std::vector<NoiseRun> find_noise(std::string_view source, const std::vector<Span>& pinyin_removed) {
  std::vector<NoiseRun> out;
  // Indices of the open run of each kind on the current line, -1 when none.
  int open[3] = {-1, -1, -1};
  const auto add = [&](NoiseKind kind, Span s) {
    int& i = open[static_cast<int>(kind)];
    if (i >= 0) {
      out[i].span.end = s.end;
      ++out[i].count;
    } else {
      i = static_cast<int>(out.size());
      out.push_back({kind, s, s, 1});
    }
  };
  // A pinyin example quotes the character it annotates too: 公開(kāi), not (kāi).
  const auto with_annotated_char = [&](Span s) {
    std::uint32_t b = s.begin;
    while (b > 0 && (static_cast<unsigned char>(source[b - 1]) & 0xC0) == 0x80) --b;
    if (b > 0) --b;
    return Span{b, s.end};
  };
  std::size_t next_pinyin = 0;
  // Whether the character before this point is Han, or ends a pinyin annotation of one.
  bool after_han = false;
  std::size_t mojibake_begin = 0, mojibake_len = 0;
  bool mojibake_has_lead = false;
  const auto close_mojibake = [&](std::size_t end) {
    if (mojibake_len >= kMojibakeMinRun && mojibake_has_lead)
      add(NoiseKind::Mojibake, {static_cast<std::uint32_t>(mojibake_begin), static_cast<std::uint32_t>(end)});
    mojibake_len = 0;
    mojibake_has_lead = false;
  };
  for (std::size_t i = 0; i <= source.size();) {
    // Pinyin removals that start before this point belong to the current line.
    while (next_pinyin < pinyin_removed.size() && pinyin_removed[next_pinyin].begin <= i)
      add(NoiseKind::Pinyin, with_annotated_char(pinyin_removed[next_pinyin++]));
    if (i == source.size()) {
      close_mojibake(i);
      break;
    }
    const unsigned char b = static_cast<unsigned char>(source[i]);
    const bool pinyin_ends_here = next_pinyin > 0 && pinyin_removed[next_pinyin - 1].end == i;
    if (b == '\n') {
      close_mojibake(i);
      std::fill(std::begin(open), std::end(open), -1);
      after_han = false;
      ++i;
      continue;
    }
    if (b < 0x80) {
      close_mojibake(i);
      const std::size_t garbled_end = b == '?' ? misaligned_run_end(source, i, after_han || pinyin_ends_here) : i;
      if (garbled_end > i) {
        add(NoiseKind::Mojibake, {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(garbled_end)});
        after_han = false;
        i = garbled_end;
        continue;
      }
      after_han = false;
      ++i;
      continue;
    }
    const utf8::Decoded d = utf8::decode(source, i);
    after_han = utf8::is_han(d.cp);
    if (d.cp == utf8::kReplacement) {
      close_mojibake(i);
      add(NoiseKind::Replacement, {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + d.length)});
    } else if (is_cp1252_residue(d.cp)) {
      if (mojibake_len++ == 0) mojibake_begin = i;
      mojibake_has_lead = mojibake_has_lead || is_lead_residue(d.cp);
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
  std::stable_sort(out.begin(), out.end(), [](const NoiseRun& a, const NoiseRun& b) { return a.span.begin < b.span.begin; });
  return out;
}

}  // namespace noise
using noise::find_noise;

namespace web_chrome {
namespace {

// Phrases that appear only in page furniture, never in a report's own sentences.
constexpr std::array<std::u32string_view, 9> kShareOrQr = {
    U"扫一扫在手机打开当前页", U"扫一扫在手机上查看", U"用手机扫描二维码", U"手机扫一扫",
    U"微信扫一扫", U"扫描二维码分享", U"分享到:", U"在手机上打开", U"打开手机扫一扫"};
constexpr std::array<std::u32string_view, 3> kLeaving = {U"您访问的链接即将离开", U"即将离开本网站",
                                                          U"您即将离开"};
constexpr std::array<std::u32string_view, 7> kCounters = {U"浏览量", U"浏览次数", U"点击次数", U"阅读次数",
                                                           U"访问量", U"点击量", U"阅读量"};
constexpr std::array<std::u32string_view, 11> kToolbar = {
    U"打印本页", U"关闭窗口", U"【打印】", U"【关闭】", U"[打印]", U"[关闭]", U"打印此页", U"收藏本页",
    U"无障碍", U"长者助手", U"我的收藏"};
constexpr std::array<std::u32string_view, 7> kBreadcrumb = {U"当前位置", U"您的位置", U"您现在的位置", U"当前页面",
                                                            U"所在位置", U"现在位置", U"位置:首页"};

// Furniture is a short line that is not a sentence: one mentioning 浏览量 or 无障碍 as part of
// the year's work is longer or has sentence punctuation.
constexpr std::size_t kFurnitureMaxChars = 40;

bool is_sentence(std::u32string_view line) {
  return line.find_first_of(U"。,;") != std::u32string_view::npos;
}

bool starts_with_any(std::u32string_view line, auto const& phrases) {
  for (auto p : phrases)
    if (line.starts_with(p)) return true;
  return false;
}

bool contains_any(std::u32string_view line, auto const& phrases) {
  for (auto p : phrases)
    if (contains(line, p)) return true;
  return false;
}

std::u32string_view without_bullet(std::u32string_view line) {
  while (!line.empty() && (line[0] == U'•' || line[0] == U'·' || line[0] == U'*' || line[0] == U'-' || is_blank(line[0])))
    line.remove_prefix(1);
  return line;
}

}  // namespace

inline std::optional<ChromeKind> classify_web_chrome(std::u32string_view line) {
  line = without_bullet(line);
  if (line.empty()) return std::nullopt;
  if (starts_with_any(line, kBreadcrumb) && (contains(line, U">") || contains(line, U"首页") || contains(line, U"»")))
    return ChromeKind::Breadcrumb;
  if (line.starts_with(U"首页") && contains(line, U">")) return ChromeKind::Breadcrumb;
  if (line.starts_with(U"上一篇") || line.starts_with(U"下一篇")) return ChromeKind::PrevNext;
  if (contains_any(line, kLeaving)) return ChromeKind::LeavingSite;
  if (line.size() > kFurnitureMaxChars || is_sentence(line)) return std::nullopt;
  if (contains_any(line, kShareOrQr)) return ChromeKind::Share;
  if (starts_with_any(line, kCounters)) return ChromeKind::Counter;
  if (line.starts_with(U"字号") || contains(line, U"字体:大中小") || contains(line, U"【大中小】") ||
      contains(line, U"[大中小]") || contains(line, U"字号:大") || contains_any(line, kToolbar))
    return ChromeKind::Toolbar;
  return std::nullopt;
}

}  // namespace web_chrome
using web_chrome::classify_web_chrome;

inline std::vector<std::uint32_t> line_starts(std::string_view text) {
  std::vector<std::uint32_t> starts_{0};
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
  return starts_;
}

}  // namespace nblint::reference
