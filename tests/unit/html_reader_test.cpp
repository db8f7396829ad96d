// The HTML reader: text lines, positions in the HTML source, tables as grids.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <vector>

#include "support/split_lines.h"

#include "ingest/html_reader.h"
#include "support/run.h"

using nblint::ExtractedCell;
using nblint::ExtractedTable;
using nblint::HtmlText;
using nblint::read_html;

namespace {

// Lines of extracted content; empty content has none.
std::vector<std::string> lines_of(const std::string& s) {
  return s.empty() ? std::vector<std::string>() : nblint::test::split_lines(s);
}

// The invariants every result must keep, whatever the input.
void check_invariants(const std::string& html, const HtmlText& t) {
  REQUIRE(t.origin.size() == t.content.size() + 1);
  CHECK(t.origin.back() == html.size());
  CHECK(std::is_sorted(t.origin.begin(), t.origin.end()));
  for (const ExtractedTable& tb : t.tables) {
    REQUIRE(tb.cells.size() == static_cast<std::size_t>(tb.rows) * tb.columns);
    CHECK(tb.cells.size() <= 100000);
    CHECK(tb.columns <= 1000);
    bool ok = true;
    for (std::size_t i = 0; i < tb.cells.size(); ++i) {
      const ExtractedCell& c = tb.cells[i];
      ok = ok && c.row == i / tb.columns && c.column == i % tb.columns && c.span.begin <= c.span.end &&
           c.span.end <= html.size() && (!c.continuation || c.text.empty());
    }
    CHECK(ok);
  }
}

const ExtractedCell& cell(const ExtractedTable& t, std::uint32_t r, std::uint32_t c) {
  REQUIRE(r < t.rows);
  REQUIRE(c < t.columns);
  return t.cells[static_cast<std::size_t>(r) * t.columns + c];
}

std::string_view source_of(const std::string& html, const ExtractedCell& c) {
  return std::string_view(html).substr(c.span.begin, c.span.end - c.span.begin);
}

const std::string kPage = R"(<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>白石镇人民政府2022年政府信息公开工作年度报告</title>
<script>var tip = "<p>一、不应出现的文字</p>";</script>
</head>
<body>
<header><a href="/">白石镇人民政府门户网站</a></header>
<nav class="crumbs"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 年度报告</nav>
<h1>白石镇人民政府2022年政府信息公开工作年度报告</h1>
<!-- nblint-disable structure/section-order -->
<p>本报告由白石镇党政办公室编制&amp;发布。</p>
<h2>一、总体情况</h2>
<p>2022年，我镇&nbsp;扎实推进政务公开&#x4E2D;心工作，<br>全年主动公开信息120条。</p>
<div style="display: none">隐藏的文字</div>
<p hidden>也是隐藏的</p>
<p>（一）主动公开</p>
<table border="1">
<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">（一）予以公开</td><td>9</td><td>2</td><td>0</td><td>0</td><td>1</td><td>0</td><td>12</td></tr>
</table>
<script>document.write("<h2>二、也不应出现</h2>");</script>
<footer>版权所有：白石镇人民政府</footer>
</body>
</html>
)";

}  // namespace

TEST_CASE("html: a report page becomes lines of text") {
  const HtmlText t = read_html(kPage);
  check_invariants(kPage, t);
  const std::vector<std::string> expected = {
      "白石镇人民政府2022年政府信息公开工作年度报告",
      "<!-- nblint-disable structure/section-order -->",
      "本报告由白石镇党政办公室编制&发布。",
      "一、总体情况",
      "2022年，我镇\u00A0扎实推进政务公开中心工作，",
      "全年主动公开信息120条。",
      "（一）主动公开",
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况",
      "自然人 | 法人或其他组织 | 总计",
      "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他",
      "（一）予以公开 | 9 | 2 | 0 | 0 | 1 | 0 | 12",
  };
  CHECK(lines_of(t.content) == expected);
}

