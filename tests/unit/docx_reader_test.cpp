#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "support/split_lines.h"

#include "ingest/docx_reader.h"
#include "support/docx_writer.h"
#include "util/utf8.h"

using namespace nblint;
using namespace nblint::test;

namespace {

std::string_view at(const DocxText& d, Span s) { return std::string_view(d.text).substr(s.begin, s.end - s.begin); }

// The promises every successful read keeps, whatever the input.
void check_invariants(const DocxText& d) {
  REQUIRE(utf8::is_valid(d.text));
  CHECK(d.text.find('\r') == std::string::npos);
  CHECK(d.text.find('\t') == std::string::npos);
  const auto newlines = static_cast<std::size_t>(std::count(d.text.begin(), d.text.end(), '\n'));
  if (d.lines.empty()) {
    CHECK(d.text.empty());
  } else {
    CHECK(d.lines.size() == newlines + 1);
  }
  for (const ExtractedTable& t : d.tables) {
    CHECK(t.cells.size() == static_cast<std::size_t>(t.rows) * t.columns);
    CHECK(t.span.begin <= t.span.end);
    CHECK(t.span.end <= d.text.size());
    // Plain loops, one CHECK per table: tables can have 100,000 cells.
    std::size_t misplaced = 0, bad_span = 0, wrong_text = 0;
    const std::string_view text(d.text);
    for (std::size_t i = 0; i < t.cells.size(); ++i) {
      const ExtractedCell& c = t.cells[i];
      if (c.row != i / t.columns || c.column != i % t.columns) ++misplaced;
      if (c.span.begin > c.span.end || c.span.end > text.size()) {
        ++bad_span;
        continue;
      }
      if (c.continuation ? !c.text.empty() : text.substr(c.span.begin, c.span.end - c.span.begin) != c.text) {
        ++wrong_text;
      }
    }
    CHECK(misplaced == 0);
    CHECK(bad_span == 0);
    CHECK(wrong_text == 0);
  }
}

DocxText text_of(std::variant<DocxText, DocxError> r) {
  if (const auto* e = std::get_if<DocxError>(&r)) FAIL("read_docx failed: " << e->detail);
  DocxText d = std::move(std::get<DocxText>(r));
  check_invariants(d);
  return d;
}

// Synthetic, highly repetitive documents compress far better than real ones (5–15:1).
DocxLimits no_ratio() {
  DocxLimits l;
  l.max_compression_ratio = 0;
  return l;
}


DocxError::Kind error_kind(const std::variant<DocxText, DocxError>& r) {
  REQUIRE(std::holds_alternative<DocxError>(r));
  return std::get<DocxError>(r).kind;
}

std::string detail_of(const std::variant<DocxText, DocxError>& r) {
  REQUIRE(std::holds_alternative<DocxError>(r));
  return std::get<DocxError>(r).detail;
}

// A document.xml around raw body content.
std::string body_xml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
         "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
         "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
         "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
         "<w:body>" + body + "</w:body></w:document>";
}

std::string docx_with_body(const std::string& body) {
  DocxOptions o;
  o.document_xml = body_xml(body);
  return make_docx({}, o);
}

void put_le32(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

}  // namespace

TEST_CASE("docx: paragraphs become lines, the ordinal counts every body paragraph, empty ones too") {
  const std::string bytes = make_docx({
      para("青山县交通运输局2025年政府信息公开工作年度报告"),  // 1
      para(""),                                                  // 2: empty, no line
      heading("一、总体情况", 1),                                // 3
      para("　　2025年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。"),  // 4
      para("　　"),                                              // 5: only an ideographic space
      heading("（一）主动公开", 2),                              // 6
      para("全年主动公开政府信息1234条，其中A&B类<重点>信息56条。"),  // 7 (escaping)
  });
  const DocxText d = text_of(read_docx(bytes));
  const auto lines = split_lines(d.text);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0] == "青山县交通运输局2025年政府信息公开工作年度报告");
  CHECK(lines[1] == "一、总体情况");
  CHECK(lines[2] == "　　2025年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。");
  CHECK(lines[3] == "（一）主动公开");
  CHECK(lines[4] == "全年主动公开政府信息1234条，其中A&B类<重点>信息56条。");
  CHECK(d.text.back() != '\n');  // no trailing newline
  REQUIRE(d.lines.size() == 5);
  const std::uint32_t ordinals[] = {1, 3, 4, 6, 7};
  const int levels[] = {0, 1, 0, 2, 0};
  for (std::size_t i = 0; i < 5; ++i) {
    CAPTURE(i);
    CHECK(d.lines[i].kind == LineLocation::Kind::Paragraph);
    CHECK(d.lines[i].paragraph == ordinals[i]);
    CHECK(d.lines[i].outline_level == levels[i]);
    CHECK(d.lines[i].table == 0);
  }
  CHECK(d.tables.empty());
}

