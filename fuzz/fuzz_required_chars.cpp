// libFuzzer target: the required-characters reader (rules/required_chars.h), differentially
// against ICU. Input: a pattern, a NUL byte, a text (both UTF-8). Invariant: when the reader
// names sets of characters for a pattern ICU compiles, every match ICU finds in the text (empty
// ones included, which must then not exist) contains one character of each set; otherwise the
// scanner's filter would hide that match.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "rules/required_chars.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  if (nul == std::string_view::npos) return 0;
  const std::string_view source = input.substr(0, nul), text = input.substr(nul + 1);
  if (!nblint::utf8::is_valid(source) || !nblint::utf8::is_valid(text)) return 0;
  const auto required = nblint::required_char_sets(source);
  if (required.empty()) return 0;

  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  std::unique_ptr<icu::RegexPattern> pattern(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(icu::StringPiece(source.data(), static_cast<int32_t>(source.size()))), where, status));
  if (U_FAILURE(status)) return 0;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::unique_ptr<icu::RegexMatcher> m(pattern->matcher(u, status));
  if (U_FAILURE(status)) return 0;
  m->setTimeLimit(5, status);
  while (m->find(status) && U_SUCCESS(status)) {
    const int32_t b = m->start(status), e = m->end(status);
    for (const std::u32string& set : required) {
      bool holds = false;
      for (int32_t i = b; i < e && !holds; i = u.moveIndex32(i, 1)) holds = set.find(static_cast<char32_t>(u.char32At(i))) != std::u32string::npos;
      if (!holds) std::abort();  // a match without any character of a required set: the reader was wrong
    }
    if (e == b) break;
  }
  return 0;
}
