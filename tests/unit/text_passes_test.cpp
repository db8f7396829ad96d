// The whole-text passes (normalize, find_noise, LineIndex, classify_web_chrome) against their
// earlier, simpler versions (support/text_pass_reference.h): the fast paths must give exactly
// the same result on every input, at every block boundary and on the real corpus.
#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "ingest/source_text.h"
#include "parse/noise.h"
#include "parse/web_chrome.h"
#include "support/run.h"
#include "support/text_pass_reference.h"
#include "text/normalizer.h"
#include "util/utf8.h"

using namespace nblint;

namespace {

bool same_spans(const std::vector<Span>& a, const std::vector<Span>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](Span x, Span y) { return x.begin == y.begin && x.end == y.end; });
}

bool same_noise(const std::vector<NoiseRun>& a, const std::vector<NoiseRun>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const NoiseRun& x, const NoiseRun& y) {
    return x.kind == y.kind && x.span.begin == y.span.begin && x.span.end == y.span.end &&
           x.example.begin == y.example.begin && x.example.end == y.example.end && x.count == y.count;
  });
}

std::vector<std::uint32_t> line_starts(const LineIndex& index) {
  std::vector<std::uint32_t> starts;
  for (std::uint32_t line = 1; line <= index.line_count(); ++line) starts.push_back(index.line_start(line));
  return starts;
}

// Every pass on `text`, new and reference; the first difference fails with the text shown.
void check_passes_agree(const std::string& text) {
  CAPTURE(text);
  const NormalizedText now = normalize(text);
  const NormalizedText before = reference::normalize(text, nullptr, {});
  REQUIRE(now.text == before.text);
  REQUIRE(now.origin == before.origin);
  REQUIRE(same_spans(now.pinyin_removed, before.pinyin_removed));
  const std::vector<NoiseRun> noise = reference::find_noise(text, before.pinyin_removed);
  REQUIRE(same_noise(find_noise(text, now.pinyin_removed), noise));
  // A Document's text is known to be well-formed, and is then not validated again.
  if (utf8::is_valid(text)) REQUIRE(same_noise(find_noise(text, now.pinyin_removed, SourceForm::well_formed), noise));
  REQUIRE(line_starts(LineIndex(text)) == reference::line_starts(text));
  std::u32string_view rest = now.text;
  while (!rest.empty()) {
    const auto nl = rest.find(U'\n');
    const std::u32string_view whole_line = rest.substr(0, nl);
    std::size_t begin = 0, end = whole_line.size();
    trim(whole_line, begin, end);
    const std::u32string_view line = whole_line.substr(begin, end - begin);
    REQUIRE(classify_web_chrome(line) == reference::classify_web_chrome(line));
    rest.remove_prefix(nl == std::u32string_view::npos ? rest.size() : nl + 1);
  }
}

// normalize with an origin map (HTML) on `text`, new and reference: text byte i comes from the
// made-up source offset first + step * i.
void check_mapped_normalize_agrees(const std::string& text, std::uint32_t first, std::uint32_t step) {
  CAPTURE(text);
  std::vector<std::uint32_t> origin;
  for (std::uint32_t i = 0; i <= text.size(); ++i) origin.push_back(first + step * i);
  const std::string source(first + step * text.size() + 1, ' ');
  const NormalizedText now = normalize(text, &origin, source);
  const NormalizedText before = reference::normalize(text, &origin, source);
  REQUIRE(now.text == before.text);
  REQUIRE(now.origin == before.origin);
}

// Pieces the fast paths treat differently: ASCII (with the line breaks and the '?' the noise
// scan looks at), three-byte CJK, two- and four-byte characters, folds that change or expand,
// pinyin annotations, mojibake, U+FFFD and ill-formed bytes.
const std::vector<std::string> kPieces = {
    "a", "Z", "7", " ", "\n", "\r", "\r\n", "?", "(", ")", ",", "abcdefgh", "<!-- x -->", "公", "開", "国", "办",
    "。", "，", "（", "）", "１", "(kāi)", "(de)", "(km)", "guī", "?guī", "锟斤拷", "锟", "\xEF\xBF\xBD", "æ”¿",
    "Ã©", "é", "€", "\u200B", "①", "㍿", "𠀀", "😀", "\xFF", "\xE4\xBD", "\xC0\x80", "\xED\xA0\x80",
    "\xF4\x90\x80\x80", "离开", "您即将离开", "扫一扫在手机打开当前页", "分享到:", "【打印】", "字号:大",
    "当前位置:首页>", "上一篇", "浏览次数:", "无障碍", "长者助手"};

}  // namespace