TEST_CASE("docx: an empty body gives empty text and no lines") {
  const DocxText d = text_of(read_docx(make_docx({para(""), para("")})));
  CHECK(d.text.empty());
  CHECK(d.lines.empty());
}

TEST_CASE("docx: heading levels from style ids resolved through styles.xml") {
  const std::string styles =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"heading 2\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"3\"><w:name w:val=\"Body Text\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"a5\"><w:name w:val=\"标题 3\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"MyHeading\"><w:name w:val=\"我的标题\"/>"
      "<w:basedOn w:val=\"1\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Outlined\"><w:name w:val=\"章节\"/>"
      "<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>"
      "<w:style w:type=\"character\" w:styleId=\"10\"><w:name w:val=\"标题 1 字符\"/></w:style>"
      "</w:styles>";
  auto styled = [](std::string text, std::string id) {
    DocxParagraph p{std::move(text)};
    p.style_id = std::move(id);
    return DocxBlock{p};
  };
  DocxOptions o;
  o.styles = false;  // no relationship to styles: the reader falls back to word/styles.xml
  o.extra_entries.push_back({"word/styles.xml", styles});
  const std::string bytes = make_docx(
      {
          styled("一、总体情况", "1"),
          styled("（一）主动公开", "2"),
          styled("正文", "a"),
          styled("“3”在这里是正文样式", "3"),
          styled("1.规章", "a5"),
          styled("二、主动公开政府信息情况", "MyHeading"),
          styled("三、收到和处理政府信息公开申请情况", "Outlined"),
          styled("四、未定义的 Heading4 样式", "Heading4"),
          styled("五、未定义的 9 样式", "9"),
          outline("六、其他需要报告的事项", 1),
      },
      o);
  const DocxText d = text_of(read_docx(bytes));
  REQUIRE(d.lines.size() == 10);
  const int expected[] = {1, 2, 0, 0, 3, 1, 2, 4, 9, 1};
  for (std::size_t i = 0; i < 10; ++i) {
    CAPTURE(i);
    CHECK(d.lines[i].outline_level == expected[i]);
  }
}

TEST_CASE("docx: heading levels without styles.xml, and a direct outlineLvl wins over the style") {
  DocxOptions o;
  o.styles = false;
  const std::string bytes = make_docx(
      {
          heading("一、总体情况", 1),  // style id "1", undefined: read as 标题 1 (Chinese Word's id)
          heading("（一）主动公开", 2),
          raw("<w:p><w:pPr><w:pStyle w:val=\"Heading3\"/></w:pPr><w:r><w:t>Heading3</w:t></w:r></w:p>"),
          raw("<w:p><w:pPr><w:pStyle w:val=\"1\"/><w:outlineLvl w:val=\"9\"/></w:pPr>"
              "<w:r><w:t>正文级别</w:t></w:r></w:p>"),
          raw("<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr><w:r><w:t>大纲 3 级</w:t></w:r></w:p>"),
          raw("<w:p><w:pPr><w:outlineLvl w:val=\"12\"/></w:pPr><w:r><w:t>无效级别</w:t></w:r></w:p>"),
      },
      o);
  const DocxText d = text_of(read_docx(bytes));
  REQUIRE(d.lines.size() == 6);
  const int expected[] = {1, 2, 3, 0, 3, 0};
  for (std::size_t i = 0; i < 6; ++i) {
    CAPTURE(i);
    CHECK(d.lines[i].outline_level == expected[i]);
  }
}

