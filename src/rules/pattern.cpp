#include "rules/pattern.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <utility>

#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>


namespace nblint {

namespace {
// A user pack's pattern must not hang a run: ICU stops one find() after this many time-limit
// steps (ICU calibrates a step to about a millisecond); see docs/reliability.md.
constexpr int32_t kMatchTimeLimit = 10;

thread_local std::vector<std::string> timed_out_patterns;

std::atomic<std::uint64_t> next_serial{1};

// ICU's line terminators, which $ may stand before at the end of a text.
bool is_line_terminator(char32_t c) {
  return (c >= U'\n' && c <= U'\r') || c == U'\u0085' || c == U'\u2028' || c == U'\u2029';
}

// Whether `text` may be matched by a pattern of these edges: it begins with one of `first`, and
// ends with one of `last`, or with one followed by a final line break (\r\n or a terminator).
bool edges_allow(const EdgeChars& edges, std::u32string_view text) {
  const auto one_of = [](const std::u32string& set, char32_t c) { return set.find(c) != std::u32string::npos; };
  if (!edges.first.empty() && (text.empty() || !one_of(edges.first, text.front()))) return false;
  if (edges.last.empty()) return true;
  if (text.empty()) return false;
  if (one_of(edges.last, text.back())) return true;
  if (!is_line_terminator(text.back())) return false;
  const std::size_t end = text.size() - 1;  // the break's last character
  if (end >= 2 && text[end] == U'\n' && text[end - 1] == U'\r' && one_of(edges.last, text[end - 2])) return true;
  return end >= 1 && one_of(edges.last, text[end - 1]);
}

// The scanners no lease holds, on this thread. Bounded, so that a long-lived process that loads
// packs again and again (the language server) does not keep the scanners of each.
constexpr std::size_t kMaxIdleScanners = 256;
thread_local std::vector<std::unique_ptr<PatternScanner>> idle_scanners;

// Notes `source` when `status` says the match was stopped at the time limit.
void note_timeout(UErrorCode status, const std::string& source) {
  if (status != U_REGEX_TIME_OUT) return;
  auto& seen = timed_out_patterns;
  if (std::find(seen.begin(), seen.end(), source) == seen.end()) seen.push_back(source);
}

// A matcher (on an empty text) with the time limit set; null when ICU fails.
std::unique_ptr<icu::RegexMatcher> time_limited_matcher(const icu::RegexPattern& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern.matcher(status));
  if (U_SUCCESS(status)) m->setTimeLimit(kMatchTimeLimit, status);
  return U_SUCCESS(status) ? std::move(m) : nullptr;
}
}  // namespace

Pattern::Pattern(const std::string& source)
    : source_(source),
      serial_(next_serial.fetch_add(1, std::memory_order_relaxed)),
      required_sets_(required_char_sets(source)),
      edges_(anchored_edge_chars(source)) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  compiled_.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source), where, status));
  if (U_FAILURE(status)) {
    throw std::invalid_argument(std::string(u_errorName(status)) + " at pattern offset " +
                                std::to_string(where.offset));
  }
}

Pattern::~Pattern() = default;
Pattern::Pattern(Pattern&&) noexcept = default;
Pattern& Pattern::operator=(Pattern&&) noexcept = default;

bool Pattern::found_in(std::u32string_view text) const {
  const PatternScanner::Lease scanner = PatternScanner::lease({this});
  scanner->set_text(text);
  return scanner->found(0);
}

std::vector<std::pair<std::size_t, std::size_t>> Pattern::find_all(std::u32string_view text) const {
  const PatternScanner::Lease scanner = PatternScanner::lease({this});
  scanner->set_text(text);
  return scanner->find_all(0);
}

std::vector<const std::vector<std::u32string>*> PatternScanner::required_of(
    const std::vector<const Pattern*>& patterns) {
  std::vector<const std::vector<std::u32string>*> out;
  out.reserve(patterns.size());
  for (const Pattern* p : patterns) out.push_back(&p->required_sets_);
  return out;
}

PatternScanner::PatternScanner(const std::vector<const Pattern*>& patterns)
    : patterns_(patterns), required_(required_of(patterns)), text_(std::make_unique<icu::UnicodeString>()) {
  for (const Pattern* p : patterns) {
    serials_.push_back(p->serial_);
    matchers_.push_back(time_limited_matcher(*p->compiled_));
    has_edges_ = has_edges_ || !p->edges_.first.empty() || !p->edges_.last.empty();
  }
  edge_ok_.assign(patterns.size(), 1);
  required_.scan({}, possible_);  // before the first set_text, the text is empty
}

PatternScanner::~PatternScanner() = default;

bool PatternScanner::serves(const std::vector<const Pattern*>& patterns) const {
  return std::equal(serials_.begin(), serials_.end(), patterns.begin(), patterns.end(),
                    [](std::uint64_t serial, const Pattern* p) { return serial == p->serial_; });
}

void PatternScanner::start_over(const std::vector<const Pattern*>& patterns) {
  patterns_ = patterns;  // the same patterns, perhaps moved since (their compiled forms were not)
  text_->remove();
  all_bmp_ = true;
  required_.scan({}, possible_);
}