TEST_CASE("text passes: empty input, CRLF and lone CR agree with the reference") {
  for (const char* text : {"", "\n", "\r", "\r\n", "\r\r\n\n", "a\r", "公\r\n开\r", "\n\n\r"}) check_passes_agree(text);
  CHECK(LineIndex("a\r\nb\rc\n").line_count() == 4);
  CHECK(LineIndex("a\r\nb\rc\n").line_start(3) == 5);
  CHECK(LineIndex("").line_count() == 1);
}

TEST_CASE("text passes: a multibyte character or bad byte at every position of an 8- and 16-byte block") {
  for (const std::string& inner : {std::string("政"), std::string("𠀀"), std::string("é"), std::string("\xFF"),
                                   std::string("\xE4\xBD"), std::string("\r"), std::string("\r\n"), std::string("?guī"),
                                   std::string("锟斤拷"), std::string("æ”¿"), std::string("(kāi)")}) {
    for (std::size_t before = 0; before <= 17; ++before) {
      for (std::size_t after : {0, 1, 7, 8, 9, 16}) {
        check_passes_agree(std::string(before, 'x') + inner + std::string(after, 'y'));
        check_passes_agree("公" + std::string(before, 'x') + inner + std::string(after, 'y') + "开");
      }
    }
  }
}

TEST_CASE("text passes: a special character or bad byte at every position of a run of Chinese text") {
  // The noise scan takes runs of plain characters sixteen bytes at a time: every byte it must
  // stop at, or see in another character, at every offset of a block and of a character.
  for (const std::string& inner :
       {std::string("x"), std::string("\n"), std::string("?"), std::string("?guī"), std::string("—"), std::string("“"),
        std::string("锟斤拷"), std::string("锟"), std::string("\xEF\xBF\xBD"), std::string("é"), std::string("𠀀"),
        std::string("\xE0\xA0\x80"), std::string("\xE0\x80\x80"), std::string("\xED\x9F\xBF"),
        std::string("\xED\xA0\x80"), std::string("\x80"), std::string("\xE4\xBD"), std::string("\xE4"),
        std::string("\xFF"), std::string("æ”¿"), std::string("(kāi)"), std::string("\r\n"), std::string("，"),
        std::string("部"), std::string("\xEF\xBF\xBE"), std::string("\xE9\x94\xA0"), std::string("\xEF\xBF"),
        std::string("\xE9\x94"), std::string("\xEF\xBD\xBD")}) {
    for (std::size_t before = 0; before <= 17; ++before) {
      for (std::size_t after : {0, 1, 5, 6, 11}) {
        std::string head, tail;
        for (std::size_t k = 0; k < before; ++k) head += k % 7 == 3 ? "a" : k % 5 == 1 ? "，" : "政";
        for (std::size_t k = 0; k < after; ++k) tail += "府";
        check_passes_agree(head + inner + tail);
        check_passes_agree("ab" + head + inner + tail + inner + head);
      }
    }
  }
}

TEST_CASE("text passes: random mixtures of the pieces agree with the reference") {
  std::mt19937 random(20261129);
  std::uniform_int_distribution<std::size_t> piece(0, kPieces.size() - 1), count(0, 48);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (std::size_t n = count(random); n > 0; --n) text += kPieces[piece(random)];
    check_passes_agree(text);
  }
}

TEST_CASE("text passes: long runs of three-byte characters (normalize's blocks of eight) agree with the reference") {
  // Mostly simplified Han, with what a block must fold in place (full-width comma, traditional
  // characters), what ends a run ('（' folds to '(', ASCII, a four-byte character, ill-formed
  // and overlong sequences, surrogates) and U+FFFD, at random places and run lengths.
  const std::vector<std::string> common = {"公", "开", "政", "府", "信", "息", "年", "度", "报", "告", "。", "、"};
  const std::vector<std::string> rare = {"，", "開", "國", "（", "）", "a", "\n", "\r\n", "𠀀", "\xE4\xBD", "\xE0\x80\x80",
                                         "\xED\xA0\x80", "\xEF\xBF\xBD", "(kāi)", "１", "\u200B"};
  std::mt19937 random(8);
  for (int round = 0; round < 600; ++round) {
    std::string text;
    const std::size_t length = std::uniform_int_distribution<std::size_t>(0, round < 500 ? 120 : 3000)(random);
    const unsigned rare_in = std::uniform_int_distribution<unsigned>(2, 60)(random);
    for (std::size_t n = 0; n < length; ++n)
      text += random() % rare_in == 0 ? rare[random() % rare.size()] : common[random() % common.size()];
    check_passes_agree(text);
    check_mapped_normalize_agrees(text, 7, 2);
  }
}