TEST_CASE("docx: the 2021 application table header with gridSpan and vMerge expands into a grid") {
  const std::string corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
  DocxCell corner_cont = merged();
  corner_cont.grid_span = 3;
  const std::string bytes = make_docx({
      heading("三、收到和处理政府信息公开申请情况", 1),
      table({
          {cell(corner, 3, VMerge::Restart), cell("申请人情况", 7)},
          {corner_cont, cell("自然人", 1, VMerge::Restart), cell("法人或其他组织", 5), cell("总计", 1, VMerge::Restart)},
          {corner_cont, merged(), cell("商业企业"), cell("科研机构"), cell("社会公益组织"), cell("法律服务机构"),
           cell("其他"), merged()},
          {cell("一、本年新收政府信息公开申请数量", 3), cell("3"), cell("0"), cell("0"), cell("0"), cell("0"),
           cell("1"), cell("4")},
      }),
      para("四、政府信息公开行政复议、行政诉讼情况"),
  });
  const DocxText d = text_of(read_docx(bytes));
  const auto lines = split_lines(d.text);
  REQUIRE(lines.size() == 6);
  CHECK(lines[1] == corner + " | 申请人情况");
  CHECK(lines[2] == "自然人 | 法人或其他组织 | 总计");
  CHECK(lines[3] == "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他");
  CHECK(lines[4] == "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 1 | 4");

  // Line locations.
  REQUIRE(d.lines.size() == 6);
  CHECK(d.lines[0].kind == LineLocation::Kind::Paragraph);
  CHECK(d.lines[0].paragraph == 1);
  CHECK(d.lines[5].kind == LineLocation::Kind::Paragraph);
  CHECK(d.lines[5].paragraph == 2);  // table-cell paragraphs do not count
  for (std::uint32_t r = 1; r <= 4; ++r) {
    CHECK(d.lines[r].kind == LineLocation::Kind::TableRow);
    CHECK(d.lines[r].table == 1);
    CHECK(d.lines[r].row == r);
    CHECK(d.lines[r].outline_level == 0);
  }
  CHECK(d.lines[1].cell_starts == std::vector<std::uint32_t>{0, static_cast<std::uint32_t>(corner.size() + 3)});
  CHECK(d.lines[2].cell_starts == std::vector<std::uint32_t>{0, 12, 36});  // 自然人 = 9 bytes + " | "
  CHECK(d.lines[4].cell_starts.size() == 8);

  // The grid.
  REQUIRE(d.tables.size() == 1);
  const ExtractedTable& t = d.tables[0];
  CHECK(t.rows == 4);
  CHECK(t.columns == 10);
  auto c = [&](std::uint32_t r, std::uint32_t col) -> const ExtractedCell& { return t.cells.at(r * t.columns + col); };
  CHECK(c(0, 0).text == corner);
  CHECK(c(0, 0).row_span == 3);
  CHECK(c(0, 0).col_span == 3);
  CHECK_FALSE(c(0, 0).continuation);
  for (auto [r, col] : {std::pair{0u, 1u}, {0u, 2u}, {1u, 0u}, {1u, 1u}, {1u, 2u}, {2u, 0u}, {2u, 2u}}) {
    CAPTURE(r);
    CAPTURE(col);
    CHECK(c(r, col).continuation);
    CHECK(c(r, col).text.empty());
    CHECK(c(r, col).span.begin == c(0, 0).span.begin);
    CHECK(c(r, col).span.end == c(0, 0).span.end);
  }
  CHECK(c(0, 3).text == "申请人情况");
  CHECK(c(0, 3).col_span == 7);
  CHECK(c(0, 3).row_span == 1);
  for (std::uint32_t col = 4; col < 10; ++col) CHECK(c(0, col).continuation);
  CHECK(c(1, 3).text == "自然人");
  CHECK(c(1, 3).row_span == 2);
  CHECK(c(2, 3).continuation);
  CHECK(c(1, 4).text == "法人或其他组织");
  CHECK(c(1, 4).col_span == 5);
  for (std::uint32_t col = 5; col < 9; ++col) CHECK(c(1, col).continuation);
  CHECK(c(1, 9).text == "总计");
  CHECK(c(1, 9).row_span == 2);
  CHECK(c(2, 9).continuation);
  CHECK(c(2, 4).text == "商业企业");
  CHECK(c(2, 8).text == "其他");
  CHECK_FALSE(c(2, 8).continuation);
  CHECK(c(3, 0).text == "一、本年新收政府信息公开申请数量");
  CHECK(c(3, 0).col_span == 3);
  CHECK(c(3, 3).text == "3");
  CHECK(c(3, 9).text == "4");

  // Spans point into the text: the cell's line and its cell_starts agree.
  const std::uint32_t row4_start = static_cast<std::uint32_t>(d.text.find("一、本年新收"));
  CHECK(c(3, 0).span.begin == row4_start);
  CHECK(c(3, 3).span.begin == row4_start + d.lines[4].cell_starts[1]);
  CHECK(c(3, 9).span.begin == row4_start + d.lines[4].cell_starts[7]);
  CHECK(at(d, t.span) == lines[1] + "\n" + lines[2] + "\n" + lines[3] + "\n" + lines[4]);
}

TEST_CASE("docx: cells with several paragraphs, blank cells and short rows") {
  const std::string bytes = make_docx({
      table({
          {cell("信息内容"), cell("本年制发\n件数"), cell("  本年废止件数  ")},
          {cell("规章"), cell(""), cell("0")},
          {cell("行政规范性文件")},  // a short row: the missing slots are empty, not continuations
      }),
  });
  const DocxText d = text_of(read_docx(bytes));
  const auto lines = split_lines(d.text);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "信息内容 | 本年制发 件数 | 本年废止件数");
  CHECK(lines[1] == "规章 |  | 0");
  CHECK(lines[2] == "行政规范性文件");
  CHECK(d.lines[1].cell_starts == std::vector<std::uint32_t>{0, 9, 12});
  const ExtractedTable& t = d.tables.at(0);
  CHECK(t.rows == 3);
  CHECK(t.columns == 3);
  CHECK(t.cells[4].text.empty());
  CHECK_FALSE(t.cells[4].continuation);
  CHECK(t.cells[4].span.begin == t.cells[4].span.end);
  CHECK_FALSE(t.cells[7].continuation);
  CHECK(t.cells[7].text.empty());
}

