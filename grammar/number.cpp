// Spirit X3 grammar for numbers (Arabic and Chinese-numeral counts) with their units; see
// number.h for the facade. The only translation unit that includes X3 for numbers.
//
// Input is FOLDED text (text/fold.h): full-width digits, '，' '．' '－' '％' are ASCII already.
// Folding turns the full-width comma into ',', so 44,234 written with '，' reads as one grouped
// number; that cannot be told apart after the fold.
//
// EBNF:
//   number      = [ sign ] , arabic , suffix
//               | cn_count , [ approx ] , counting_unit ;         (a Chinese numeral needs a unit)
//   sign        = "-" | "−" | "+" | "减" ;     (not after a digit or letter; 减 not after 增 or /)
//   arabic      = ( grouped | plain ) , [ "." , digit , { digit } ] , not ( "." , digit ) ;
//   grouped     = digit , [ digit , [ digit ] ] , ( "," , 3 * digit , not digit ) ,
//                 { "," , 3 * digit , not digit } , not ( "," , digit ) ;
//   plain       = digit , { digit } ;
//   suffix      = [ [ blank ] , [ approx ] , unit ] ;
//   approx      = "余" | "多" ;
//   unit        = counting_unit | other_unit ;                  (longest match)
//   counting_unit = "件" | "条" | "项" | "个" | "次" | "人次" | "人" | "家" | "份" | "篇" | "场" | "场次"
//               | "名" | "位" | "批" | "起" | "户" | "宗" | "例" | "笔" | "封" | "套" | "台" | "册" | "本" ;
//   other_unit  = "万元" | "亿元" | "千元" | "元" | "万" | "亿" | "%" | "‰" | "个月" | "个工作日"
//               | "万人次" | "万人" | "万件" | "万条" | "万次" | "万份" | "倍" | "种" | "类" | "部"
//               | "张" | "单" | "处" | "所" | "期" | "天" | "日" | "周" | "年" | "月" | "周年" | "小时"
//               | "分钟" | "岁" | "通" | "层" ;
//   cn_count    = thousands | hundreds | below_100 ;
//   thousands   = cn_digit , "千" , [ zero_tail | hundreds ] ;
//   hundreds    = cn_digit , "百" , [ zero_tail | tens ] ;
//   zero_tail   = ( "零" | "〇" ) , ( tens | cn_digit ) ;
//   below_100   = tens | "十" , [ cn_digit ] | cn_digit ;
//   tens        = cn_digit , "十" , [ cn_digit ] ;
//   cn_digit    = "一" | "二" | "两" | "三" | "四" | "五" | "六" | "七" | "八" | "九" ;
//   blank       = " " | "\t" ;
// Context (checked around the grammar, see number.h): no start inside a digit or Chinese-numeral
// run, after an ASCII letter, '_', '@' or 第, nor after "x." "x/" "x:" where x is a digit or
// letter; no date at the numeral (grammar/date.h); at most 15 integer digits and 18 digits in
// all; no leading zero; no letter, '_', '@', ".letter", ":digit" or "/digit" right after the
// digits; 4+ digits before 年/月/日 are a year or a malformed date; 一次性 一条龙 一件事 一起 and
// 上一/下一 are words, not counts.
#define BOOST_SPIRIT_X3_UNICODE
#include "grammar/number.h"

#include <algorithm>
#include <array>
#include <boost/spirit/home/x3.hpp>

#include "grammar/date.h"
#include "grammar/heading.h"
#include "util/code_point_filter.h"
#include "util/u32_search.h"

