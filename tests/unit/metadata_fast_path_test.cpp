// parse/metadata: only the lines holding ':' or '|' are read, found by one search over the whole
// text. Checked against reading each line alone (fields never span lines), on edge cases and on
// every example, fixture and shared-corpus text; and count_any_of (count_non_blank) against a plain count.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "parse/report_parser.h"
#include "parse/text_scan.h"
#include "support/folded_lines.h"
#include "util/utf8.h"

using namespace nblint;

namespace {

// label=value(date) per field, values as written.
std::string fields(const std::string& src) {
  const Report r = parse_report(src);
  std::string out;
  for (const MetadataField& m : r.metadata)
    out += utf8::encode(m.label) + "=" + src.substr(m.value_span.begin, m.value_span.end - m.value_span.begin) +
           (m.date ? "(" + std::to_string(m.date->year) + ")" : "") + ";";
  return out;
}

std::string fields_line_by_line(const std::string& src) {
  std::string out;
  std::size_t b = 0;
  for (std::size_t e; (e = src.find('\n', b)) != std::string::npos; b = e + 1) out += fields(src.substr(b, e - b));
  return out + fields(src.substr(b));
}

}  // namespace

TEST_CASE("metadata fast path: the fields of the whole text are those of its lines") {
  for (const std::string src :
       {"索引号:1\n发布日期:2020-01-01", ":\n|\n\n|发文字号|2|\n", "来源:本站\n", "\n\n来源:本站", "正文\n时间:2020年1月1日\n正文",
        "标题:2020年报告\n\n\n分类:|x|", "", ":", "无冒号的行\n另一行"})
    CHECK(fields(src) == fields_line_by_line(src));
  namespace fs = std::filesystem;
  std::vector<fs::path> dirs = {test::source_dir() / "examples", test::source_dir() / "tests/fixtures"};
  if (test::have_shared_corpus()) dirs.push_back(test::shared_dir() / "corpus");
  test::note_shared_corpus();
  for (const fs::path& dir : dirs)
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (e.path().extension() != ".txt") continue;
      const std::string src = test::read_file(e.path());
      if (!utf8::is_valid(src) || src.find('\r') != std::string::npos) continue;
      CAPTURE(e.path().string());
      CHECK(fields(src) == fields_line_by_line(src));
    }
}

TEST_CASE("count_any_of agrees with a plain count, count_non_blank with is_blank") {
  std::mt19937 random(13);
  const std::u32string alphabet = U" \t\u00A0\u3000文a\U00013000";
  for (int round = 0; round < 2000; ++round) {
    const std::u32string text = test::random_text(random, alphabet, 40);
    const auto plain = static_cast<std::uint32_t>(std::count_if(text.begin(), text.end(), [](char32_t c) { return !is_blank(c); }));
    REQUIRE(count_non_blank(text) == plain);
    REQUIRE(count_any_of(text, U"文a") == static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char32_t c) { return c == U'文' || c == U'a'; })));
  }
  test::note_shared_corpus();
  for (const std::u32string& line : test::folded_lines())
    REQUIRE(count_non_blank(line) ==
            static_cast<std::uint32_t>(std::count_if(line.begin(), line.end(), [](char32_t c) { return !is_blank(c); })));
}