TEST_CASE("docx: tabs, breaks and special characters inside a paragraph stay on one line") {
  const std::string bytes = docx_with_body(
      "<w:p><w:r><w:t>第一项</w:t><w:tab/><w:t>共计</w:t><w:br/><w:t>12条</w:t><w:cr/>"
      "<w:t>完</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>政府</w:t></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
      "<w:r><w:t>信息</w:t></w:r><w:r><w:t>  去掉两端空白  </w:t></w:r></w:p>"
      "<w:p><w:r><w:t>国办公开办函</w:t><w:noBreakHyphen/><w:t>2021</w:t><w:sym w:font=\"Wingdings\" "
      "w:char=\"F0FC\"/><w:softHyphen/><w:t xml:space=\"preserve\">\t内嵌制表符\n</w:t></w:r></w:p>"
      "<w:p><w:hyperlink r:id=\"rId9\" xmlns:r=\"urn:r\"><w:r><w:t>链接</w:t></w:r></w:hyperlink>"
      "<w:smartTag w:element=\"date\"><w:r><w:t>2025年</w:t></w:r></w:smartTag>"
      "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>"
      "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>3</w:t></w:r></w:fldSimple>"
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> DATE </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>域结果</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
      "<w:ruby><w:rubyPr/><w:rt><w:r><w:t>gōng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>公</w:t></w:r></w:rubyBase></w:ruby>"
      "<w:r><w:t><![CDATA[开&]]></w:t></w:r></w:p>");
  const DocxText d = text_of(read_docx(bytes));
  const auto lines = split_lines(d.text);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "第一项 共计 12条 完");
  CHECK(lines[1] == "政府 信息去掉两端空白");
  CHECK(lines[2] == "国办公开办函-2021 内嵌制表符");  // trailing blanks dropped
  CHECK(lines[3] == "链接2025年控件3域结果公开&");
  CHECK(d.lines[3].paragraph == 4);
}

TEST_CASE("docx: deleted revisions, moved-from text, field codes, text boxes and hidden text are left out") {
  const std::string bytes = docx_with_body(
      "<w:p><w:r><w:t>本年新收申请</w:t></w:r>"
      "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>120</w:delText></w:r></w:del>"
      "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>125</w:t></w:r></w:ins>"
      "<w:r><w:t>件。</w:t></w:r>"
      "<w:moveFrom w:id=\"3\" w:author=\"a\"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>"
      "<w:moveTo w:id=\"4\" w:author=\"a\"><w:r><w:t>新位置</w:t></w:r></w:moveTo>"
      "<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
      "<w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData>"
      "</a:graphic></wp:inline></w:drawing></w:r>"
      "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:r><w:t>替代内容</w:t></w:r></mc:Choice>"
      "</mc:AlternateContent>"
      "<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>旧式文本框</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>"
      "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>"
      "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>不隐藏</w:t></w:r>"
      "</w:p>"
      "<w:del w:id=\"5\" w:author=\"a\"><w:p><w:r><w:delText>整段删除</w:delText></w:r></w:p></w:del>");
  const DocxText d = text_of(read_docx(bytes));
  CHECK(d.text == "本年新收申请125件。新位置不隐藏");
  CHECK(d.lines.size() == 1);
}

TEST_CASE("docx: body-level content controls and tables nested in cells") {
  const std::string nested =
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>内1</w:t></w:r></w:p></w:tc>"
      "<w:tc><w:p><w:r><w:t>内2</w:t></w:r></w:p></w:tc></w:tr>"
      "<w:tr><w:tc><w:p><w:r><w:t>内3</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
  DocxCell with_nested = cell("附表");
  with_nested.raw_xml = nested;
  const std::string bytes = make_docx({
      raw("<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>控件中的段落</w:t></w:r></w:p><w:p/>"
          "</w:sdtContent></w:sdt>"),
      raw("<w:customXml w:element=\"x\"><w:p><w:r><w:t>自定义XML中的段落</w:t></w:r></w:p></w:customXml>"),
      table({{cell("外1"), with_nested}, {cell("外3"), cell("外4")}}),
      para("表后"),
  });
  const DocxText d = text_of(read_docx(bytes));
  const auto lines = split_lines(d.text);
  REQUIRE(lines.size() == 7);
  CHECK(lines[0] == "控件中的段落");
  CHECK(d.lines[0].paragraph == 1);
  CHECK(lines[1] == "自定义XML中的段落");
  CHECK(d.lines[1].paragraph == 3);  // the empty paragraph in the content control counted
  CHECK(lines[2] == "外1 | 附表");
  CHECK(lines[3] == "内1 | 内2");
  CHECK(lines[4] == "内3");
  CHECK(lines[5] == "外3 | 外4");
  CHECK(lines[6] == "表后");
  CHECK(d.lines[6].paragraph == 4);
  CHECK(d.lines[2].table == 1);
  CHECK(d.lines[2].row == 1);
  CHECK(d.lines[3].table == 2);
  CHECK(d.lines[3].row == 1);
  CHECK(d.lines[4].table == 2);
  CHECK(d.lines[4].row == 2);
  CHECK(d.lines[5].table == 1);
  CHECK(d.lines[5].row == 2);
  REQUIRE(d.tables.size() == 2);
  CHECK(d.tables[0].rows == 2);
  CHECK(d.tables[0].columns == 2);
  CHECK(d.tables[0].cells[1].text == "附表");
  CHECK(at(d, d.tables[0].span) == "外1 | 附表\n内1 | 内2\n内3\n外3 | 外4");
  CHECK(d.tables[1].rows == 2);
  CHECK(d.tables[1].columns == 2);
  CHECK(at(d, d.tables[1].span) == "内1 | 内2\n内3");
}

