// rules/required_chars: the characters every match of a pattern must contain, read from its
// source; and the property that matters, that searching with that filter finds exactly what
// ICU finds without it, for every pattern of the built-in packs on real and invented text.
#include <doctest/doctest.h>

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rules/pack_registry.h"
#include "rules/pattern.h"
#include "rules/required_chars.h"
#include "support/run.h"
#include "text/normalizer.h"
#include "util/utf8.h"

using namespace nblint;
namespace fs = std::filesystem;

namespace {

// The set as sorted UTF-8 without repeats, or "-" when unknown.
std::string described(const std::optional<std::u32string>& set) {
  if (!set) return "-";
  std::u32string s = *set;
  std::sort(s.begin(), s.end());
  s.erase(std::unique(s.begin(), s.end()), s.end());
  return utf8::encode(s);
}

// ICU itself searching `text` for `source`, with no filter of ours.
struct IcuSearch {
  std::unique_ptr<icu::RegexPattern> pattern;
  icu::UnicodeString text;
  std::unique_ptr<icu::RegexMatcher> matcher;

  IcuSearch(const std::string& source, std::u32string_view folded) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    pattern.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source), where, status));
    REQUIRE(U_SUCCESS(status));
    text = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(folded.data()), static_cast<int32_t>(folded.size()));
    matcher.reset(pattern->matcher(text, status));
    REQUIRE(U_SUCCESS(status));
  }
};

// Every non-empty match of `source` in `text` by ICU itself, as code-point offsets.
std::vector<std::pair<std::size_t, std::size_t>> icu_matches(const std::string& source, std::u32string_view text) {
  IcuSearch search(source, text);
  UErrorCode status = U_ZERO_ERROR;
  std::vector<std::pair<std::size_t, std::size_t>> out;
  while (search.matcher->find(status) && U_SUCCESS(status)) {
    const int32_t b = search.matcher->start(status), e = search.matcher->end(status);
    if (b == e) continue;
    out.emplace_back(static_cast<std::size_t>(search.text.countChar32(0, b)),
                     static_cast<std::size_t>(search.text.countChar32(0, e)));
  }
  return out;
}

// Whether ICU itself finds a match (an empty one too) of `source` in `text`.
bool icu_finds(const std::string& source, std::u32string_view text) {
  IcuSearch search(source, text);
  UErrorCode status = U_ZERO_ERROR;
  return search.matcher->find(status) && U_SUCCESS(status);
}

// Lines of folded text: real text (examples, fixtures, the corpus when present) and lines made to
// hit the placeholders, the section headings and the numbering end.
std::vector<std::u32string> sample_lines() {
  std::vector<std::u32string> lines;
  const auto add_text = [&](const std::string& utf8_text) {
    const NormalizedText folded = normalize(utf8_text);
    std::size_t b = 0;
    for (std::size_t e; (e = folded.text.find(U'\n', b)) != std::u32string::npos; b = e + 1)
      lines.push_back(folded.text.substr(b, e - b));
    lines.push_back(folded.text.substr(b));
  };
  for (const char* made : {"XX局20XX年X月X日", "××××", "某某局、张某某", "**年**月", "【单位名称】（机关全称）",
                           "填写说明：此处填写", "xxl XXI Xx", "附表", "统计表", "附:说明", "一、总体情况",
                           "二、主动公开政府信息情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"})
    add_text(made);
  std::vector<fs::path> files;
  for (const fs::path& dir : {test::source_dir() / "examples", test::source_dir() / "tests/fixtures"})
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.path().extension() == ".txt") files.push_back(e.path());
  if (test::have_shared_corpus())
    for (const auto& e : fs::recursive_directory_iterator(test::shared_dir() / "corpus"))
      if (e.path().extension() == ".txt") files.push_back(e.path());
  for (const fs::path& f : files) {
    const std::string bytes = test::read_file(f);
    if (utf8::is_valid(bytes)) add_text(bytes);
  }
  return lines;
}

// Every pattern of the built-in packs.
std::vector<const Pattern*> builtin_patterns() {
  std::vector<const Pattern*> patterns;
  for (const Pack& pack : PackRegistry::builtin().packs()) {
    for (const SectionSpec& s : pack.sections) {
      for (const Pattern& p : s.headings) patterns.push_back(&p);
      for (const Pattern& p : s.mentions) patterns.push_back(&p);
    }
    for (const Pattern& p : pack.wording_ignore) patterns.push_back(&p);
    for (const Pattern& p : pack.numbering_ends_at) patterns.push_back(&p);
    for (const PlaceholderSpec& p : pack.placeholders) patterns.push_back(&p.pattern);
  }
  return patterns;
}

}  // namespace

