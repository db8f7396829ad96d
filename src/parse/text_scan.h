// Small scanning helpers over folded text, shared by the parser's passes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "parse/blank_count.h"
#include "text/normalizer.h"
#include "util/u32_search.h"

namespace nblint {

// Bitwise, not short-circuit: no branches, so loops over whole paragraphs vectorise.
inline bool is_blank(char32_t c) { return (c == U' ') | (c == U'\t') | (c == U'\u00A0') | (c == U'\u3000'); }

// A cell separator ('|' or a tab) stands in `s`: a flattened table row, not prose.
inline bool holds_cell_separator(std::u32string_view s) { return find_any_of(s, U"|\t") != std::u32string_view::npos; }

inline void trim(std::u32string_view s, std::size_t& begin, std::size_t& end) {
  while (begin < end && is_blank(s[begin])) ++begin;
  while (end > begin && is_blank(s[end - 1])) --end;
}

inline std::uint32_t count_non_blank(std::u32string_view s) { return static_cast<std::uint32_t>(s.size() - count_blanks(s)); }

// The lines of a folded text are '\n'-separated (the break excluded), read from the text's list
// of line breaks: no search. There is no empty line after a final break; an empty text is one
// empty line.
inline std::size_t line_count(const NormalizedText& folded) {
  const std::vector<std::uint32_t>& breaks = folded.line_breaks;
  const bool final_break = !breaks.empty() && std::size_t{breaks.back()} + 1 == folded.text.size();
  return breaks.size() + (final_break ? 0 : 1);
}

// Line k's range [begin, end) in folded.text (k < line_count(folded)).
inline std::pair<std::size_t, std::size_t> line_range(const NormalizedText& folded, std::size_t k) {
  const std::vector<std::uint32_t>& breaks = folded.line_breaks;
  return {k == 0 ? 0 : std::size_t{breaks[k - 1]} + 1, k < breaks.size() ? std::size_t{breaks[k]} : folded.text.size()};
}

// Calls f(begin, end) for each line of a folded text.
template <typename F>
void for_each_line(const NormalizedText& folded, F&& f) {
  for (std::size_t k = 0, n = line_count(folded); k < n; ++k) {
    const auto [begin, end] = line_range(folded, k);
    f(begin, end);
  }
}

// A counting unit standing alone in a cell: the unit column of the pre-2019 statistics table.
inline bool is_unit_word(std::u32string_view s) {
  static constexpr std::u32string_view kUnits[] = {U"条", U"件", U"个", U"次", U"人", U"人次", U"项",
                                                   U"万元", U"元", U"篇", U"期", U"场"};
  for (std::u32string_view u : kUnits)
    if (s == u) return true;
  return false;
}

// One line of a table cell broken by a line break ("本年制发 / 件数", "一、本年新收政府信息 /
// 公开申请数量"): short, and no sentence. The longest template label, （二）部分公开（…）, breaks
// into pieces of about 20 characters. `trimmed`: the line without its blanks.
inline bool is_broken_cell_piece(std::u32string_view trimmed) {
  constexpr std::size_t kMaxPiece = 24;
  return !trimmed.empty() && trimmed.size() <= kMaxPiece && find_any_of(trimmed, U"。;!?") == std::u32string_view::npos;
}

// Sentence and clause ends in prose. Folded text: ，；：！？ are ASCII already; the full-width
// forms are listed for unfolded input.
inline constexpr char32_t kSentenceMarks[] = U"。;!?；！？\n";
inline constexpr char32_t kClauseMarks[] = U"。;!?；！？\n,:，：";  // ',' and ':' between digits excepted

inline bool ends_sentence(char32_t c) {
  if (c > U'。' && c < U'！') return false;  // most of CJK text: no mark from U+3003 to U+FF00
  switch (c) {
    case U'。': case U';': case U'!': case U'?': case U'；': case U'！': case U'？': case U'\n': return true;
    default: return false;
  }
}

inline bool ends_clause(std::u32string_view text, std::size_t i) {
  const char32_t c = text[i];
  if (c > U'。' && c < U'！') return false;  // as in ends_sentence
  const auto digit = [](char32_t d) { return d >= U'0' && d <= U'9'; };
  if ((c == U',' || c == U':') && i > 0 && i + 1 < text.size() && digit(text[i - 1]) && digit(text[i + 1]))
    return false;  // 1,234 and 15:22
  return ends_sentence(c) || c == U',' || c == U':' || c == U'，' || c == U'：';
}

// Where the clause from `from` ends: its first character that ends_clause, or the text's end.
// The marks are found in one pass and each then tested in place, not every character.
inline std::size_t clause_end(std::u32string_view text, std::size_t from) {
  for (std::size_t e = from;; ++e) {
    e = find_any_of_in_one_pass(text, kClauseMarks, e);
    if (e == std::u32string_view::npos) return text.size();
    if (ends_clause(text, e)) return e;
  }
}

// Where the sentence from `from` ends: its first character that ends_sentence, or the text's end.
inline std::size_t sentence_end(std::u32string_view text, std::size_t from) {
  const std::size_t e = find_any_of_in_one_pass(text, kSentenceMarks, from);
  return e == std::u32string_view::npos ? text.size() : e;
}

inline bool contains(std::u32string_view s, std::u32string_view needle) {
  return s.find(needle) != std::u32string_view::npos;
}

}  // namespace nblint
