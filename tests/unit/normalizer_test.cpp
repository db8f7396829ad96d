#include <doctest/doctest.h>

#include <algorithm>

#include "support/u32_printing.h"

#include "text/fold.h"
#include "text/normalizer.h"
#include "util/utf8.h"

using namespace nblint;

TEST_CASE("fold: full-width forms, traditional characters and ignorables; circled numbers kept") {
  const NormalizedText n = normalize("（一）１２３，政府資訊公開報告①\u200B");
  CHECK(utf8::encode(n.text) == "(一)123,政府资讯公开报告①");
  CHECK(fold::changes(U'國'));
  CHECK_FALSE(fold::changes(U'国'));
  CHECK_FALSE(fold::changes(U'①'));
}

TEST_CASE("normalizer: every folded character maps back to the source character it came from") {
  const std::string source = "第一行\r\n（二）開展工作㈠\n公開(kāi)說明";
  const NormalizedText n = normalize(source);
  REQUIRE(n.origin.size() == n.text.size());
  std::uint32_t previous = 0;
  for (std::size_t i = 0; i < n.text.size(); ++i) {
    const std::uint32_t at = n.origin[i];
    CHECK(at < source.size());
    CHECK(at >= previous);  // monotonic
    previous = at;
    // The folded character is (part of) the fold of the source character at that offset.
    const utf8::Decoded d = utf8::decode(source, at);
    char32_t scratch;
    const auto folded = d.cp == U'\r' ? std::span<const char32_t>() : fold::of(d.cp, scratch);
    const bool line_break = n.text[i] == U'\n';
    CHECK((line_break || std::find(folded.begin(), folded.end(), n.text[i]) != folded.end()));
  }
  // CRLF became a single '\n' pointing at the '\n'.
  const auto nl = n.text.find(U'\n');
  CHECK(source[n.origin[nl]] == '\n');
  // ㈠ folds to three characters that all point at it.
  const auto paren = n.text.find(U"(一)", nl);
  REQUIRE(paren != std::u32string::npos);
  CHECK(n.origin[paren] == n.origin[paren + 2]);
}

TEST_CASE("normalizer: pinyin annotations are removed and their source spans recorded") {
  const std::string source = "政府信息公開(kāi)工作年度報(bào)告(GDP)";
  const NormalizedText n = normalize(source);
  CHECK(utf8::encode(n.text) == "政府信息公开工作年度报告(GDP)");
  REQUIRE(n.pinyin_removed.size() == 2);
  const Span first = n.pinyin_removed[0];
  CHECK(source.substr(first.begin, first.end - first.begin) == "(kāi)");
}

TEST_CASE("normalizer: source_span covers whole source characters") {
  const std::string source = "一、总体情况";
  const NormalizedText n = normalize(source);
  const Span s = n.source_span(2, 6);
  CHECK(source.substr(s.begin, s.end - s.begin) == "总体情况");
  const Span empty = n.source_span(6, 6);
  CHECK(empty.begin == source.size());
  CHECK(empty.empty());
}