TEST_CASE("required chars: read from literals, lists, groups and alternations, unknown otherwise") {
  const std::pair<const char*, const char*> cases[] = {
      {"abc", "a"},
      {"XX+|xx+", "Xx"},
      {"(?<![A-Za-z])(?:XX+|xx+)(?![A-Za-z])", "Xx"},
      {"(?<![A-Za-z])[Xx]\\s*[年月日]", "Xx"},
      {"[×✕╳]{2,}", "×╳✕"},
      {"(?<!\\p{Han})某某|某某(?=机关|单位|部门)", "某"},
      {"\\*{2,}(?=\\s*[年月日号件])", "*"},
      {"[(\\[【](?:单位|机关)(?:名称|全称)[)\\]】]", "([【"},
      {"填写说明|此处(?:填写|填入)", "填此"},
      {"^统计表$", "统"},
      {"统计表$", "统"},
      {"a*b", "b"},
      {"a{0,3}b", "b"},
      {"a{2}", "a"},
      {"(ab)?c", "c"},
      {"(?=a)b", "b"},
      {"\\bfoo", "f"},
      {"\\x41b", "b"},
      {"\\xCz", "z"},  // \x with one hex digit, then a literal
      {"\\pLx", "x"},
      {"\\d+件", "件"},
      {"[\\]]", "]"},
      {"[]a]", "]a"},
      {"(?<name>ab)", "a"},
      {"a+?b", "a"},
      // Unknown: what might match the empty string, or characters the reader does not list.
      {"", "-"},
      {"a?", "-"},
      {"a|", "-"},
      {"(?i)abc", "-"},
      {"a(?#note)?b", "-"},  // the ? is a's (found by fuzz_required_chars): comments are not read
      {"(?x) a b", "-"},
      {".", "-"},
      {"\\u4E00", "-"},  // not the literal digits after \u
      {"\\x{4E00}", "-"},
      {" \\xC|", "-"},  // ICU reads one hex digit, so '|' alternates with nothing (found by fuzz_required_chars)
      {"[^a]", "-"},
      {"[a-z]", "-"},
      {"[\\p{Han}]", "-"},
      {"\\p{Han}+", "-"},
      {"(a)\\1", "-"},
      {"\\Qa\\E", "-"},
      {"a)", "-"},
      {"(a", "-"},
      {"[[a][b]]", "-"},
  };
  // Groups nested deeper than the reader goes: unknown, not a stack overflow.
  CHECK(described(required_chars(std::string(64, '(') + "a" + std::string(64, ')'))) == "a");
  CHECK(described(required_chars(std::string(100000, '(') + "a" + std::string(100000, ')'))) == "-");
  for (const auto& [source, expected] : cases) {
    const std::string shown = source;
    CAPTURE(shown);
    CHECK(described(required_chars(source)) == expected);
  }
}

TEST_CASE("required char sets: one set for each required atom of the sequence, one for an alternation") {
  const std::pair<const char*, const char*> cases[] = {
      {"统计表$", "统 计 表"},
      {"^附[表件]", "附 件表"},
      {"(?<![A-Za-z])[Xx]\\s*[年月日]", "Xx 年日月"},
      {"[(\\[【](?:单位|机关|部门)(?:名称|全称)[)\\]】]", "([【 单机部 全名 )]】"},
      {"填写说明|此处(?:填写|填入)", "填此"},
      {"\\*{2,}(?=\\s*[年月日])", "*"},  // a look-ahead's characters are not in the match
      {"(ab)?c", "c"},
      {"(ab)+c", "a b c"},
      {"(?:a|b.)c", "ab c"},
      {"(?:a|.)c", "c"},  // a branch without a known set: the group gives none
      {"a|", "-"},
      {"a.*b", "a b"},
      {"(?i)ab", "-"},
  };
  for (const auto& [source, expected] : cases) {
    std::string got;
    for (const std::u32string& set : required_char_sets(source)) got += (got.empty() ? "" : " ") + described(set);
    CHECK_MESSAGE((got.empty() ? std::string("-") : got) == expected, source);
    const auto first = required_chars(source);
    CHECK(described(first) == (got.empty() ? "-" : described(required_char_sets(source).front())));
  }
}