TEST_CASE("docx: content that is not a zip is NotZip") {
  std::mt19937 rng(12345);
  std::string noise(4096, '\0');
  for (char& ch : noise) ch = static_cast<char>(rng() & 0xFF);
  const auto r = read_docx(noise);
  CHECK(error_kind(r) == DocxError::Kind::NotZip);
  CHECK_FALSE(detail_of(r).empty());
  CHECK(error_kind(read_docx("")) == DocxError::Kind::NotZip);
  CHECK(error_kind(read_docx("一、总体情况\n本年度……")) == DocxError::Kind::NotZip);
  // A zip cut short loses its central directory.
  const std::string good = make_docx({para("一、总体情况")});
  CHECK(error_kind(read_docx(std::string_view(good).substr(0, good.size() / 2))) == DocxError::Kind::NotZip);
}

TEST_CASE("docx: a zip without word/document.xml is NoDocument") {
  DocxOptions o;
  o.document = false;
  const auto r = read_docx(make_docx({}, o));
  CHECK(error_kind(r) == DocxError::Kind::NoDocument);
  CHECK(detail_of(r).find("word/document.xml") != std::string::npos);
  const auto xlsx = read_docx(make_zip({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}}));
  CHECK(error_kind(xlsx) == DocxError::Kind::NoDocument);
  CHECK(detail_of(xlsx).find("Excel") != std::string::npos);
}

TEST_CASE("docx: the main part named by [Content_Types].xml is read, and part names ignore case") {
  const std::string types =
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Override PartName=\"/word/document2.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  const auto r = read_docx(make_zip({{"[Content_Types].xml", types}, {"word/document2.xml", body_xml("<w:p><w:r><w:t>主文档</w:t></w:r></w:p>")}}));
  CHECK(text_of(r).text == "主文档");
  const auto upper = read_docx(make_zip({{"Word/Document.xml", body_xml("<w:p><w:r><w:t>大写</w:t></w:r></w:p>")}}));
  CHECK(text_of(upper).text == "大写");
}

TEST_CASE("docx: an OLE compound file (password-protected Office document) is Encrypted") {
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(504, '\0');
  const auto r = read_docx(ole);
  CHECK(error_kind(r) == DocxError::Kind::Encrypted);
  CHECK(detail_of(r).find("OLE") != std::string::npos);

  std::string with_package = ole;
  for (char ch : std::string("EncryptedPackage")) {
    with_package += ch;
    with_package += '\0';
  }
  CHECK(error_kind(read_docx(with_package)) == DocxError::Kind::Encrypted);
  CHECK(detail_of(read_docx(with_package)).find("password") != std::string::npos);

  // A Word 97-2003 .doc renamed to .docx is not encrypted: say what it is.
  std::string doc = ole;
  for (char ch : std::string("WordDocument")) {
    doc += ch;
    doc += '\0';
  }
  CHECK(error_kind(read_docx(doc)) == DocxError::Kind::NotZip);
  CHECK(detail_of(read_docx(doc)).find(".doc") != std::string::npos);
}

TEST_CASE("docx: an encrypted zip entry is Encrypted") {
  if (!zip_encryption_method_supported(ZIP_EM_AES_256, 1)) {
    MESSAGE("skipped: this libzip cannot write AES-encrypted entries");
    return;
  }
  ZipEntry doc{"word/document.xml", body_xml("<w:p><w:r><w:t>机密</w:t></w:r></w:p>")};
  doc.password = "secret";
  const auto r = read_docx(make_zip({doc}));
  CHECK(error_kind(r) == DocxError::Kind::Encrypted);
  CHECK(detail_of(r).find("word/document.xml") != std::string::npos);
}

