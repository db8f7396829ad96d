// read_pdf over the generated fixtures in tests/fixtures/pdf/ (tools/make_pdf_fixture.py):
// a fictional one-page 2023 report, the same report over two pages with a running header and
// "第 N 页 共 2 页" footers, that report locked with a user password, a page with no text, and
// the one-page report with its fonts' Unicode maps disabled.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "support/split_lines.h"

#include "ingest/pdf_reader.h"
#include "support/run.h"
#include "util/utf8.h"

namespace {

using nblint::PdfError;
using nblint::PdfText;
using nblint::read_pdf;

std::string fixture(const char* name) {
  return nblint::test::read_file(nblint::test::source_dir() / "tests" / "fixtures" / "pdf" / name);
}

using nblint::test::split_lines;

struct Extracted {
  PdfText pdf;
  std::vector<std::string> lines;
};

Extracted extract(const char* name) {
  const std::string bytes = fixture(name);
  REQUIRE(bytes.size() > 1000);
  auto r = read_pdf(bytes);
  if (auto* e = std::get_if<PdfError>(&r)) FAIL("read_pdf failed: " << e->detail);
  Extracted x{std::get<PdfText>(std::move(r)), {}};
  x.lines = split_lines(x.pdf.text);
  return x;
}

// Index of the first line equal to `line`, or -1.
int find_line(const std::vector<std::string>& lines, const std::string& line) {
  const auto it = std::find(lines.begin(), lines.end(), line);
  return it == lines.end() ? -1 : static_cast<int>(it - lines.begin());
}
int find_containing(const std::vector<std::string>& lines, const std::string& part) {
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].find(part) != std::string::npos) return static_cast<int>(i);
  return -1;
}

void check_invariants(const PdfText& t) {
  REQUIRE(nblint::utf8::is_valid(t.text));
  CHECK(t.text.find('\t') == std::string::npos);
  CHECK(t.text.find('\r') == std::string::npos);
  const auto lines = split_lines(t.text);
  REQUIRE(t.lines.size() == lines.size());
  REQUIRE(t.line_on_page.size() == lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CHECK(!lines[i].empty());
    CHECK(t.lines[i].kind == nblint::LineLocation::Kind::Paragraph);
    CHECK(t.lines[i].paragraph >= 1);
    CHECK(t.line_on_page[i] >= 1);
    if (i > 0) {  // pages in order, lines in order within a page
      CHECK(t.lines[i].paragraph >= t.lines[i - 1].paragraph);
      if (t.lines[i].paragraph == t.lines[i - 1].paragraph) CHECK(t.line_on_page[i] > t.line_on_page[i - 1]);
    }
  }
}

const std::vector<std::string> kSixHeadings = {
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
};

}  // namespace

TEST_CASE("pdf: one-page report gives the title, the period sentence and the six headings in order") {
  const Extracted x = extract("qingshan-2023.pdf");
  check_invariants(x.pdf);
  CHECK(x.lines.front() == "青山县交通运输局2023年政府信息公开工作年度报告");
  const int period = find_containing(x.lines, "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。");
  CHECK(period == 1);
  int last = -1;
  for (const std::string& h : kSixHeadings) {
    const int at = find_line(x.lines, h);
    INFO(h);
    CHECK(at > last);
    last = at;
  }
  for (const char* sub : {"（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）平台建设", "（五）监督保障"})
    CHECK(find_line(x.lines, sub) > find_line(x.lines, "一、总体情况"));
}