PatternScanner::Lease PatternScanner::lease(const std::vector<const Pattern*>& patterns) {
  auto& idle = idle_scanners;
  for (auto it = idle.rbegin(); it != idle.rend(); ++it)
    if ((*it)->serves(patterns)) {
      std::unique_ptr<PatternScanner> scanner = std::move(*it);
      idle.erase(std::next(it).base());
      scanner->start_over(patterns);
      return Lease(std::move(scanner));
    }
  return Lease(std::make_unique<PatternScanner>(patterns));
}

PatternScanner::Lease::~Lease() {
  if (!scanner_) return;  // moved from
  auto& idle = idle_scanners;
  if (idle.size() >= kMaxIdleScanners) idle.erase(idle.begin());  // the longest unused
  idle.push_back(std::move(scanner_));
}

bool PatternScanner::set_text(std::u32string_view text) {
  all_bmp_ = true;
  // Anchored patterns first: when the text cannot begin or end as each must, nothing is scanned.
  bool any_edge = !has_edges_;
  for (std::size_t i = 0; has_edges_ && i < patterns_.size(); ++i)
    any_edge = (edge_ok_[i] = edges_allow(patterns_[i]->edges_, text)) || any_edge;
  if (!any_edge) {
    possible_.assign(patterns_.size(), 0);
    return false;
  }
  if (!required_.scan(text, possible_)) return false;  // no pattern can match: found and find_all say so
  if (has_edges_) {
    bool any = false;
    for (std::size_t i = 0; i < patterns_.size(); ++i) any = (possible_[i] = possible_[i] && edge_ok_[i]) || any;
    if (!any) return false;
  }
  // Converted into the same buffer every time: no allocation once it is large enough. What
  // u_strFromUTF32WithSub does, without its per-character checks for the common BMP case: an
  // invalid code point (a surrogate, above U+10FFFF) becomes U+FFFD.
  const int32_t capacity = 2 * static_cast<int32_t>(text.size()) + 1;  // at most two units a point
  UChar* const buffer = text_->getBuffer(capacity);
  if (!buffer) {  // out of memory: searched as an empty text
    text_->remove();
    return true;
  }
  UChar* out = buffer;
  for (const char32_t c : text) {
    if (c < 0xD800 || (c >= 0xE000 && c <= 0xFFFF)) {
      *out++ = static_cast<UChar>(c);
    } else if (c >= 0x10000 && c <= 0x10FFFF) {
      *out++ = U16_LEAD(c);
      *out++ = U16_TRAIL(c);
      all_bmp_ = false;
    } else {
      *out++ = 0xFFFD;
    }
  }
  text_->releaseBuffer(static_cast<int32_t>(out - buffer));
  return true;
}

bool PatternScanner::found(std::size_t index) {
  icu::RegexMatcher* m = matchers_[index].get();
  if (!m || !possible_[index]) return false;
  m->reset(*text_);
  UErrorCode status = U_ZERO_ERROR;
  const bool found = m->find(status);
  note_timeout(status, patterns_[index]->source());
  return U_SUCCESS(status) && found;
}

std::vector<std::pair<std::size_t, std::size_t>> PatternScanner::find_all(std::size_t index) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  icu::RegexMatcher* m = matchers_[index].get();
  if (!m || !possible_[index]) return out;
  const icu::UnicodeString& u = *text_;
  m->reset(u);
  UErrorCode status = U_ZERO_ERROR;
  // ICU reports UTF-16 offsets; count code points up to each one, walking forward only (a
  // text without supplementary characters has one unit per point).
  int32_t unit = 0;
  std::size_t point = 0;
  const auto to_point = [&](int32_t target) {
    if (all_bmp_) return static_cast<std::size_t>(target);
    while (unit < target) {
      unit += U16_IS_LEAD(u.charAt(unit)) && unit + 1 < u.length() ? 2 : 1;
      ++point;
    }
    return point;
  };
  while (m->find(status) && U_SUCCESS(status)) {
    const int32_t b = m->start(status), e = m->end(status);
    if (U_FAILURE(status) || b == e) continue;
    const std::size_t pb = to_point(b);
    out.emplace_back(pb, to_point(e));
  }
  note_timeout(status, patterns_[index]->source());
  return out;
}

std::vector<const Pattern*> AnyPatternScanner::addresses(const std::vector<Pattern>& patterns) {
  std::vector<const Pattern*> out;
  out.reserve(patterns.size());
  for (const Pattern& p : patterns) out.push_back(&p);
  return out;
}

AnyPatternScanner::AnyPatternScanner(const std::vector<Pattern>& patterns)
    : count_(patterns.size()), scanner_(PatternScanner::lease(addresses(patterns))) {}

bool AnyPatternScanner::found_in(std::u32string_view text) {
  if (count_ == 0 || !scanner_->set_text(text)) return false;
  for (std::size_t i = 0; i < count_; ++i)
    if (scanner_->found(i)) return true;
  return false;
}

std::vector<std::string> take_pattern_timeouts() { return std::exchange(timed_out_patterns, {}); }

}  // namespace nblint
