#include "config/glob.h"

#include <cstddef>

namespace nblint {

namespace {

// One character class starting at pattern[p] == '['; `end` receives the position after ']'.
// Returns false for a malformed class (no ']'), which then matches a literal '['.
bool match_class(std::string_view pattern, std::size_t p, char c, bool& matched, std::size_t& end) {
  std::size_t i = p + 1;
  const bool negate = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negate) ++i;
  bool hit = false;
  bool first = true;
  for (; i < pattern.size() && (first || pattern[i] != ']'); ++i, first = false) {
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      hit = hit || (c >= pattern[i] && c <= pattern[i + 2]);
      i += 2;
    } else {
      hit = hit || c == pattern[i];
    }
  }
  if (i >= pattern.size()) return false;
  matched = hit != negate;
  end = i + 1;
  return true;
}

// Matches within segments, with `**/` handled by trying every segment boundary.
bool match_from(std::string_view pat, std::size_t p, std::string_view path, std::size_t s) {
  while (p < pat.size()) {
    // "**" as a whole segment: "**/" at the start or after '/', or a trailing "**".
    if (pat.compare(p, 2, "**") == 0 && (p == 0 || pat[p - 1] == '/') &&
        (p + 2 == pat.size() || pat[p + 2] == '/')) {
      if (p + 2 == pat.size()) return true;  // "dir/**" matches everything below
      const std::size_t rest = p + 3;
      for (std::size_t t = s;; ) {
        if (match_from(pat, rest, path, t)) return true;
        const std::size_t slash = path.find('/', t);
        if (slash == std::string_view::npos) return false;
        t = slash + 1;
      }
    }
    const char c = pat[p];
    if (c == '*') {
      // Collapse runs of '*' that are not a whole-segment "**".
      std::size_t q = p;
      while (q < pat.size() && pat[q] == '*') ++q;
      for (std::size_t t = s;; ++t) {
        if (match_from(pat, q, path, t)) return true;
        if (t >= path.size() || path[t] == '/') return false;
      }
    }
    if (s >= path.size()) return false;
    if (c == '?') {
      if (path[s] == '/') return false;
      ++p, ++s;
      continue;
    }
    if (c == '[') {
      bool matched = false;
      std::size_t end = 0;
      if (path[s] != '/' && match_class(pat, p, path[s], matched, end)) {
        if (!matched) return false;
        p = end, ++s;
        continue;
      }
    }
    if (c != path[s]) return false;
    ++p, ++s;
  }
  return s == path.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  while (pattern.starts_with("./")) pattern.remove_prefix(2);
  while (path.starts_with("./")) path.remove_prefix(2);
  if (pattern.find('/') == std::string_view::npos) {
    // A bare name pattern applies to the last segment, wherever it is.
    const std::size_t slash = path.rfind('/');
    return match_from(pattern, 0, slash == std::string_view::npos ? path : path.substr(slash + 1), 0);
  }
  return match_from(pattern, 0, path, 0);
}

}  // namespace nblint