TEST_CASE("docx: zip bombs are refused before and while inflating") {
  SUBCASE("announced size over the cap (5 MiB of spaces, 1 MiB cap)") {
    ZipEntry e{"word/document.xml", body_xml("")};
    e.fill_size = 5u << 20;
    DocxLimits limits;
    limits.max_document_xml = 1u << 20;
    const auto r = read_docx(make_zip({e}), limits);
    CHECK(error_kind(r) == DocxError::Kind::TooLarge);
    CHECK(detail_of(r).find("limit") != std::string::npos);
  }
  SUBCASE("300 MiB of spaces with the default limits") {
    const auto t0 = std::chrono::steady_clock::now();
    ZipEntry e{"word/document.xml", "<?xml version=\"1.0\"?>"};
    e.fill_size = 300ull << 20;
    e.level = 1;  // deflate fast mode: ~0.5 s instead of ~1 s, 1.3 MB instead of 300 KB
    const std::string bomb = make_zip({e});
    const auto t1 = std::chrono::steady_clock::now();
    CHECK(bomb.size() < 2u << 20);
    const auto r = read_docx(bomb);
    const auto t2 = std::chrono::steady_clock::now();
    CHECK(error_kind(r) == DocxError::Kind::TooLarge);
    MESSAGE("300 MiB bomb: " << bomb.size() << " bytes zipped; writing "
                             << std::chrono::duration_cast<std::chrono::milliseconds>(t1 - t0).count()
                             << " ms, refusing "
                             << std::chrono::duration_cast<std::chrono::milliseconds>(t2 - t1).count() << " ms");
  }
  SUBCASE("compression ratio over the limit (4 MiB of spaces, under the size cap)") {
    ZipEntry e{"word/document.xml", body_xml("")};
    e.fill_size = 4u << 20;
    const auto r = read_docx(make_zip({e}));
    CHECK(error_kind(r) == DocxError::Kind::TooLarge);
    CHECK(detail_of(r).find("ratio") != std::string::npos);
  }
  SUBCASE("headers that lie about the size") {
    // 512 KiB of paragraphs, whose zip headers are patched to announce 1000 bytes.
    std::string body;
    while (body.size() < (512u << 10)) body += "<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>";
    std::string z = make_zip({{"word/document.xml", body_xml(body)}});
    const std::size_t local = z.find("PK\x03\x04");
    const std::size_t central = z.find("PK\x01\x02");
    REQUIRE(local == 0);
    REQUIRE(central != std::string::npos);
    put_le32(z, local + 22, 1000);
    put_le32(z, central + 24, 1000);
    const auto r = read_docx(z);
    CHECK(error_kind(r) == DocxError::Kind::TooLarge);
    CHECK(detail_of(r).find("announces") != std::string::npos);
  }
}

TEST_CASE("docx: malformed XML is BadXml with pugixml's description and position") {
  DocxOptions o;
  o.document_xml = body_xml("<w:p><w:r><w:t>一、总体情况</w:r></w:p>");
  const auto r = read_docx(make_docx({}, o));
  CHECK(error_kind(r) == DocxError::Kind::BadXml);
  CHECK(detail_of(r).find("mismatch") != std::string::npos);
  CHECK(detail_of(r).find("byte") != std::string::npos);

  o.document_xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>";
  CHECK(error_kind(read_docx(make_docx({}, o))) == DocxError::Kind::BadXml);
  const auto e = read_docx(make_zip({{"word/document.xml", ""}}));
  CHECK(error_kind(e) == DocxError::Kind::BadXml);
}

TEST_CASE("docx: deeply nested content does not exhaust the stack") {
  std::string deep_sdt;
  for (int i = 0; i < 100000; ++i) deep_sdt += "<w:sdt><w:sdtContent>";
  deep_sdt += "<w:p><w:r><w:t>深处</w:t></w:r></w:p>";
  for (int i = 0; i < 100000; ++i) deep_sdt += "</w:sdtContent></w:sdt>";
  const auto r1 = read_docx(docx_with_body("<w:p><w:r><w:t>表面</w:t></w:r></w:p>" + deep_sdt), no_ratio());
  CHECK(text_of(r1).text == "表面");  // content below the nesting cap is skipped

  std::string deep_tbl;
  for (int i = 0; i < 20000; ++i) deep_tbl += "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p>";
  for (int i = 0; i < 20000; ++i) deep_tbl += "</w:tc></w:tr></w:tbl>";
  const auto r2 = read_docx(docx_with_body(deep_tbl), no_ratio());
  const DocxText d2 = text_of(r2);
  CHECK(d2.tables.size() >= 10);
  CHECK(d2.tables.size() <= 64);

  std::string deep_runs = "<w:p>";
  for (int i = 0; i < 100000; ++i) deep_runs += "<w:hyperlink>";
  deep_runs += "<w:r><w:t>链接</w:t></w:r>";
  for (int i = 0; i < 100000; ++i) deep_runs += "</w:hyperlink>";
  deep_runs += "<w:r><w:t>之后</w:t></w:r></w:p>";
  CHECK(text_of(read_docx(docx_with_body(deep_runs), no_ratio())).text == "之后");
}

TEST_CASE("docx: tables over the caps keep their text but not their grid beyond the cap") {
  // 300 rows x 1200 cells: columns stop at 1000, the grid at 100,000 slots (100 rows).
  std::string row = "<w:tr>";
  for (int c = 0; c < 1200; ++c) row += "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>";
  row += "</w:tr>";
  std::string tbl = "<w:tbl>";
  for (int r = 0; r < 300; ++r) tbl += row;
  tbl += "</w:tbl><w:p><w:r><w:t>表后</w:t></w:r></w:p>";
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = read_docx(docx_with_body(tbl), no_ratio());
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  const DocxText d = text_of(r);
  REQUIRE(d.tables.size() == 1);
  CHECK(d.tables[0].columns == 1000);
  CHECK(d.tables[0].rows == 100);
  CHECK(d.lines.size() == 301);
  CHECK(d.lines[299].row == 300);
  CHECK(d.lines[299].cell_starts.size() == 1200);
  CHECK(split_lines(d.text).back() == "表后");
  MESSAGE("360,000-cell table read in " << ms << " ms");
}

