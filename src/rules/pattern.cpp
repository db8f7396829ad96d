#include "rules/pattern.h"

#include <algorithm>
#include <stdexcept>

#include <unicode/regex.h>
#include <unicode/unistr.h>

namespace nblint {

namespace {
// A user pack's pattern must not hang a run: ICU stops one find() after this many time-limit
// steps (ICU calibrates a step to about a millisecond); see docs/reliability.md.
constexpr int32_t kMatchTimeLimit = 10;

thread_local std::vector<std::string> timed_out_patterns;

// Notes `source` when `status` says the match was stopped at the time limit.
void note_timeout(UErrorCode status, const std::string& source) {
  if (status != U_REGEX_TIME_OUT) return;
  auto& seen = timed_out_patterns;
  if (std::find(seen.begin(), seen.end(), source) == seen.end()) seen.push_back(source);
}

icu::UnicodeString utf16(std::u32string_view text) {
  return icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()));
}

// A matcher over `u` (which must outlive it) with the time limit set; null when ICU fails.
std::unique_ptr<icu::RegexMatcher> time_limited_matcher(const icu::RegexPattern& pattern, const icu::UnicodeString& u) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern.matcher(u, status));
  if (U_SUCCESS(status)) m->setTimeLimit(kMatchTimeLimit, status);
  return U_SUCCESS(status) ? std::move(m) : nullptr;
}
}  // namespace

Pattern::Pattern(const std::string& source) : source_(source) {
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
  const icu::UnicodeString u = utf16(text);
  const auto m = time_limited_matcher(*compiled_, u);
  if (!m) return false;
  UErrorCode status = U_ZERO_ERROR;
  const bool found = m->find(status);
  note_timeout(status, source_);
  return U_SUCCESS(status) && found;
}

std::vector<std::pair<std::size_t, std::size_t>> Pattern::find_all(std::u32string_view text) const {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const icu::UnicodeString u = utf16(text);
  const auto m = time_limited_matcher(*compiled_, u);
  if (!m) return out;
  UErrorCode status = U_ZERO_ERROR;
  // ICU reports UTF-16 offsets; count code points up to each one, walking forward only.
  int32_t unit = 0;
  std::size_t point = 0;
  const auto to_point = [&](int32_t target) {
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
  note_timeout(status, source_);
  return out;
}

std::vector<std::string> take_pattern_timeouts() { return std::exchange(timed_out_patterns, {}); }

}  // namespace nblint
