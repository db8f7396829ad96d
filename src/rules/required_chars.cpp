#include "rules/required_chars.h"

#include <algorithm>
#include <cstdint>

#include "util/utf8.h"

namespace nblint {

namespace {

// Punctuation a backslash makes literal; other escapes (\s, \d, \p{…}, \x…, \Q…) are not read.
constexpr std::u32string_view kEscapable = U"\\^$.|?*+()[]{}/-*&~\"'#%,:;<=>@_`!";

struct Unknown {};  // thrown inside the reader: the pattern uses something it does not read

// Sets of characters that every match holds one of each: empty when none is known.
using Clauses = std::vector<std::u32string>;

// A recursive-descent reader over the pattern's code points. Each consuming atom gives the set
// of characters it matches (when it is a literal or a list of literals) or nothing (unknown);
// a group gives the sets of its contents.
class Reader {
 public:
  explicit Reader(std::u32string pattern) : p_(std::move(pattern)) {}

  // alternation := sequence ('|' sequence)* ; one branch's sets, or the union of the branches'
  // first sets (every branch must have one).
  Clauses alternation() {
    Clauses all = sequence();
    bool several = false, known = !all.empty();
    while (peek() == U'|') {
      ++i_;
      const Clauses branch = sequence();
      if (!several && known) all.resize(1);
      several = true;
      if (branch.empty()) known = false;
      else if (known) all[0] += branch[0];
    }
    if (!known) all.clear();
    return all;
  }

  bool at_end() const { return i_ >= p_.size(); }

  // The whole pattern as one top-level sequence (anchored_edge_chars).
  EdgeChars edges() {
    struct Token {
      std::size_t start;
      bool consumes;
      Clauses sets;
      std::uint32_t least;
    };
    std::vector<Token> tokens;
    while (!at_end()) {
      if (peek() == U'|' || peek() == U')') throw Unknown{};  // alternatives: no one edge
      Token t{i_, true, {}, 0};
      t.sets = atom(t.consumes);
      t.least = quantifier();
      tokens.push_back(std::move(t));
    }
    const auto anchor = [&](const Token& t, std::u32string_view plain, char32_t escaped1, char32_t escaped2) {
      if (t.consumes || t.least == 0) return false;
      const char32_t c = p_[t.start];
      if (plain.find(c) != std::u32string_view::npos) return true;
      return c == U'\\' && (p_[t.start + 1] == escaped1 || p_[t.start + 1] == escaped2);
    };
    // A literal or a list of literals (not a group), there at least once.
    const auto literal = [&](const Token& t) { return t.consumes && t.least > 0 && t.sets.size() == 1 && p_[t.start] != U'('; };
    EdgeChars edges;
    if (tokens.size() >= 2 && anchor(tokens[0], U"^", U'A', U'A') && literal(tokens[1])) edges.first = tokens[1].sets[0];
    const std::size_t n = tokens.size();
    if (n >= 2 && anchor(tokens[n - 1], U"$", U'Z', U'z') && literal(tokens[n - 2])) edges.last = tokens[n - 2].sets[0];
    return edges;
  }

 private:
  // sequence := (atom quantifier?)* ; the sets of its required atoms whose sets are known.
  Clauses sequence() {
    Clauses chosen;
    while (!at_end() && peek() != U'|' && peek() != U')') {
      bool consumes = true;
      Clauses sets = atom(consumes);
      const std::uint32_t least = quantifier();
      if (consumes && least > 0) chosen.insert(chosen.end(), sets.begin(), sets.end());
    }
    return chosen;
  }

  // One atom; `consumes` false for zero-width ones (anchors, look-arounds).
  Clauses atom(bool& consumes) {
    const char32_t c = p_[i_++];
    switch (c) {
      case U'^':
      case U'$':
        consumes = false;
        return {};
      case U'.':
        return {};
      case U'[':
        return char_class();
      case U'(':
        return group(consumes);
      case U'\\':
        return escape(consumes);
      case U'?':
      case U'*':
      case U'+':
      case U'{':
      case U'}':
      case U']':
        throw Unknown{};  // a quantifier without an atom, or a stray bracket: not read
      default:
        return {std::u32string(1, c)};
    }
  }

  Clauses escape(bool& consumes) {
    if (at_end()) throw Unknown{};
    const char32_t c = p_[i_++];
    if (kEscapable.find(c) != std::u32string_view::npos) return {std::u32string(1, c)};
    if (c == U'b' || c == U'B' || c == U'A' || c == U'z' || c == U'Z' || c == U'G') {
      consumes = false;  // boundaries and anchors
      return {};
    }
    if (c == U'Q' || c == U'E' || c == U'k' || (c >= U'0' && c <= U'9')) throw Unknown{};  // quoting, back-references
    skip_escape_argument(c);
    return {};  // some character (\s, \d, \p{Han}, \u4E00, \t …), not a known one
  }

  // What follows the letter of \xhh, \x{h…}, \uhhhh, \Uhhhhhhhh, \cX, \p{…}, \pL, \N{…}.
  void skip_escape_argument(char32_t letter) {
    std::size_t fixed = 0;
    switch (letter) {
      case U'x': fixed = 2; break;
      case U'u': fixed = 4; break;
      case U'U': fixed = 8; break;
      case U'c': fixed = 1; break;
      case U'p': case U'P': case U'N': fixed = 1; break;
      default: return;
    }
    if (peek() == U'{' && letter != U'c') {
      skip_past(U'}');
      return;
    }
    if (letter == U'N') throw Unknown{};
    for (std::size_t k = 0; k < fixed; ++k) {
      if (at_end()) throw Unknown{};
      // ICU reads \x with one or two hex digits (u_unescapeAt): \xC| is U+000C, then '|'.
      if (letter == U'x' && k == 1 && !is_hex_digit(peek())) return;
      ++i_;
    }
  }