TEST_CASE("html: origin maps text back to the HTML source") {
  const HtmlText t = read_html(kPage);
  check_invariants(kPage, t);
  const auto origin_of = [&](const std::string& needle) {
    const std::size_t at = t.content.find(needle);
    REQUIRE(at != std::string::npos);
    return t.origin[at];
  };
  // Heading text (in <h2> and in <h1>): the byte offset of that text in the HTML.
  CHECK(origin_of("一、总体情况") == kPage.find("一、总体情况"));
  CHECK(origin_of("白石镇人民政府2022年政府信息公开工作年度报告") ==
        kPage.find("白石镇人民政府2022年政府信息公开工作年度报告", kPage.find("<h1>")));
  CHECK(origin_of("（一）主动公开") == kPage.find("（一）主动公开"));
  // Entities map every decoded byte to their '&'; the text after them is back in step.
  CHECK(origin_of("&发布") == kPage.find("&amp;"));
  CHECK(origin_of("发布。") == kPage.find("发布。"));
  const std::size_t nbsp = t.content.find("\u00A0");
  CHECK(t.origin[nbsp] == kPage.find("&nbsp;"));
  CHECK(t.origin[nbsp + 1] == kPage.find("&nbsp;"));
  CHECK(origin_of("中心工作") == kPage.find("&#x4E2D;"));
  CHECK(origin_of("心工作") == kPage.find("心工作"));
  // The comment points at the comment; the line break from <br> at the <br>.
  CHECK(origin_of("<!-- nblint") == kPage.find("<!--"));
  CHECK(origin_of("\n全年") == kPage.find("<br>"));
  // Table rows: cell text at its source, separators at the next cell's start tag.
  CHECK(origin_of("（一）予以公开 |") == kPage.find("（一）予以公开"));
  const std::size_t sep = t.content.find(" | 9 |");
  CHECK(t.origin[sep] == kPage.find("<td>9</td>"));
  CHECK(t.origin[t.content.find(" | 12") + 3] == kPage.find("12</td>"));
}