TEST_CASE("docx: random mutations of a valid docx never crash") {
  const std::vector<DocxBlock> blocks = {
      para("青山县交通运输局2025年政府信息公开工作年度报告"),
      heading("一、总体情况", 1),
      para("2025年，我局\t认真贯彻\n落实条例。"),
      table({
          {cell("（本列数据的勾稽关系）", 1, VMerge::Restart), cell("申请人情况", 3)},
          {merged(), cell("自然人"), cell("法人或其他组织", 2, VMerge::Restart)},
          {merged(), cell("1"), merged()},
      }),
      heading("二、主动公开政府信息情况", 2),
  };
  const std::string xml = docx_document_xml(blocks);
  const ZipEntry numbering{"word/numbering.xml",
      "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、%2%9\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"};
  DocxOptions plain, stored;
  plain.extra_entries.push_back(numbering);
  stored.extra_entries.push_back(numbering);
  stored.compression = ZIP_CM_STORE;
  stored.extra_entries.back().compression = ZIP_CM_STORE;
  const std::string bases[] = {make_docx(blocks, plain), make_docx(blocks, stored)};
  for (const std::string& base : bases) REQUIRE(std::holds_alternative<DocxText>(read_docx(base)));

  std::mt19937 rng(20250120);
  int ok = 0, failed = 0;
  auto run = [&](const std::string& bytes) {
    const auto r = read_docx(bytes);
    if (const auto* d = std::get_if<DocxText>(&r)) {
      check_invariants(*d);
      ++ok;
    } else {
      ++failed;
    }
  };
  // Well-formed fragments that make odd structures (bad spans, orphan merges, nested tables).
  const std::vector<std::string> fragments = {
      "<w:vMerge/>", "<w:vMerge w:val=\"restart\"/>", "<w:gridSpan w:val=\"N\"/>", "<w:tab/>", "<w:br/>",
      "<w:tcPr><w:vMerge/><w:gridSpan w:val=\"N\"/></w:tcPr>", "<w:tc><w:p/></w:tc>",
      "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>", "<w:trPr><w:gridBefore w:val=\"N\"/></w:trPr>",
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
      "<w:p><w:r><w:t>y</w:t></w:r></w:p>", "<w:sdt><w:sdtContent><w:tc><w:p/></w:tc></w:sdtContent></w:sdt>",
      "<w:pStyle w:val=\"N\"/>", "<w:outlineLvl w:val=\"N\"/>", "<w:numPr><w:ilvl w:val=\"N\"/><w:numId w:val=\"1\"/></w:numPr>", "<w:t>\xE4\xB8</w:t>", "<w:t>&#13;&#10;&#9;</w:t>"};
  for (int i = 0; i < 400; ++i) {
    // 0, 1: byte flips in the zip (compressed, stored); 2: byte flips in the XML before zipping;
    // 3: well-formed fragments inserted before random tags of the XML.
    const int mode = i % 4;
    std::string s = mode >= 2 ? xml : bases[mode];
    const int flips = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < flips; ++k) {
      if (mode == 3) {
        std::size_t pos = xml.find("<w:body>") + 8 + rng() % (s.size() - xml.find("<w:body>") - 8);
        pos = s.find('<', pos);
        if (pos == std::string::npos) continue;
        std::string f = fragments[rng() % fragments.size()];
        if (const auto n = f.find('N'); n != std::string::npos) {
          const long long values[] = {-1, 0, 1, 2, 7, 999, 1000, 1001, 4294967297LL};
          f.replace(n, 1, std::to_string(values[rng() % 9]));
        }
        s.insert(pos, f);
        continue;
      }
      const std::size_t pos = rng() % s.size();
      switch (rng() % 4) {
        case 0: s[pos] = static_cast<char>(rng() & 0xFF); break;
        case 1: s[pos] = static_cast<char>(s[pos] ^ (1 << (rng() % 8))); break;
        case 2: s.erase(pos, 1 + rng() % 16); break;
        default: s.insert(pos, std::string(1 + rng() % 4, "<>/\"&\0"[rng() % 6])); break;
      }
      if (s.empty()) s = "x";
    }
    if (mode >= 2) {
      DocxOptions o = plain;
      o.document_xml = s;
      run(make_docx({}, o));
    } else {
      run(s);
      run(s.substr(0, rng() % s.size()));  // and truncated
    }
  }
  MESSAGE("mutations: " << ok << " read, " << failed << " refused");
  CHECK(ok + failed == 600);
}