TEST_CASE("pdf: wrapped paragraph lines are joined, headings are not") {
  const Extracted x = extract("qingshan-2023.pdf");
  // The opening paragraph wraps over five lines; the fourth ends with "止。" and the fifth
  // starts at the left edge of a document that indents first lines: one paragraph.
  const int intro = find_containing(x.lines, "本报告依据《中华人民共和国政府信息公开条例》");
  REQUIRE(intro >= 0);
  CHECK(x.lines[intro].find("由青山县交通运输局办公室汇总编制") != std::string::npos);
  CHECK(x.lines[intro].find("统计期限自2023年1月1日起至2023年12月31日止。对本报告如有疑问") != std::string::npos);
  CHECK(x.lines[intro].ends_with("（地址：青山县城南路18号）。"));
  // A line wrapped before a comma ("…予以公开7件" / "，部分公开2件…").
  CHECK(find_containing(x.lines, "其中予以公开7件，部分公开2件，本机关不掌握") >= 0);
  // A numbered item that wraps is one line; the next item is not glued to it.
  const int item = find_line(x.lines, "1.部分业务科室对主动公开的范围把握不准，农村公路项目进度信息更新偏慢。"
                                      "下一步将按季度梳理公开清单，明确每条信息的责任科室和更新时限。");
  CHECK(item >= 0);
  CHECK(find_line(x.lines, "2.政策解读以文字为主，群众阅读不便。2024年将增加图表解读和短视频解读的比例。") == item + 1);
  // Every heading stays a line of its own and the paragraph after it is separate.
  const int h = find_line(x.lines, "（四）平台建设");
  REQUIRE(h >= 0);
  CHECK(x.lines[h + 1].starts_with("完成专栏栏目调整"));
  CHECK(x.lines[h + 1].ends_with("未出现错链、断链问题。"));
  // No continuation fragment is left on a line of its own.
  CHECK(find_containing(x.lines, "公开情况以外的其他事项。") == find_line(x.lines, "六、其他需要报告的事项") + 1);
}

TEST_CASE("pdf: table rows keep their cells on one line, separated by ' | '") {
  const Extracted x = extract("qingshan-2023.pdf");
  const int caption = find_line(x.lines, "第二十条第（一）项");
  REQUIRE(caption > find_line(x.lines, "二、主动公开政府信息情况"));
  CHECK(x.lines[caption + 1] == "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数");
  CHECK(x.lines[caption + 2] == "规章 | 0 | 0 | 0");
  CHECK(x.lines[caption + 3] == "行政规范性文件 | 2 | 1 | 14");
  CHECK(find_line(x.lines, "行政许可 | 1826") > caption);
}

TEST_CASE("pdf: page numbers are dropped and lines carry their page and line on the page") {
  const Extracted x = extract("qingshan-2023.pdf");
  for (const std::string& l : x.lines) {
    CHECK(l != "- 1 -");
    CHECK(l != "-1-");
    CHECK(l != "1");
  }
  CHECK(x.lines.back().ends_with("其他事项。"));
  for (const auto& loc : x.pdf.lines) CHECK(loc.paragraph == 1);
  CHECK(x.pdf.line_on_page.front() == 1);                                         // the title
  CHECK(x.pdf.line_on_page[1] == 2);                                              // the intro starts on line 2
  CHECK(x.pdf.line_on_page[find_line(x.lines, "一、总体情况")] == 7);            // after 5 intro lines
  CHECK(x.pdf.line_on_page[find_line(x.lines, "（一）主动公开")] == 10);
}

TEST_CASE("pdf: two-page report: page 2 lines, a paragraph across the break, header and footer dropped") {
  const Extracted x = extract("qingshan-2023-2p.pdf");
  check_invariants(x.pdf);
  // The running header (on both pages) and "第 1 页 共 2 页" are gone; the title comes first.
  CHECK(x.lines.front() == "青山县交通运输局2023年政府信息公开工作年度报告");
  CHECK(x.pdf.line_on_page.front() == 2);  // line 1 of page 1 is the running header
  CHECK(find_line(x.lines, "青山县交通运输局政府信息公开工作年度报告") == -1);
  CHECK(find_containing(x.lines, "共2页") == -1);
  CHECK(find_containing(x.lines, "共 2 页") == -1);
  int last = -1;
  for (const std::string& h : kSixHeadings) {
    const int at = find_line(x.lines, h);
    INFO(h);
    CHECK(at > last);
    last = at;
  }
  const int two = find_line(x.lines, "二、主动公开政府信息情况");
  REQUIRE(two > 0);
  CHECK(x.pdf.lines[two].paragraph == 2);
  // Page 2: line 1 the running header, line 2 the end of the paragraph carried over from page 1.
  CHECK(x.pdf.line_on_page[two] == 3);
  CHECK(x.pdf.lines[find_line(x.lines, "六、其他需要报告的事项")].paragraph == 2);
  CHECK(x.pdf.lines[find_line(x.lines, "一、总体情况")].paragraph == 1);
  // "…专门负责，把政" ends page 1, "务公开纳入科室年度考核…" starts page 2: one line, on page 1.
  const int split = find_containing(x.lines, "把政务公开纳入科室年度考核，全年组织业务培训2次");
  REQUIRE(split >= 0);
  CHECK(x.pdf.lines[split].paragraph == 1);
  CHECK(x.lines[split].starts_with("调整政务公开工作领导小组"));
  CHECK(x.lines[split + 1] == "二、主动公开政府信息情况");
  std::size_t on_page_2 = 0;
  for (const auto& loc : x.pdf.lines) on_page_2 += loc.paragraph == 2;
  CHECK(on_page_2 >= 10);
}

