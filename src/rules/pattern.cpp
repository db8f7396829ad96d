#include "rules/pattern.h"

#include <stdexcept>

#include <unicode/regex.h>
#include <unicode/unistr.h>

namespace nblint {

namespace {
// A user pack's pattern must not hang a run: ICU stops a match after this many time-limit
// steps (about a few milliseconds; see docs/reliability notes in library-notes.md).
constexpr int32_t kMatchTimeLimit = 10;
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
  const icu::UnicodeString u = icu::UnicodeString::fromUTF32(
      reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(compiled_->matcher(u, status));
  if (U_FAILURE(status)) return false;
  m->setTimeLimit(kMatchTimeLimit, status);
  const bool found = m->find(status);
  return U_SUCCESS(status) && found;
}

}  // namespace nblint