TEST_CASE("docx: automatic list numbers are rendered in front of the text, as Word shows them") {
  const std::string numbering =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:abstractNum w:abstractNumId=\"0\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:suff w:val=\"nothing\"/>"
      "<w:lvlText w:val=\"%1、\"/><w:pStyle w:val=\"1\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>"
      "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%3.\"/></w:lvl>"
      "</w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"decimalEnclosedCircle\"/><w:lvlText w:val=\"%1\"/><w:suff w:val=\"nothing\"/></w:lvl></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xEF\x82\xB7\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/>"
      "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>"
      "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num>"
      "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"2\"/></w:num>"
      "</w:numbering>";
  const std::string styles =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/>"
      "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
      "</w:styles>";
  auto numbered = [](const std::string& text, int num, int ilvl) {
    return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
           std::to_string(num) + "\"/></w:numPr></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
  };
  auto styled = [](const std::string& text) {
    return "<w:p><w:pPr><w:pStyle w:val=\"1\"/></w:pPr><w:r><w:t>" + text + "</w:t></w:r></w:p>";
  };
  DocxOptions o;
  o.styles = false;
  o.extra_entries.push_back({"word/styles.xml", styles});
  o.extra_entries.push_back({"word/numbering.xml", numbering});
  o.document_xml = body_xml(
      styled("总体情况") + numbered("主动公开", 1, 1) + numbered("依申请公开", 1, 1) + numbered("规章", 1, 2) +
      styled("主动公开政府信息情况") + numbered("行政许可", 1, 1) + numbered("第一条", 3, 0) +
      "<w:p><w:pPr><w:pStyle w:val=\"1\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr>"
      "<w:r><w:t>不编号的标题</w:t></w:r></w:p>" +
      numbered("存在的主要问题及改进情况", 2, 0) + numbered("要点", 4, 0) +
      "<w:tbl><w:tr><w:tc>" + numbered("属于国家秘密", 3, 0) + "</w:tc><w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p>"
      "</w:tc></w:tr></w:tbl>" +
      numbered("", 3, 0));
  const DocxText d = text_of(read_docx(make_docx({}, o)));
  const auto lines = split_lines(d.text);
  const std::vector<std::string> expected = {
      "一、总体情况", "（一） 主动公开", "（二） 依申请公开", "1. 规章", "二、主动公开政府信息情况",
      "（一） 行政许可", "①第一条", "不编号的标题", "五、存在的主要问题及改进情况", "要点",
      "②属于国家秘密 | 0", "③"};
  REQUIRE(lines.size() == expected.size());
  for (std::size_t i = 0; i < lines.size(); ++i) CHECK(lines[i] == expected[i]);
  CHECK(d.lines[0].outline_level == 1);
  CHECK(d.lines[4].outline_level == 1);
  CHECK(d.lines[7].outline_level == 1);
}

TEST_CASE("docx: Chinese and other list number formats") {
  // Through the reader: one abstract list per format, one paragraph at the given count.
  struct Case {
    const char* format;
    int start;
    const char* expected;
  };
  const Case cases[] = {
      {"chineseCounting", 10, "十"},           {"chineseCounting", 11, "十一"},
      {"chineseCounting", 20, "二十"},         {"chineseCounting", 105, "一百零五"},
      {"chineseCountingThousand", 99, "九十九"}, {"chineseLegalSimplified", 3, "叁"},
      {"ideographTraditional", 3, "丙"},      {"ideographDigital", 2025, "二〇二五"},
      {"decimalFullWidth", 12, "１２"},        {"decimalEnclosedCircle", 21, "21"},
      {"upperRoman", 14, "XIV"},              {"lowerLetter", 28, "bb"},
      {"decimalZero", 7, "07"},               {"someFutureFormat", 3, "3"},
  };
  std::string numbering =
      "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";
  std::string body;
  int id = 1;
  for (const Case& c : cases) {
    const std::string n = std::to_string(id++);
    numbering += "<w:abstractNum w:abstractNumId=\"" + n + "\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"" +
                 std::to_string(c.start) + "\"/><w:numFmt w:val=\"" + c.format +
                 "\"/><w:lvlText w:val=\"%1\"/><w:suff w:val=\"nothing\"/></w:lvl></w:abstractNum>"
                 "<w:num w:numId=\"" + n + "\"><w:abstractNumId w:val=\"" + n + "\"/></w:num>";
    body += "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" + n +
            "\"/></w:numPr></w:pPr></w:p>";
  }
  numbering += "</w:numbering>";
  DocxOptions o;
  o.extra_entries.push_back({"word/numbering.xml", numbering});
  o.document_xml = body_xml(body);
  const DocxText d = text_of(read_docx(make_docx({}, o)));
  const auto lines = split_lines(d.text);
  CAPTURE(d.text);
  REQUIRE(lines.size() == std::size(cases));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CAPTURE(cases[i].format);
    CHECK(lines[i] == cases[i].expected);
  }
}