TEST_CASE("required chars: filtered searches find exactly what ICU finds, for every built-in pattern") {
  const std::vector<std::u32string> lines = sample_lines();
  const std::vector<const Pattern*> patterns = builtin_patterns();
  REQUIRE(patterns.size() > 30);
  std::size_t filtered = 0, matches = 0, mismatches = 0;
  // Each pattern alone in a scanner, and all of them in one: the scanner decides per text which
  // patterns may match and converts the text only when one may, so a pattern's answers must not
  // depend on the others it holds.
  std::vector<std::unique_ptr<PatternScanner>> alone;
  for (const Pattern* p : patterns) {
    filtered += p->required_chars().has_value();
    alone.push_back(std::make_unique<PatternScanner>(std::vector<const Pattern*>{p}));
  }
  PatternScanner together(patterns);
  for (const std::u32string& line : lines) {
    together.set_text(line);
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      alone[i]->set_text(line);
      const auto expected = icu_matches(patterns[i]->source(), line);
      matches += expected.size();
      const bool found = !expected.empty();
      if (alone[i]->find_all(0) != expected || alone[i]->found(0) != found || together.find_all(i) != expected ||
          together.found(i) != found) {
        ++mismatches;
        MESSAGE(patterns[i]->source() << " on " << utf8::encode(line));
      }
    }
  }
  CHECK(mismatches == 0);
  CHECK(filtered * 2 > patterns.size());  // the filter applies to most of the packs' patterns
  CHECK(matches > 100);                   // and the lines do hit them
}

TEST_CASE("anchored edge chars: the literal after ^ and before $, when the pattern is one sequence") {
  const auto edges = [](const char* source) {
    const EdgeChars e = anchored_edge_chars(source);
    return described(e.first.empty() ? std::nullopt : std::optional(e.first)) + " " +
           described(e.last.empty() ? std::nullopt : std::optional(e.last));
  };
  CHECK(edges("^附[表件]") == "附 -");
  CHECK(edges("统计表$") == "- 表");
  CHECK(edges("^附:") == "附 -");
  CHECK(edges("\\A附") == "附 -");
  CHECK(edges("[表件]+\\Z") == "- 件表");
  CHECK(edges("表\\z") == "- 表");
  CHECK(edges("^附.*表$") == "附 表");
  CHECK(edges("^\\.x") == ". -");  // an escaped literal
  // Unknown: alternatives, a group or an optional atom at the edge, no anchor, a class not read.
  CHECK(edges("^附|统计表$") == "- -");
  CHECK(edges("^(附)表") == "- -");
  CHECK(edges("^(x?附)表") == "- -");  // a group's first character may be another
  CHECK(edges("表(附?)$") == "- -");
  CHECK(edges("^附?表") == "- -");
  CHECK(edges("表?$") == "- -");
  CHECK(edges("^*附") == "- -");
  CHECK(edges("附表") == "- -");
  CHECK(edges("^[^附]") == "- -");
  CHECK(edges("^\\s附") == "- -");
  CHECK(edges("^") == "- -");
  CHECK(edges("$") == "- -");
}

TEST_CASE("anchored edge chars: a scanner that skips texts by their edges finds exactly what ICU finds") {
  const std::vector<std::string> sources = {"^附[表件]", "统计表$", "^附:", "\\A附", "[表件]+\\Z", "表\\z", "^附.*表$",
                                            "表+$", "^附|统计表$", "^(附)表", "表?$", "^附表$", "^(x?附)表", "表(附?)$"};
  // Texts at the edges: empty, the anchor's character alone, each kind of final line break
  // ($ may stand before one), breaks elsewhere, and the characters one place in.
  const std::vector<std::u32string> texts = {
      U"", U"附", U"表", U"附表", U"附件", U"附:", U"x附表", U"附表x", U"统计表", U"统计表\n", U"统计表\r\n",
      U"统计表\r", U"统计表\u2028", U"统计表\u0085", U"统计表\f", U"统计表\n\n", U"统计表\r\n\n", U"统计表 ", U"x统计表",
      U"\n附表", U"附表\n", U"附\n表", U"表\n", U"表\r\n", U"附表表表", U"附表\r\n", U"\r\n", U"\n", U"x附表", U"统计表附"};
  std::vector<Pattern> patterns;
  for (const std::string& s : sources) patterns.emplace_back(s);
  std::vector<const Pattern*> all;
  for (const Pattern& p : patterns) all.push_back(&p);
  PatternScanner together(all);
  for (const std::u32string& text : texts) {
    together.set_text(text);
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      PatternScanner alone({&patterns[i]});
      alone.set_text(text);
      const auto expected = icu_matches(sources[i], text);
      INFO(sources[i] << " on " << utf8::encode(text));
      CHECK(alone.find_all(0) == expected);
      CHECK(together.find_all(i) == expected);
      CHECK(together.found(i) == icu_finds(sources[i], text));
      CHECK(alone.found(0) == icu_finds(sources[i], text));
    }
  }
}