namespace nblint::grammar {

namespace x3 = boost::spirit::x3;
namespace u = boost::spirit::x3::unicode;

namespace {

using Iter = std::u32string_view::const_iterator;
using Range = boost::iterator_range<Iter>;
template <typename T>
using Symbols = x3::symbols_parser<boost::spirit::char_encoding::unicode, T>;

constexpr int kMaxIntegerDigits = 15;
constexpr int kMaxDigits = 18;  // the mantissa fits std::int64_t

// --- Arabic numerals -------------------------------------------------------------------------
const auto digit = u::char_(U'0', U'9');
const auto grouped = x3::raw[x3::repeat(1, 3)[digit] >> +(u::lit(U",") >> x3::repeat(3)[digit] >> !digit) >>
                             !(u::lit(U",") >> digit)];
const auto plain = x3::raw[+digit];
const auto fraction = u::lit(U".") >> x3::raw[+digit];

// --- Chinese numerals (counts) ---------------------------------------------------------------
struct CnDigits : Symbols<int> {
  CnDigits() {
    add(U"一", 1)(U"二", 2)(U"两", 2)(U"三", 3)(U"四", 4)(U"五", 5)(U"六", 6)(U"七", 7)(U"八", 8)(U"九", 9);
  }
};
const CnDigits cn_digit;

using x3::_attr;
using x3::_val;
const auto assign = [](auto& ctx) { _val(ctx) = _attr(ctx); };
const auto add_to = [](auto& ctx) { _val(ctx) += _attr(ctx); };
template <int K>
constexpr auto times = [](auto& ctx) { _val(ctx) = _attr(ctx) * K; };
const auto ten = [](auto& ctx) { _val(ctx) = 10; };

const auto tens = x3::rule<class tens_r, int>{"tens"} =
    cn_digit[times<10>] >> u::lit(U"十") >> -cn_digit[add_to];
const auto zero_tail = x3::rule<class zero_tail_r, int>{"zero_tail"} =
    x3::omit[u::char_(U"零〇")] >> (tens[assign] | cn_digit[assign]);
const auto hundreds = x3::rule<class hundreds_r, int>{"hundreds"} =
    cn_digit[times<100>] >> u::lit(U"百") >> -(zero_tail[add_to] | tens[add_to]);
const auto thousands = x3::rule<class thousands_r, int>{"thousands"} =
    cn_digit[times<1000>] >> u::lit(U"千") >> -(zero_tail[add_to] | hundreds[add_to]);
const auto below_100 = x3::rule<class below_100_r, int>{"below_100"} =
    tens[assign] | (u::lit(U"十")[ten] >> -cn_digit[add_to]) | cn_digit[assign];
const auto cn_count = x3::rule<class cn_count_r, int>{"cn_count"} =
    thousands[assign] | hundreds[assign] | below_100[assign];

// --- Units -----------------------------------------------------------------------------------
// The value says whether the unit counts things (and so may follow a Chinese numeral).
constexpr const char32_t* kCountingUnits[] = {U"件", U"条", U"项", U"个", U"次", U"人次", U"人", U"家", U"份",
                                              U"篇", U"场", U"场次", U"名", U"位", U"批", U"起", U"户", U"宗",
                                              U"例", U"笔", U"封", U"套", U"台", U"册", U"本"};
constexpr const char32_t* kOtherUnits[] = {U"万元", U"亿元", U"千元", U"元", U"万", U"亿", U"%", U"‰", U"个月",
                                           U"个工作日", U"万人次", U"万人", U"万件", U"万条", U"万次", U"万份",
                                           U"倍", U"种", U"类", U"部", U"张", U"单", U"处", U"所", U"期", U"天",
                                           U"日", U"周", U"年", U"月", U"周年", U"小时", U"分钟", U"岁", U"通", U"层"};
struct Units : Symbols<bool> {
  Units() {
    for (const char32_t* s : kCountingUnits) add(s, true);
    for (const char32_t* s : kOtherUnits) add(s, false);
  }
};
const Units units;
// Every unit's first character: after most numbers stands none, and the symbol table is not
// searched then.
constexpr CodePointFilter kUnitStarts = [] {
  CodePointFilter starts;
  for (const char32_t* s : kCountingUnits) starts.add(s[0]);
  for (const char32_t* s : kOtherUnits) starts.add(s[0]);
  return starts;
}();
bool is_approx(char32_t c) { return c == U'余' || c == U'多'; }  // 3000余条, 十多件

// --- Context ---------------------------------------------------------------------------------
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_ascii_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
// Characters that make digits part of an identifier, a file name or an address.
bool is_word_char(char32_t c) { return is_ascii_letter(c) || c == U'_' || c == U'@'; }
bool is_cn_numeral_char(char32_t c) {
  switch (c) {  // a switch, not a find in a list: asked before every number of the prose
    case U'〇': case U'零': case U'一': case U'二': case U'两': case U'三': case U'四': case U'五': case U'六':
    case U'七': case U'八': case U'九': case U'十': case U'百': case U'千': case U'万': case U'亿': return true;
    default: return false;
  }
}
bool is_blank(char32_t c) { return c == U' ' || c == U'\t'; }
// The characters a number can start with besides digits: a sign, or a cn_count's first character.
bool is_sign(char32_t c) { return c == U'-' || c == U'\u2212' || c == U'+' || c == U'减'; }
bool is_cn_count_start(char32_t c) {
  switch (c) {  // a switch, not a find: this runs at every position of the prose
    case U'一': case U'二': case U'两': case U'三': case U'四': case U'五':
    case U'六': case U'七': case U'八': case U'九': case U'十': return true;
    default: return false;
  }
}

// May a numeral start at `pos` (after any sign)? Looks only behind.
bool numeral_may_start(std::u32string_view text, std::size_t pos, bool after_sign) {
  if (pos == 0 || after_sign) return true;
  const char32_t prev = text[pos - 1];
  if (is_digit(prev) || is_word_char(prev) || prev == U'第') return false;
  if (is_cn_numeral_char(prev) && !is_digit(text[pos])) return false;
  if (!is_digit(text[pos])) {
    // 上一篇 / 下一条: "previous" and "next", not counts.
    if ((prev == U'上' || prev == U'下') && text[pos] == U'一') return false;
    return true;
  }
  // 1.5 (inside a decimal), a.3, path/2020, 15:22 (times and ratios), 3/5 (fractions).
  if ((prev == U'.' || prev == U'/' || prev == U':') && pos >= 2 &&
      (is_digit(text[pos - 2]) || is_word_char(text[pos - 2])))
    return false;
  return true;
}

// Words that look like a Chinese-numeral count and are not: 一次性, 一条龙, 一件事, 一起.
bool is_numeral_word(std::u32string_view rest) {
  for (std::u32string_view w : {U"一次性", U"一条龙", U"一件事", U"一起"})
    if (rest.starts_with(w)) return true;
  return false;
}

std::size_t index_of(std::u32string_view text, Iter it) { return static_cast<std::size_t>(it - text.begin()); }

// [blank] [approx] unit, starting at `it`. On success moves `it` past the unit.
bool parse_suffix(std::u32string_view text, Iter& it, bool counting_only, NumberMatch& m) {
  for (int with_blank = 0; with_blank < 2; ++with_blank) {
    Iter at = it;
    if (with_blank) {
      if (at == text.end() || !is_blank(*at)) return false;
      ++at;
    }
    const bool approximate = at != text.end() && is_approx(*at);
    if (approximate) ++at;
    const Iter unit_begin = at;
    bool counting = false;
    if (at != text.end() && kUnitStarts.may_hold(*at) && x3::parse(at, text.end(), units, counting) &&
        (counting || !counting_only)) {
      m.approximate = approximate;
      m.unit = text.substr(index_of(text, unit_begin), static_cast<std::size_t>(at - unit_begin));
      it = at;
      return true;
    }
  }
  return false;
}

// 做法1.加强…, 。2、把握…: a list number inside a paragraph, not a quantity. A unitless
// integer of at most two digits followed by '.' and a character that is no digit or blank, or
// by '、' right after the end of a sentence or clause (。;:!?).
bool is_inline_enumerator(std::u32string_view text, const NumberMatch& m) {
  if (!m.unit.empty() || m.scale != 0 || m.negative || m.chinese_numeral || m.integer_digits > 2 ||
      m.begin != m.numeral_begin || m.numeral_end + 1 >= text.size())
    return false;
  const char32_t next = text[m.numeral_end];
  const char32_t after = text[m.numeral_end + 1];
  if (next == U'.') return !is_digit(after) && !is_blank(after) && after != U'\n';
  if (next == U'、') {
    if (m.begin == 0) return true;
    return std::u32string_view(U"。;:!?").find(text[m.begin - 1]) != std::u32string_view::npos;
  }
  return false;
}

// parse_number_at; `date_ruled_out`: the caller has found no date at `pos` already.
std::optional<NumberMatch> parse_number(std::u32string_view text, std::size_t pos, bool date_ruled_out) {
  if (pos >= text.size()) return std::nullopt;
  NumberMatch m;
  m.begin = pos;
  std::size_t at = pos;

  // Sign.
  const char32_t c = text[pos];
  // Most positions of prose start nothing: skip them before any grammar is tried.
  if (!is_digit(c) && !is_cn_count_start(c) && !is_sign(c)) return std::nullopt;
  const char32_t prev = pos > 0 ? text[pos - 1] : U'\0';
  if (is_sign(c)) {
    if (pos + 1 >= text.size() || !is_digit(text[pos + 1])) return std::nullopt;
    if (is_digit(prev) || is_word_char(prev) || prev == U'.' || prev == U'第') return std::nullopt;
    if (c == U'减' && (prev == U'增' || prev == U'/')) return std::nullopt;
    m.negative = c != U'+';
    at = pos + 1;
  }
  if (!numeral_may_start(text, at, at != pos)) return std::nullopt;
  m.numeral_begin = at;
  Iter it = text.begin() + static_cast<std::ptrdiff_t>(at);

  if (is_digit(text[at])) {
    if (!(date_ruled_out && at == pos) && parse_date_at(text, at)) return std::nullopt;
    Range integer;
    if (x3::parse(it, text.end(), grouped, integer)) {
      m.thousands_separators = true;
    } else if (!x3::parse(it, text.end(), plain, integer)) {
      return std::nullopt;
    }
    Range frac;
    const bool has_fraction = x3::parse(it, text.end(), fraction, frac);
    // 1.2.3, 192.168.1.1, 2020.1 .5: dotted sequences are not numbers.
    if (it != text.end() && *it == U'.' && it + 1 != text.end() && is_digit(*(it + 1))) return std::nullopt;
    if (it != text.end()) {
      const char32_t next = *it;
      const char32_t after = it + 1 != text.end() ? *(it + 1) : U'\0';
      if (is_word_char(next)) return std::nullopt;  // 10MB, 3G, 80576_x
      // 80576.htm, 15:22, 3/5, 202001/t20: file names, times, ratios, fractions, paths.
      if (next == U'.' && is_ascii_letter(after)) return std::nullopt;
      if ((next == U':' || next == U'/') && (is_digit(after) || is_word_char(after))) return std::nullopt;
    }
    std::int64_t mantissa = 0;
    int digits = 0;
    for (char32_t d : integer) {
      if (d == U',') continue;
      if (++digits > kMaxIntegerDigits) return std::nullopt;
      mantissa = mantissa * 10 + (d - U'0');
    }
    if (digits > 1 && integer.front() == U'0') return std::nullopt;  // 007, 000023: codes
    m.integer_digits = digits;
    if (has_fraction) {
      if (digits + static_cast<int>(frac.size()) > kMaxDigits) return std::nullopt;
      for (char32_t d : frac) mantissa = mantissa * 10 + (d - U'0');
      m.scale = static_cast<int>(frac.size());
    }
    m.mantissa = mantissa;
    m.numeral_end = index_of(text, it);
    parse_suffix(text, it, false, m);
    // 2020 年 is a year; 202020年, 201911日 are malformed dates (left to the date rules).
    if ((m.unit == U"年" || m.unit == U"月" || m.unit == U"日") && m.integer_digits >= 4) return std::nullopt;
  } else {
    if (at != pos) return std::nullopt;  // a sign only before Arabic digits
    int value = 0;
    if (!x3::parse(it, text.end(), cn_count, value)) return std::nullopt;
    m.numeral_end = index_of(text, it);
    if (!parse_suffix(text, it, true, m)) return std::nullopt;  // 一是, 十三五, 一月
    if (is_numeral_word(text.substr(at))) return std::nullopt;
    m.chinese_numeral = true;
    m.mantissa = value;
    m.integer_digits = value >= 1000 ? 4 : value >= 100 ? 3 : value >= 10 ? 2 : 1;
  }
  m.end = index_of(text, it);
  return m;
}

}  // namespace

std::optional<NumberMatch> parse_number_at(std::u32string_view text, std::size_t pos) {
  return parse_number(text, pos, false);
}

namespace {

// The characters find_numbers has to look at: those a number starts with (a digit, a sign, a
// Chinese numeral), '(' (an enumerator), and '\n' (the line start after it may hold one).
constexpr CodePointFilter kNumberScanStops(U"0123456789-\u2212+减一二两三四五六七八九十(\n");

}  // namespace

std::vector<NumberMatch> find_numbers(std::u32string_view text) {
  std::vector<NumberMatch> out;
  const auto line_from = [&](std::size_t i) {
    const std::size_t nl = find_code_point(text, U'\n', i);  // a paragraph is often one long line
    return text.substr(i, (nl == std::u32string_view::npos ? text.size() : nl) - i);
  };
  const auto is_arabic_marker = [](const std::optional<HeadingMarker>& h) {
    return h && (h->style == NumberingStyle::ArabicDot || h->style == NumberingStyle::ArabicComma ||
                 h->style == NumberingStyle::ParenArabic);
  };
  for (std::size_t i = 0; i < text.size();) {
    // Most positions start nothing and the body below would only step over them: they are
    // skipped in one tight loop. A line start is never skipped: the loop stops at its '\n'.
    if (i > 0 && text[i - 1] != U'\n') {
      while (i < text.size() && !kNumberScanStops.may_hold(text[i])) ++i;
      if (i == text.size()) break;
    }
    // Enumerators: "1." / "1、" / "(1)" opening a line, "(1)" anywhere.
    if (i == 0 || text[i - 1] == U'\n' || text[i] == U'(') {
      const auto h = parse_heading_marker(line_from(i));
      if (is_arabic_marker(h) && (text[i] != U'(' || h->marker_begin == 0)) {
        i += h->numeral_end;
        continue;
      }
    }
    if (!is_digit(text[i]) && !is_cn_count_start(text[i]) && !is_sign(text[i])) {  // parse_number_at's own test
      ++i;
      continue;
    }
    if (is_digit(text[i]) && (i == 0 || !is_digit(text[i - 1]))) {
      if (const auto d = parse_date_at(text, i)) {
        i = d->end;
        continue;
      }
    }
    // At a digit no date starts here (just ruled out above, or inside a digit run, where
    // parse_number rejects the position before any date test).
    if (const auto m = parse_number(text, i, is_digit(text[i]))) {
      if (is_inline_enumerator(text, *m)) {
        i = m->numeral_end;
        continue;
      }
      out.push_back(*m);
      i = m->end;
      continue;
    }
    ++i;
  }
  return out;
}

CellValue parse_cell_value(std::u32string_view cell, int max_integer_digits) {
  const auto blank = [](char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\u00A0' || c == U'\u3000';
  };
  std::size_t b = 0, e = cell.size();
  while (b < e && blank(cell[b])) ++b;
  while (e > b && blank(cell[e - 1])) --e;
  const std::u32string_view content = cell.substr(b, e - b);
  CellValue out;
  if (content.empty() || content == U"/" || content == U"\\" || content == U"无") {
    out.kind = CellValueKind::Blank;
    return out;
  }
  const auto dash = [](char32_t c) {
    return c == U'-' || c == U'\u2010' || c == U'\u2011' || c == U'\u2012' || c == U'\u2013' || c == U'\u2014' ||
           c == U'\u2015' || c == U'\u2212' || c == U'\u2500' || c == U'\u2501';
  };
  // Stops at the first other character: table detection asks this of whole paragraphs.
  if (std::all_of(content.begin(), content.end(), dash)) {
    out.kind = CellValueKind::Blank;
    return out;
  }
  const auto m = parse_number_at(cell, b);
  if (!m || m->end != e || m->integer_digits > max_integer_digits) {
    out.kind = CellValueKind::NotANumber;
    return out;
  }
  out.kind = CellValueKind::Number;
  out.number = *m;
  return out;
}

}  // namespace nblint::grammar
