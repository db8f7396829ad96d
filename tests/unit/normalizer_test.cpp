#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "support/run.h"
#include "support/u32_printing.h"

#include "parse/text_scan.h"
#include "text/fold.h"
#include "text/normalizer.h"
#include "util/utf8.h"

using namespace nblint;

TEST_CASE("fold: full-width forms, traditional characters and ignorables, circled numbers kept") {
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

TEST_CASE("normalizer: folded_range holds exactly the folded ranges whose source spans lie inside") {
  // Texts with expansions (⑴ → (1)), removed pinyin, CRLF, four-byte characters and ASCII, on
  // their own and through an HTML-like origin map that gives several characters one origin.
  std::vector<std::string> texts = {"一、总体情况\r\n（一）主动公開(kāi)信息 ⑴ 𠀀 abc\n表1 | 12 | 34 |\n",
                                    "２０２４年，本局共收到申請(qǐng)１７件。\r\n"};
  for (const auto& e : std::filesystem::recursive_directory_iterator(test::source_dir() / "examples"))
    if (e.path().extension() == ".txt" && texts.size() < 6) texts.push_back(test::read_file(e.path()));
  std::mt19937 random(11);
  for (const std::string& text : texts) {
    for (const bool mapped : {false, true}) {
      std::vector<std::uint32_t> origin;
      std::string source;
      if (mapped) {  // every third byte repeated in the source: origins that jump and repeat
        for (std::size_t i = 0; i < text.size(); ++i) {
          origin.push_back(static_cast<std::uint32_t>(source.size()));
          source += text[i];
          if (i % 3 == 0 && static_cast<unsigned char>(text[i]) < 0x80) source += text[i];
        }
        origin.push_back(static_cast<std::uint32_t>(source.size()));
      }
      const NormalizedText n = mapped ? normalize(text, &origin, source) : normalize(text);
      const std::size_t size = n.text.size();
      REQUIRE(size > 10);
      std::uniform_int_distribution<std::size_t> at(0, size - 1);
      int inside = 0, outside = 0;
      for (int round = 0; round < 400; ++round) {
        std::size_t tb = at(random), te = at(random);
        if (tb > te) std::swap(tb, te);
        const Span table = n.source_span(tb, te + 1);
        const auto [first, second] = n.folded_range(table);
        for (int k = 0; k < 20; ++k) {
          std::size_t b = at(random), e = at(random);
          if (b > e) std::swap(b, e);
          ++e;
          const Span s = n.source_span(b, e);
          CAPTURE(b);
          CAPTURE(e);
          const bool by_span = s.begin >= table.begin && s.end <= table.end;
          CHECK(by_span == (b >= first && e <= second));
          ++(by_span ? inside : outside);
        }
        CHECK((tb >= first && te + 1 <= second));  // the table's own range
      }
      CHECK(inside > 100);
      CHECK(outside > 100);
    }
  }
}

TEST_CASE("normalize: line_breaks lists every '\\n' of the folded text, and the lines read from it are for_each_line's") {
  // Pieces that fold to line breaks (\r\n, \r, \n), change length (pinyin removed, full-width
  // forms), or are plain; texts that start and end with breaks, and the empty text.
  const std::vector<std::string> pieces = {"\n", "\r\n", "\r", "公開(kāi)", "ＡＢ", "abc", "一", " ", "\n\n", "(2)"};
  std::mt19937 rng(11);
  const auto check = [](const std::string& utf8) {
    const NormalizedText folded = normalize(utf8);
    std::vector<std::uint32_t> expected;
    for (std::size_t i = 0; i < folded.text.size(); ++i)
      if (folded.text[i] == U'\n') expected.push_back(static_cast<std::uint32_t>(i));
    CHECK(folded.line_breaks == expected);
    // The lines as searched for: cut at every '\n', with no empty line after a final one.
    std::vector<std::pair<std::size_t, std::size_t>> searched, indexed;
    const std::u32string& t = folded.text;
    for (std::size_t b = 0; b <= t.size();) {
      const std::size_t e = std::min(t.find(U'\n', b), t.size());
      if (b == t.size() && b != 0) break;
      searched.emplace_back(b, e);
      b = e + 1;
    }
    for_each_line(folded, [&](std::size_t b, std::size_t e) { indexed.emplace_back(b, e); });
    CHECK(indexed == searched);
    return folded.text.size();
  };
  for (const char* fixed : {"", "\n", "a", "a\n", "\na", "\n\n", "a\r\nb\rc\n"}) {
    CAPTURE(fixed);
    check(fixed);
  }
  for (int round = 0; round < 400; ++round) {
    std::string utf8;
    const std::size_t count = rng() % 40;
    for (std::size_t k = 0; k < count; ++k) utf8 += pieces[rng() % pieces.size()];
    CAPTURE(utf8);
    check(utf8);
  }
  // A large text's buffers handed on to the next large one (and to a short one): no break of the
  // first is left. Large: its list of breaks is estimated past spare_buffers::kMinKept.
  std::string many_lines;
  while (many_lines.size() < 700 * 1024) many_lines += "line one 公開(kāi)\n";
  give_back(normalize(many_lines));
  std::string few_lines(700 * 1024, 'x');
  for (std::size_t at = 1000; at < few_lines.size(); at += 100 * 1024) few_lines[at] = '\n';
  CHECK(check(few_lines) == few_lines.size());
  give_back(normalize(many_lines));
  CHECK(check("短\n文本") == 4);
}