TEST_CASE("html: a table with rowspan and colspan becomes a full grid") {
  const HtmlText t = read_html(kPage);
  check_invariants(kPage, t);
  REQUIRE(t.tables.size() == 1);
  const ExtractedTable& tb = t.tables[0];
  CHECK(tb.rows == 4);
  CHECK(tb.columns == 10);
  const std::string_view whole = std::string_view(kPage).substr(tb.span.begin, tb.span.end - tb.span.begin);
  CHECK(whole.substr(0, 18) == "<table border=\"1\">");
  CHECK(whole.substr(whole.size() - 8) == "</table>");

  const ExtractedCell& head = cell(tb, 0, 0);
  CHECK_FALSE(head.continuation);
  CHECK(head.row_span == 3);
  CHECK(head.col_span == 3);
  CHECK(head.text == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
  CHECK(source_of(kPage, head) == head.text);
  for (std::uint32_t r = 0; r < 3; ++r) {
    for (std::uint32_t c = 0; c < 3; ++c) {
      if (r == 0 && c == 0) continue;
      const ExtractedCell& k = cell(tb, r, c);
      CHECK(k.continuation);
      CHECK(k.text.empty());
      CHECK(k.span.begin == head.span.begin);
      CHECK(k.span.end == head.span.end);
    }
  }
  const ExtractedCell& applicant = cell(tb, 0, 3);
  CHECK(applicant.text == "申请人情况");
  CHECK(applicant.col_span == 7);
  CHECK(source_of(kPage, applicant) == "申请人情况");
  for (std::uint32_t c = 4; c < 10; ++c) CHECK(cell(tb, 0, c).continuation);

  CHECK(cell(tb, 1, 3).text == "自然人");
  CHECK(cell(tb, 1, 3).row_span == 2);
  CHECK(cell(tb, 2, 3).continuation);
  const ExtractedCell& org = cell(tb, 1, 4);
  CHECK(org.text == "法人或其他组织");
  CHECK(org.col_span == 5);
  CHECK(source_of(kPage, org) == "法人或其他组织");
  for (std::uint32_t c = 5; c < 9; ++c) CHECK(cell(tb, 1, c).continuation);
  CHECK(cell(tb, 1, 9).text == "总计");
  CHECK(cell(tb, 2, 9).continuation);

  const char* sub[] = {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};
  for (std::uint32_t c = 0; c < 5; ++c) {
    CHECK(cell(tb, 2, 4 + c).text == sub[c]);
    CHECK_FALSE(cell(tb, 2, 4 + c).continuation);
    CHECK(source_of(kPage, cell(tb, 2, 4 + c)) == sub[c]);
  }
  CHECK(cell(tb, 3, 0).text == "（一）予以公开");
  CHECK(cell(tb, 3, 1).continuation);
  CHECK(cell(tb, 3, 3).text == "9");
  CHECK(cell(tb, 3, 3).span.begin == kPage.find("9</td>"));
  CHECK(cell(tb, 3, 9).text == "12");
  CHECK(source_of(kPage, cell(tb, 3, 9)) == "12");
}

TEST_CASE("html: a complete fmt2021 report page keeps its six sections on lines of their own") {
  const std::string html = nblint::test::read_file(nblint::test::source_dir() / "tests/fixtures/html/fmt2021-page.html");
  REQUIRE_FALSE(html.empty());
  const HtmlText t = read_html(html);
  check_invariants(html, t);
  const std::vector<std::string> lines = lines_of(t.content);
  const char* headings[] = {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                            "六、其他需要报告的事项"};
  std::size_t previous = 0;
  for (const char* h : headings) {
    CAPTURE(h);
    const auto it = std::find(lines.begin(), lines.end(), h);
    REQUIRE(it != lines.end());
    const auto index = static_cast<std::size_t>(it - lines.begin());
    CHECK(index > previous);
    previous = index;
    const std::size_t at = t.content.find(std::string("\n") + h) + 1;
    CHECK(t.origin[at] == html.find(std::string(h) + "</"));
  }
  CHECK(lines[1] == "当前位置：首页 > 政务公开 > 政府信息公开年报");  // web chrome is kept for the parser
  CHECK(std::find(lines.begin(), lines.end(), "碧水县农业农村局2023年政府信息公开工作年度报告") != lines.end());
  // Skipped: head, scripts, the site header with its search form, nav, aside, footer, display:none.
  for (const char* gone : {"请输入关键字", "搜索", "互动交流", "相关链接", "备案号", "扫码查看", "getElementById", "_碧水县人民政府"})
    CHECK(t.content.find(gone) == std::string::npos);
  // Three statistics tables, as real grids.
  REQUIRE(t.tables.size() == 3);
  CHECK(t.tables[0].rows == 14);
  CHECK(t.tables[0].columns == 4);
  CHECK(t.tables[1].rows == 28);
  CHECK(t.tables[1].columns == 10);
  CHECK(t.tables[2].rows == 4);
  CHECK(t.tables[2].columns == 15);
  const ExtractedTable& apply = t.tables[1];
  CHECK(cell(apply, 5, 0).text == "三、本年度办理结果");
  CHECK(cell(apply, 5, 0).row_span == 22);
  CHECK(cell(apply, 26, 0).continuation);
  CHECK(cell(apply, 7, 1).text == "（三）不予公开");
  CHECK(cell(apply, 7, 1).row_span == 8);
  CHECK(cell(apply, 7, 2).text == "1.属于国家秘密");
  CHECK(cell(apply, 27, 9).text == "1");
  CHECK(cell(apply, 0, 0).text == "（本列数据的勾稽关系为：第一项加第二项之和， 等于第三项加第四项之和）");
  CHECK(std::find(lines.begin(), lines.end(), "三、本年度办理结果 | （一）予以公开 | 6 | 1 | 0 | 0 | 1 | 0 | 8") != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0") != lines.end());
  // A source line break inside Chinese text does not become a space.
  CHECK(t.content.find("编制，由总体情况") != std::string::npos);
}

TEST_CASE("html: odd rowspan and colspan values, short rows and the grid caps") {
  SUBCASE("zero, negative, garbage and huge spans") {
    const std::string html =
        "<table><tbody>"
        "<tr><td colspan=0>a</td><td colspan=-3>b</td><td colspan=x>c</td><td rowspan=0>d</td></tr>"
        "<tr><td rowspan=-1>e</td><td rowspan=99999999>f</td></tr>"
        "<tr><td>g</td></tr>"
        "</tbody><tbody><tr><td>h</td><td>i</td><td>j</td><td>k</td></tr></tbody></table>";
    const HtmlText t = read_html(html);
    check_invariants(html, t);
    REQUIRE(t.tables.size() == 1);
    const ExtractedTable& tb = t.tables[0];
    CHECK(tb.rows == 4);
    CHECK(tb.columns == 4);
    CHECK(cell(tb, 0, 0).text == "a");
    CHECK(cell(tb, 0, 0).col_span == 1);
    CHECK(cell(tb, 0, 1).text == "b");
    CHECK(cell(tb, 0, 2).text == "c");
    CHECK(cell(tb, 0, 3).text == "d");
    CHECK(cell(tb, 0, 3).row_span == 3);  // rowspan=0: to the end of its row group
    CHECK(cell(tb, 1, 3).continuation);
    CHECK(cell(tb, 2, 3).continuation);
    CHECK(cell(tb, 1, 0).text == "e");
    CHECK(cell(tb, 1, 0).row_span == 1);
    CHECK(cell(tb, 1, 1).text == "f");
    CHECK(cell(tb, 1, 1).row_span == 2);  // clamped to the rows left in the group
    CHECK(cell(tb, 2, 1).continuation);
    CHECK(cell(tb, 2, 0).text == "g");
    CHECK(cell(tb, 1, 2).text.empty());  // padding
    CHECK_FALSE(cell(tb, 1, 2).continuation);
    CHECK(cell(tb, 2, 2).text.empty());
    CHECK(cell(tb, 3, 3).text == "k");  // the next row group is not covered by d
    CHECK(lines_of(t.content) == std::vector<std::string>{"a | b | c | d", "e | f", "g", "h | i | j | k"});
  }
  SUBCASE("colspan beyond 1000 columns") {
    const std::string html = "<table><tr><td colspan=100000>wide</td><td>next</td></tr><tr><td>x</td></tr></table>";
    const HtmlText t = read_html(html);
    check_invariants(html, t);
    REQUIRE(t.tables.size() == 1);
    CHECK(t.tables[0].columns == 1000);
    CHECK(cell(t.tables[0], 0, 0).col_span == 1000);
    CHECK(cell(t.tables[0], 1, 0).text == "x");
    CHECK(lines_of(t.content)[0] == "wide | next");  // "next" is outside the grid, not outside the text
  }
  SUBCASE("100,000 grid slots per table") {
    std::string html = "<table>";
    for (int r = 0; r < 2000; ++r) {
      html += "<tr>";
      for (int c = 0; c < 100; ++c) html += "<td>" + std::to_string(c) + "</td>";
      html += "</tr>";
    }
    html += "</table>";
    const HtmlText t = read_html(html);
    check_invariants(html, t);
    REQUIRE(t.tables.size() == 1);
    CHECK(t.tables[0].columns == 100);
    CHECK(t.tables[0].rows == 1000);
    CHECK(lines_of(t.content).size() == 2000);  // every row is still a line
  }
}

TEST_CASE("html: cell spans cover entities, empty cells point at their start tag") {
  const std::string html = "<table><tr><td> A&amp;B </td><td>&nbsp;</td><td></td><td>x<br>y</td></tr></table>";
  const HtmlText t = read_html(html);
  check_invariants(html, t);
  REQUIRE(t.tables.size() == 1);
  const ExtractedTable& tb = t.tables[0];
  CHECK(cell(tb, 0, 0).text == "A&B");
  CHECK(source_of(html, cell(tb, 0, 0)) == "A&amp;B");
  CHECK(cell(tb, 0, 1).text.empty());
  CHECK(cell(tb, 0, 1).span.begin == html.find("<td>&nbsp;"));
  CHECK(cell(tb, 0, 1).span.empty());
  CHECK(cell(tb, 0, 2).span.begin == html.find("<td></td>"));
  CHECK(cell(tb, 0, 3).text == "x y");
  CHECK(source_of(html, cell(tb, 0, 3)) == "x<br>y");
  CHECK(t.content == "A&B |  |  | x y");
}

TEST_CASE("html: nested tables, layout tables and comments in rows") {
  SUBCASE("a table nested in a data cell follows the outer row") {
    const std::string html =
        "<table><tr><td>外表</td><td>左<table><tr><td>内1</td><td>内2</td></tr></table></td></tr>"
        "<tr><td>第二行</td><td>2</td></tr></table>";
    const HtmlText t = read_html(html);
    check_invariants(html, t);
    REQUIRE(t.tables.size() == 2);
    CHECK(t.tables[0].rows == 2);  // the outer table first (start-tag order)
    CHECK(cell(t.tables[0], 0, 1).text == "左");
    CHECK(cell(t.tables[1], 0, 1).text == "内2");
    CHECK(lines_of(t.content) == std::vector<std::string>{"外表 | 左", "内1 | 内2", "第二行 | 2"});
  }
  SUBCASE("a layout table is read as blocks and not listed") {
    std::string html = "<table width=960><tr><td class=left>栏目导航</td><td><h2>一、总体情况</h2><p>";
    for (int i = 0; i < 10; ++i) html += "本年度工作情况说明，";
    html += "</p><p>二、主动公开政府信息情况</p><table border=1><tr><td>规章</td><td>0</td></tr></table></td></tr></table>";
    const HtmlText t = read_html(html);
    check_invariants(html, t);
    REQUIRE(t.tables.size() == 1);
    CHECK(t.tables[0].columns == 2);
    const std::vector<std::string> lines = lines_of(t.content);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "栏目导航");
    CHECK(lines[1] == "一、总体情况");
    CHECK(lines[3] == "二、主动公开政府信息情况");
    CHECK(lines[4] == "规章 | 0");
  }
  SUBCASE("comments inside a row come after it, with their own position") {
    const std::string html = "<table><tr><td>a</td><!-- 第二列 --><td>b</td></tr><!-- between\nrows --><tr><td>c</td></tr></table>";
    const HtmlText t = read_html(html);
    check_invariants(html, t);
    CHECK(lines_of(t.content) == std::vector<std::string>{"a | b", "<!-- 第二列 -->", "<!-- between rows -->", "c"});
    CHECK(t.origin[t.content.find("<!-- b")] == html.find("<!-- b"));
  }
}

TEST_CASE("html: furniture is skipped, report containers are not") {
  const std::string html =
      "<body><div class=top><form class=search><span>站内搜索</span><input name=q><button>搜索</button></form></div>"
      "<form id=form1 action=Detail.aspx><input type=hidden name=__VIEWSTATE value=x>"
      "<article><header><h1>某局2023年政府信息公开工作年度报告</h1><p>发布日期：2024-01-10</p></header>"
      "<p>一、总体情况</p></article><aside>热点</aside><footer>网站地图</footer>"
      "<select><option>部门网站</option></select><noscript>请启用脚本</noscript><template><p>模板</p></template>"
      "<iframe src=x>框架</iframe><svg><text>图</text></svg></form></body>";
  const HtmlText t = read_html(html);
  check_invariants(html, t);
  CHECK(lines_of(t.content) ==
        std::vector<std::string>{"某局2023年政府信息公开工作年度报告", "发布日期：2024-01-10", "一、总体情况"});
}

TEST_CASE("html: pre keeps its lines, whitespace collapses elsewhere") {
  const std::string html = "<p>  a \t b\n\n c  </p><pre>\n  一、总体情况\n\n    x  y\r\n</pre><p>中文\n  文字 和 English\nwords</p>";
  const HtmlText t = read_html(html);
  check_invariants(html, t);
  CHECK(lines_of(t.content) == std::vector<std::string>{"a b c", "  一、总体情况", "    x  y", "中文文字 和 English words"});
  CHECK(t.origin[t.content.find("一、")] == html.find("一、"));
}

TEST_CASE("html: misnested markup stays in order") {
  // "junk" is foster-parented before the table by the tree builder, though it comes later.
  const std::string html = "<table><tr><td>A</td>junk<td>B</td></tr></table><p>x&notit; y&ampz</p>";
  const HtmlText t = read_html(html);
  check_invariants(html, t);
  CHECK(lines_of(t.content) == std::vector<std::string>{"junk", "A | B", "x\u00ACit; y&z"});
  CHECK(t.origin[t.content.find("it;")] == html.find("it;"));
  CHECK(t.origin[t.content.find("z")] == html.find("z<"));
}

TEST_CASE("html: a page nested 100,000 elements deep") {
  for (const char* open : {"<div>", "<span>", "<ul><li>", "<table><tr><td>", "<a><div>", "<b><p>"}) {
    CAPTURE(open);
    std::string html = "<html><body>";
    for (int i = 0; i < 100000; ++i) html += open;
    html += "最深处";
    const auto t0 = std::chrono::steady_clock::now();
    const HtmlText t = read_html(html);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    check_invariants(html, t);
    CHECK(t.content.find("最深处") != std::string::npos);
    CHECK(seconds < 20.0);
  }
}

TEST_CASE("html: random bytes and tag soup never break the invariants") {
  std::mt19937 rng(20240611);
  const char* pieces[] = {"<table>", "<tr>", "<td rowspan=3>", "<td colspan=0>", "</td>", "</tr>", "</table>",
                          "<p>", "</p>", "<div hidden>", "</div>", "<pre>", "&amp;", "&#x4E2D;", "&nbsp", "&",
                          "<!--", "-->", "<script>", "</script>", "\r\n", "一、总体情况", " ", "<br>", "<b>", "</i>",
                          "<svg>", "<![CDATA[", "]]>", "<caption>", "\xff", "\xe4\xb8", "<", ">", "\"", "<li>"};
  for (int round = 0; round < 200; ++round) {
    std::string html;
    const int n = static_cast<int>(rng() % 400);
    if (round % 2 == 0) {
      for (int i = 0; i < n * 4; ++i) html += static_cast<char>(rng() & 0xFF);
    } else {
      for (int i = 0; i < n; ++i) html += pieces[rng() % (sizeof pieces / sizeof *pieces)];
    }
    CAPTURE(round);
    const HtmlText t = read_html(html);
    check_invariants(html, t);
  }
  const HtmlText empty = read_html("");
  CHECK(empty.content.empty());
  CHECK(empty.origin == std::vector<std::uint32_t>{0});
}

TEST_CASE("html: deep structure is cut without touching the text") {
  // Past the nesting cap start tags are neutralised, not blanked: no spaces appear in the text.
  std::string html = "<body>";
  for (int i = 0; i < 3000; ++i) html += "<span class=\"c\">字";
  const HtmlText t = read_html(html);
  check_invariants(html, t);
  std::string expected;
  for (int i = 0; i < 3000; ++i) expected += "字";
  CHECK(t.content == expected);
  CHECK(t.origin[3 * 2999] == html.rfind("字"));
}

TEST_CASE("html: formatting elements cannot make the tree explode") {
  // Unclosed formatting elements with distinct attributes are re-created by the HTML tree
  // builder in every later paragraph; gumbo alone runs out of memory on this page.
  std::string html;
  for (int i = 0; i < 30000; ++i) html += "<p><font color=\"#" + std::to_string(i) + "\">第" + std::to_string(i) + "段</p>";
  const HtmlText t = read_html(html);
  check_invariants(html, t);
  const std::vector<std::string> lines = lines_of(t.content);
  REQUIRE(lines.size() == 30000);
  CHECK(lines[29999] == "第29999段");

  const std::string styled = "<p>中<b>文</b><font style=\"DISPLAY: none\">隐藏</font><a hidden href=x>链接</a>字</p>";
  const HtmlText s = read_html(styled);
  check_invariants(styled, s);
  CHECK(s.content == "中文字");
  CHECK(s.origin[3] == styled.find("文"));
}

TEST_CASE("html: an old page laid out with tables keeps its paragraphs as lines") {
  const std::string html =
      nblint::test::read_file(nblint::test::source_dir() / "tests/fixtures/html/reg2008-layout-page.html");
  REQUIRE_FALSE(html.empty());
  const HtmlText t = read_html(html);
  check_invariants(html, t);
  std::vector<std::string> lines;
  for (std::string l : lines_of(t.content)) {  // leading &nbsp; indentation stays in the text
    while (l.rfind("\u00A0", 0) == 0) l.erase(0, 2);
    lines.push_back(l);
  }
  const char* headings[] = {"一、概述", "二、主动公开政府信息的情况", "三、依申请公开政府信息和不予公开政府信息的情况",
                            "四、政府信息公开的收费及减免情况", "五、因政府信息公开申请行政复议、提起行政诉讼的情况",
                            "六、政府信息公开工作存在的主要问题及改进情况"};
  for (const char* h : headings) {
    CAPTURE(h);
    CHECK(std::find(lines.begin(), lines.end(), h) != lines.end());
  }
  CHECK(std::find(lines.begin(), lines.end(), "青石县统计局2012年政府信息公开工作年度报告") != lines.end());
  CHECK(std::find(lines.begin(), lines.end(), "统计分析 | 86") != lines.end());
  // The layout table holding the report is not a data table; the statistics table is.
  const auto stats = std::find_if(t.tables.begin(), t.tables.end(), [](const ExtractedTable& tb) { return tb.rows == 5; });
  REQUIRE(stats != t.tables.end());
  CHECK(stats->columns == 2);
  CHECK(cell(*stats, 3, 1).text == "86");
  for (const ExtractedTable& tb : t.tables)
    for (const ExtractedCell& c : tb.cells) CHECK(c.text.find("一、概述") == std::string::npos);
}