TEST_CASE("text passes: a run of three-byte characters stopping at every place of a block of eight") {
  // The block loop takes the characters before a block's first other character from the block,
  // then goes on through plain ASCII or ends the run: every kind of stop (ASCII, the '\r' and
  // '(' a run leaves to the writer, not three bytes, ill-formed, a fold of another length, '（'
  // folding to '('), after every run length and at every alignment, with and without an origin
  // map, and followed by more of the run.
  const std::vector<std::string> ends = {"a",  "\n", "12", "a b c d e f g h i", "\r", "\r\n", "(", "x(", "𠀀", "é",
                                         "\xE4\xBD", "\xE0\x80\x80", "\xED\xA0\x80", "（", "㍿", "\u200B",
                                         "\xEF\xBF\xBD", "\xFF", "開"};
  for (const std::string& end : ends) {
    for (std::size_t before = 0; before <= 3; ++before) {
      for (std::size_t run = 0; run <= 26; ++run) {
        std::string text(before, 'x');
        for (std::size_t k = 0; k < run; ++k) text += k % 9 == 4 ? "，" : "政";
        text += end;
        for (std::size_t k = 0; k < 30; ++k) text += "府";
        check_passes_agree(text);
        check_mapped_normalize_agrees(text, 5, 3);
      }
    }
  }
}

TEST_CASE("text passes: normalize with an origin map (HTML) agrees with the reference") {
  const std::string source = "<p>公開(kāi)\r\n第一行 abcdefghij，（二）</p>";
  std::string text;
  std::vector<std::uint32_t> origin;
  for (std::uint32_t i = 3; i + 4 < source.size(); ++i) {
    text += source[i];
    origin.push_back(i);
  }
  origin.push_back(static_cast<std::uint32_t>(source.size() - 4));
  const NormalizedText now = normalize(text, &origin, source);
  const NormalizedText before = reference::normalize(text, &origin, source);
  CHECK(now.text == before.text);
  CHECK(now.origin == before.origin);
  CHECK(same_spans(now.pinyin_removed, before.pinyin_removed));
  REQUIRE(now.pinyin_removed.size() == 1);
  CHECK(source.substr(now.pinyin_removed[0].begin, std::string_view("(kāi)").size()) == "(kāi)");
}

TEST_CASE("text passes: every corpus text agrees with the reference") {
  if (!test::have_shared_corpus()) {
    MESSAGE("shared corpus absent: skipped");
    return;
  }
  int files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(test::shared_dir() / "corpus")) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    CAPTURE(e.path().string());
    const std::string text = test::read_file(e.path());
    if (!utf8::is_valid(text)) continue;  // the passes see decoded text
    check_passes_agree(text);
    ++files;
  }
  CHECK(files > 0);
}

TEST_CASE("text passes: many lines, noise on a few, agree with the reference (the noise scan reads only suspect lines)") {
  // Clean lines of Chinese, ASCII and punctuation of every length around the 32-byte blocks, with
  // a noise piece or an ill-formed byte now and then, at random places: the lines left out must
  // be exactly those without noise, and each scanned line must start afresh.
  const std::vector<std::string> clean = {"政", "府", "信", "息", "公", "开", "，", "。", "“", "”", "—", "a", "1", " ",
                                          "×", "é", "销", "错", "键", "\xEF\xBF\xBE", "\xEF\xBC\x9F", "𠀀"};
  const std::vector<std::string> noisy = {"?", "?guī", "æ”¿", "Ã©", "锟斤拷", "锟", "\xEF\xBF\xBD", "(kāi)", "\xFF",
                                          "\xE4\xBD", "\x80", "\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "à", "ï",
                                          "公開(kāi)", "\xE9\x94"};
  std::mt19937 random(33);
  for (int round = 0; round < 1500; ++round) {
    std::string text;
    const std::size_t lines = std::uniform_int_distribution<std::size_t>(1, 12)(random);
    const unsigned noisy_in = std::uniform_int_distribution<unsigned>(3, 80)(random);
    for (std::size_t l = 0; l < lines; ++l) {
      const std::size_t length = std::uniform_int_distribution<std::size_t>(0, 90)(random);
      for (std::size_t n = 0; n < length; ++n) {
        const bool noise = std::uniform_int_distribution<unsigned>(0, noisy_in)(random) == 0;
        const auto& from = noise ? noisy : clean;
        text += from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
      }
      if (l + 1 < lines || round % 2) text += round % 7 == 0 ? "\r\n" : "\n";
    }
    check_passes_agree(text);
  }
}