  static bool is_hex_digit(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'f') || (c >= U'A' && c <= U'F');
  }

  // [...]: a set only when it lists literal characters (escaped punctuation allowed).
  Clauses char_class() {
    std::u32string set;
    bool known = true;
    if (peek() == U'^') known = false, ++i_;
    if (peek() == U']') set += p_[i_++];  // a ']' first is literal
    while (true) {
      if (at_end()) throw Unknown{};
      const char32_t c = p_[i_++];
      if (c == U']') break;
      if (c == U'[') throw Unknown{};  // nested sets, set operations: not read
      if (c == U'\\') {
        if (at_end()) throw Unknown{};
        const char32_t e = p_[i_++];
        if (kEscapable.find(e) != std::u32string_view::npos) {
          set += e;
        } else {
          if (e == U'Q' || e == U'E' || (e >= U'0' && e <= U'9')) throw Unknown{};
          known = false;
          skip_escape_argument(e);
        }
        continue;
      }
      if ((c == U'-' && !set.empty() && peek() != U']') || (c == U'&' && peek() == U'&')) known = false;  // ranges, &&
      set += c;
    }
    if (!known || set.empty()) return {};
    return {set};
  }

  // (…), (?:…), (?>…), (?<name>…) consume; (?=…), (?!…), (?<=…), (?<!…) do not; comments and
  // inline flags ((?i), (?x:…)) are not read.
  Clauses group(bool& consumes) {
    // The reader recurses per group; a user pack's pattern nested deeper is simply not read.
    if (++depth_ > kMaxDepth) throw Unknown{};
    if (peek() == U'?') {
      ++i_;
      const char32_t kind = at_end() ? U'\0' : p_[i_++];
      // A comment is invisible to ICU: a quantifier after it applies to the atom before it
      // (a(?#c)? is a?), which this reader would get wrong; so comments are not read.
      if (kind == U'#') throw Unknown{};
      if (kind == U'=' || kind == U'!') {
        consumes = false;
      } else if (kind == U'<' && (peek() == U'=' || peek() == U'!')) {
        ++i_;
        consumes = false;
      } else if (kind == U'<') {
        skip_past(U'>');  // a named group
      } else if (kind != U':' && kind != U'>') {
        throw Unknown{};
      }
    }
    Clauses inside = alternation();
    if (peek() != U')') throw Unknown{};
    ++i_;
    --depth_;
    return consumes ? inside : Clauses{};
  }

  // The least repetition the quantifier after an atom allows (1 without one).
  std::uint32_t quantifier() {
    std::uint32_t least = 1;
    if (at_end()) return least;
    const char32_t c = peek();
    if (c == U'?' || c == U'*') {
      least = 0, ++i_;
    } else if (c == U'+') {
      ++i_;
    } else if (c == U'{') {
      ++i_;
      std::uint32_t n = 0;
      bool digits = false;
      while (!at_end() && peek() >= U'0' && peek() <= U'9') n = std::min<std::uint32_t>(n * 10 + (p_[i_++] - U'0'), 1000000), digits = true;
      if (!digits) throw Unknown{};
      skip_past(U'}');
      least = n;
    } else {
      return least;
    }
    if (!at_end() && (peek() == U'?' || peek() == U'+')) ++i_;  // lazy or possessive
    return least;
  }

  void skip_past(char32_t close) {
    while (!at_end() && p_[i_] != close) ++i_;
    if (at_end()) throw Unknown{};
    ++i_;
  }
  char32_t peek() const { return at_end() ? U'\0' : p_[i_]; }

  static constexpr int kMaxDepth = 64;
  std::u32string p_;
  std::size_t i_ = 0;
  int depth_ = 0;
};

// The pattern's code points; nullopt when it is not well-formed UTF-8.
std::optional<std::u32string> code_points(std::string_view source) {
  std::u32string points;
  for (std::size_t i = 0; i < source.size();) {
    const utf8::Decoded d = utf8::decode(source, i);
    if (!d.valid) return std::nullopt;
    points += d.cp;
    i += d.length;
  }
  return points;
}

}  // namespace

std::vector<std::u32string> required_char_sets(std::string_view source) {
  std::optional<std::u32string> points = code_points(source);
  if (!points) return {};
  try {
    Reader reader(std::move(*points));
    Clauses sets = reader.alternation();
    if (!reader.at_end()) return {};  // an unmatched ')'
    return sets;
  } catch (const Unknown&) {
    return {};
  }
}

EdgeChars anchored_edge_chars(std::string_view source) {
  std::optional<std::u32string> points = code_points(source);
  if (!points) return {};
  try {
    return Reader(std::move(*points)).edges();
  } catch (const Unknown&) {
    return {};
  }
}

std::optional<std::u32string> required_chars(std::string_view source) {
  std::vector<std::u32string> sets = required_char_sets(source);
  if (sets.empty()) return std::nullopt;
  return std::move(sets.front());
}

}  // namespace nblint
