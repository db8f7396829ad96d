// A compiled ICU regular expression from a pack, matched against folded text.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unicode/uversion.h>

#include "rules/required_char_index.h"
#include "rules/required_chars.h"

U_NAMESPACE_BEGIN
class RegexPattern;
class RegexMatcher;
class UnicodeString;
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
  // Characters every match contains (rules/required_chars: the first required set), when the
  // source says so.
  std::optional<std::u32string> required_chars() const {
    if (required_sets_.empty()) return std::nullopt;
    return required_sets_.front();
  }

 private:
  friend class PatternScanner;
  std::string source_;
  std::uint64_t serial_ = 0;  // unique to the pattern as compiled, kept when moved (PatternScanner::lease)
  std::unique_ptr<U_ICU_NAMESPACE::RegexPattern> compiled_;
  std::vector<std::u32string> required_sets_;  // rules/required_chars: required_char_sets
  EdgeChars edges_;                            // rules/required_chars: anchored_edge_chars
};

// Runs several patterns over many texts, reusing one UTF-16 copy of the current text and one
// ICU matcher per pattern: creating a matcher and converting the text for every pattern and
// line cost more than the search itself. A text is converted only when some pattern may match
// it, and searched only with those (their required characters, rules/required_char_index).
// Owns mutable state: one scanner per thread and call.
class PatternScanner {
 public:
  // The patterns must outlive the scanner.
  explicit PatternScanner(const std::vector<const Pattern*>& patterns);
  ~PatternScanner();
  PatternScanner(const PatternScanner&) = delete;
  PatternScanner& operator=(const PatternScanner&) = delete;

  // A scanner of `patterns` (on an empty text) for as long as the lease lives, then kept for the
  // next lease of the same patterns on this thread: the rules ask for the same few lists of a
  // pack's patterns for every report, and making a scanner (its matchers and its index of
  // required characters) cost more than many of the searches.
  class Lease {
   public:
    explicit Lease(std::unique_ptr<PatternScanner> scanner) : scanner_(std::move(scanner)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    PatternScanner& operator*() const { return *scanner_; }
    PatternScanner* operator->() const { return scanner_.get(); }

   private:
    std::unique_ptr<PatternScanner> scanner_;
  };
  static Lease lease(const std::vector<const Pattern*>& patterns);

  // Makes (a copy of) `text` the text that the next found and find_all calls search. Returns
  // whether any pattern may match it: when not, found and find_all answer no for every one.
  bool set_text(std::u32string_view text);
  // Pattern::found_in and Pattern::find_all of the pattern at `index` (in the constructor's list)
  // on the current text.
  bool found(std::size_t index);
  std::vector<std::pair<std::size_t, std::size_t>> find_all(std::size_t index);

 private:
  static std::vector<const std::vector<std::u32string>*> required_of(const std::vector<const Pattern*>& patterns);
  bool serves(const std::vector<const Pattern*>& patterns) const;  // made for the same patterns
  void start_over(const std::vector<const Pattern*>& patterns);    // as made now for them

  std::vector<std::uint64_t> serials_;  // of the patterns it was made for
  bool has_edges_ = false;                // some pattern is anchored (Pattern::edges_)
  std::vector<unsigned char> edge_ok_;    // per pattern, during set_text: the text's edges allow it

  std::vector<const Pattern*> patterns_;
  RequiredCharIndex required_;
  std::vector<unsigned char> possible_;  // per pattern: it may match the current text
  std::unique_ptr<U_ICU_NAMESPACE::UnicodeString> text_;  // converted only when one may match
  bool all_bmp_ = true;  // the current text has no supplementary character: units are points
  std::vector<std::unique_ptr<U_ICU_NAMESPACE::RegexMatcher>> matchers_;  // null where ICU failed
};

// "Does any of these patterns occur in this text?" asked of many texts (headings, paragraphs),
// with one scanner for all of them instead of a matcher made per pattern and text.
class AnyPatternScanner {
 public:
  // The patterns must outlive the scanner.
  explicit AnyPatternScanner(const std::vector<Pattern>& patterns);
  // Pattern::found_in of each pattern in turn, until one is found.
  bool found_in(std::u32string_view text);

 private:
  static std::vector<const Pattern*> addresses(const std::vector<Pattern>& patterns);
  std::size_t count_;
  PatternScanner::Lease scanner_;
};

// The sources of the patterns that hit the match time limit on this thread since the last call,
// each once, in the order they first did; the list is emptied. The engine reports them
// (meta/pack, pattern_timeout) so a user pack's runaway pattern is visible, not silently false.
std::vector<std::string> take_pattern_timeouts();

}  // namespace nblint
