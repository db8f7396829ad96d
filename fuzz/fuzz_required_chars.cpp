// libFuzzer target: the required-characters reader (rules/required_chars.h), differentially
// against ICU. Input: a pattern, a NUL byte, a text (both UTF-8). Invariants: when the reader
// names sets of characters for a pattern ICU compiles, every match ICU finds in the text (empty
// ones included, which must then not exist) contains one character of each set; when it names
// the pattern's anchored edges, every match begins the text with one of the first characters,
// and ends with one of the last characters, at the text's end or before a final line break.
// Otherwise the scanner's filters would hide that match.
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
  const nblint::EdgeChars edges = nblint::anchored_edge_chars(source);
  if (required.empty() && edges.first.empty() && edges.last.empty()) return 0;

  UErrorCode status = U_ZERO_ERROR;
  UParseError where{};
  std::unique_ptr<icu::RegexPattern> pattern(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(icu::StringPiece(source.data(), static_cast<int32_t>(source.size()))), where, status));
  if (U_FAILURE(status)) return 0;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::unique_ptr<icu::RegexMatcher> m(pattern->matcher(u, status));
  if (U_FAILURE(status)) return 0;
  m->setTimeLimit(5, status);
  const auto in = [&](const std::u32string& set, int32_t at) { return set.find(static_cast<char32_t>(u.char32At(at))) != std::u32string::npos; };
  // What follows a match that $ allowed to end before a final line break: \r\n or one terminator.
  const auto final_break = [&](int32_t at) {
    const int32_t rest = u.length() - at;
    if (rest == 2) return u.charAt(at) == u'\r' && u.charAt(at + 1) == u'\n';
    const char16_t c = rest == 1 ? u.charAt(at) : u'\0';
    return rest == 1 && ((c >= u'\n' && c <= u'\r') || c == u'\u0085' || c == u'\u2028' || c == u'\u2029');
  };
  while (m->find(status) && U_SUCCESS(status)) {
    const int32_t b = m->start(status), e = m->end(status);
    if (!edges.first.empty() && (b != 0 || e == b || !in(edges.first, 0))) std::abort();  // not at the text's start
    if (!edges.last.empty() && (e == b || !in(edges.last, u.moveIndex32(e, -1)) || (e != u.length() && !final_break(e))))
      std::abort();  // not at the text's end
    for (const std::u32string& set : required) {
      bool holds = false;
      for (int32_t i = b; i < e && !holds; i = u.moveIndex32(i, 1)) holds = set.find(static_cast<char32_t>(u.char32At(i))) != std::u32string::npos;
      if (!holds) std::abort();  // a match without any character of a required set: the reader was wrong
    }
    if (e == b) break;
  }
  return 0;
}