TEST_CASE("pdf: a password-protected PDF is Encrypted") {
  const std::string bytes = fixture("qingshan-2023-locked.pdf");
  REQUIRE(bytes.starts_with("%PDF-"));
  auto r = read_pdf(bytes);
  REQUIRE(std::holds_alternative<PdfError>(r));
  CHECK(std::get<PdfError>(r).kind == PdfError::Kind::Encrypted);
  CHECK(std::get<PdfError>(r).detail.find("password") != std::string::npos);
}

TEST_CASE("pdf: a page without text is NoText and says it needs OCR") {
  auto r = read_pdf(fixture("scanned.pdf"));
  REQUIRE(std::holds_alternative<PdfError>(r));
  CHECK(std::get<PdfError>(r).kind == PdfError::Kind::NoText);
  CHECK(std::get<PdfError>(r).detail.find("scanned") != std::string::npos);
  CHECK(std::get<PdfError>(r).detail.find("OCR") != std::string::npos);
}

TEST_CASE("pdf: text that does not decode to Chinese (fonts without a Unicode map) is NoText") {
  auto r = read_pdf(fixture("garbled.pdf"));
  REQUIRE(std::holds_alternative<PdfError>(r));
  CHECK(std::get<PdfError>(r).kind == PdfError::Kind::NoText);
  CHECK(std::get<PdfError>(r).detail.find("Unicode mapping") != std::string::npos);
}

TEST_CASE("pdf: bytes that are not a PDF are Damaged") {
  std::mt19937 rng(20240117);
  std::string random(4096, '\0');
  for (char& c : random) c = static_cast<char>(rng() & 0xFF);
  const std::string pdf = fixture("qingshan-2023.pdf");
  for (const std::string& bytes : {std::string(), random, std::string("%PDF-1.4\n"), std::string("%PDF-1.7\n%%EOF\n"),
                                   std::string("一、总体情况\n本年度……\n"), pdf.substr(0, 600)}) {
    auto r = read_pdf(bytes);
    REQUIRE(std::holds_alternative<PdfError>(r));
    CHECK(std::get<PdfError>(r).kind == PdfError::Kind::Damaged);
    CHECK(!std::get<PdfError>(r).detail.empty());
  }
}

TEST_CASE("pdf: mutated fixtures never crash and any text they give is well-formed") {
  const std::string one = fixture("qingshan-2023.pdf"), two = fixture("qingshan-2023-2p.pdf");
  REQUIRE(!one.empty());
  std::mt19937 rng(3);
  int texts = 0, errors = 0;
  for (int n = 0; n < 300; ++n) {
    std::string b = n % 2 ? one : two;
    const auto pos = [&] { return static_cast<std::size_t>(rng() % b.size()); };
    switch (n % 5) {
      case 0:  // a few random bytes
        for (int k = 0; k < 1 + static_cast<int>(rng() % 8); ++k) b[pos()] = static_cast<char>(rng() & 0xFF);
        break;
      case 1:  // truncated
        b.resize(pos());
        break;
      case 2: {  // a range deleted
        const std::size_t p = pos();
        b.erase(p, std::min<std::size_t>(rng() % 2000, b.size() - p));
        break;
      }
      case 3: {  // a range copied elsewhere
        const std::size_t p = pos(), q = pos();
        b.insert(q, b.substr(p, rng() % 500));
        break;
      }
      default:  // digits changed (offsets, lengths, object numbers)
        for (int k = 0; k < 20; ++k) {
          const std::size_t p = pos();
          if (b[p] >= '0' && b[p] <= '9') b[p] = static_cast<char>('0' + rng() % 10);
        }
    }
    auto r = read_pdf(b);
    if (auto* t = std::get_if<PdfText>(&r)) {
      ++texts;
      check_invariants(*t);
    } else {
      ++errors;
      CHECK(!std::get<PdfError>(r).detail.empty());
    }
  }
  MESSAGE("mutations: " << texts << " gave text, " << errors << " gave an error");
  CHECK(texts + errors == 300);
}
