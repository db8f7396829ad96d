// A compiled ICU regular expression from a pack, matched against folded text.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class RegexPattern;
U_NAMESPACE_END

namespace nblint {

class Pattern {
 public:
  // Throws std::invalid_argument with ICU's reason when `source` does not compile.
  explicit Pattern(const std::string& source);
  ~Pattern();
  Pattern(Pattern&&) noexcept;
  Pattern& operator=(Pattern&&) noexcept;

  // A match ICU stops at its time limit (a pattern that backtracks catastrophically) counts as
  // no match, and the pattern is noted for take_pattern_timeouts().
  bool found_in(std::u32string_view text) const;
  // Every non-empty, non-overlapping match, left to right, as [begin, end) code-point offsets;
  // the matches found before a time-out are kept.
  std::vector<std::pair<std::size_t, std::size_t>> find_all(std::u32string_view text) const;
  const std::string& source() const { return source_; }

 private:
  std::string source_;
  std::unique_ptr<U_ICU_NAMESPACE::RegexPattern> compiled_;
};

// The sources of the patterns that hit the match time limit on this thread since the last call,
// each once, in the order they first did; the list is emptied. The engine reports them
// (meta/pack, pattern_timeout) so a user pack's runaway pattern is visible, not silently false.
std::vector<std::string> take_pattern_timeouts();

}  // namespace nblint
