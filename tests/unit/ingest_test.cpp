// Format choice and the errors of ingest (the format readers have their own tests).
#include <doctest/doctest.h>

#include "ingest/ingest.h"
#include "parse/report_parser.h"

#include <unicode/ucnv.h>

using namespace nblint;

namespace {
IngestError::Kind error_of(std::string_view bytes, std::optional<Format> f = std::nullopt) {
  auto r = ingest_bytes("x", bytes, f, IngestOptions{});
  REQUIRE(std::holds_alternative<IngestError>(r));
  return std::get<IngestError>(r).kind;
}
Format format_of(std::string_view bytes, std::optional<Format> f = std::nullopt) {
  auto r = ingest_bytes("x", bytes, f, IngestOptions{});
  REQUIRE(std::holds_alternative<Document>(r));
  return std::get<Document>(r).format;
}
}  // namespace

TEST_CASE("ingest: format from the extension") {
  CHECK(format_from_extension("a/b/报告.TXT") == Format::Text);
  CHECK(format_from_extension("r.md") == Format::Markdown);
  CHECK(format_from_extension("r.htm") == Format::Html);
  CHECK(format_from_extension("r.shtml") == Format::Html);
  CHECK(format_from_extension("r.docx") == Format::Docx);
  CHECK(format_from_extension("r.pdf") == Format::Pdf);
  CHECK_FALSE(format_from_extension("r.doc.bak"));
  CHECK_FALSE(format_from_extension("dir.v2/README"));
}

TEST_CASE("ingest: content decides for stdin and misnamed files") {
  CHECK(format_of("  <!DOCTYPE html><html><body><p>一、总体情况</p></body></html>") == Format::Html);
  CHECK(format_of("一、总体情况\n") == Format::Text);
  CHECK(format_of("一、总体情况\n", Format::Markdown) == Format::Markdown);
  CHECK(error_of("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest") == IngestError::Kind::LegacyWord);
  CHECK(error_of("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", Format::Docx) == IngestError::Kind::DocxEncrypted);
  CHECK(error_of("") == IngestError::Kind::Empty);
}

TEST_CASE("ingest: HTML text keeps positions in the HTML source") {
  const std::string html = "<html><body><p>一、总体情况</p><p>正文。</p></body></html>";
  auto r = ingest_bytes("x.html", html, Format::Html, IngestOptions{});
  REQUIRE(std::holds_alternative<Document>(r));
  const Document& d = std::get<Document>(r);
  CHECK(d.source.text == html);
  REQUIRE_FALSE(d.content_origin.empty());
  const auto at = d.content.find("一、");
  REQUIRE(at != std::string::npos);
  CHECK(d.content_origin[at] == html.find("一、"));
}

TEST_CASE("ingest: positions in a GBK file map to its GBK bytes, lines and columns") {
  const std::string utf8 = "东湖区2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n";
  std::string gbk(utf8.size() * 2, '\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = ucnv_convert("GBK", "UTF-8", gbk.data(), static_cast<int32_t>(gbk.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  gbk.resize(static_cast<std::size_t>(n));
  auto r = ingest_bytes("gbk.txt", gbk, Format::Text, IngestOptions{});
  REQUIRE(std::holds_alternative<Document>(r));
  const Document& d = std::get<Document>(r);
  CHECK(d.source.encoding == "GB18030");
  const Report report = parse_report(d);
  REQUIRE(report.sections.size() == 1);
  const Span text = report.sections[0].heading.text;  // 总体情况
  const LineColumn at = d.source.locate(text.begin);
  CHECK(at.line == 2);
  CHECK(at.column == 3);
  // In GBK: the title is 16 two-byte characters + "2021" + a line break = 37 bytes; 一、 is 4 more.
  CHECK(d.source.raw_offset(text.begin) == 41);
  CHECK(gbk.substr(41, 8) == std::string("\xD7\xDC\xCC\xE5\xC7\xE9\xBF\xF6"));  // 总体情况 in GBK
}
