// Inputs at the size and shape limits, through the whole pipeline in memory (lint_text):
// each is read to the end, gives findings, and stays within the caps docs/reliability.md
// lists. The inputs are generated here, never committed. No timing assertions: the bound is
// by design (caps, linear passes), and the outcome is what is checked.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "bind/analysis.h"
#include "cli/lint_file.h"
#include "ingest/table_grid.h"

using namespace nblint;

namespace {

const std::string kTitle = "某县人民政府2025年政府信息公开工作年度报告\n";

bool has_rule(const FileResult& r, std::string_view rule) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) { return d.rule == rule; });
}

void check_spans_inside(const FileResult& r) {
  for (const Diagnostic& d : r.diagnostics) {
    CAPTURE(d.rule);
    CHECK(d.span.begin <= d.span.end);
    CHECK(d.span.end <= r.source().text.size());
  }
}

}  // namespace

TEST_CASE("bad input: 64 MiB on a single line is read to the end") {
  std::string text = kTitle;
  text.reserve(64u << 20);
  const std::string piece = "一二三四五六七八九十";  // 30 bytes
  while (text.size() + piece.size() <= (64u << 20) - 1) text += piece;
  text += '\n';
  REQUIRE(text.size() <= 64u << 20);  // at, not over, the default --max-file-size
  const FileResult r = lint_text("one-line.txt", text, Format::Text, {});
  REQUIRE_FALSE(r.error);
  CHECK(r.source().lines.line_count() >= 2);
  CHECK(has_rule(r, "meta/pack"));
  check_spans_inside(r);
}

TEST_CASE("bad input: a million short lines") {
  std::string text = kTitle;
  for (int i = 0; i < 1000000; ++i) text += "第" + std::to_string(i % 10) + "行\n";
  const FileResult r = lint_text("million.txt", text, Format::Text, {});
  REQUIRE_FALSE(r.error);
  CHECK(r.source().lines.line_count() >= 1000001);
  CHECK(has_rule(r, "meta/pack"));
  check_spans_inside(r);
}

TEST_CASE("bad input: 10,000 nested headings build a tree whose depth is bounded by the numbering styles") {
  // Every heading opens a deeper level than the one before, cycling through the styles.
  const char* markers[] = {"一、", "（一）", "1.", "（1）", "①", "第一部分"};
  std::string text = kTitle;
  for (int i = 0; i < 10000; ++i) text += std::string(markers[i % 6]) + "工作情况\n正文。\n";
  const FileResult r = lint_text("headings.txt", text, Format::Text, {});
  REQUIRE_FALSE(r.error);
  check_spans_inside(r);
  const Analysis a = analyze(r.document, nullptr);
  CHECK(a.report.sections.size() >= 9000);
  int deepest = 0;
  for (const Section& s : a.report.sections) {
    int depth = 0;
    for (int p = s.parent; p >= 0; p = a.report.sections[p].parent) ++depth;
    deepest = std::max(deepest, depth);
  }
  CHECK(deepest <= 16);
}

TEST_CASE("bad input: a table of 100,000 cells, as HTML and as text rows") {
  SUBCASE("HTML: 1,000 rows of 100 cells, a little over the slot cap") {
    std::string html = "<html><body><p>" + kTitle + "</p><table>";
    for (int row = 0; row < 1001; ++row) {
      html += "<tr>";
      for (int col = 0; col < 100; ++col) html += "<td>" + std::to_string(row + col) + "</td>";
      html += "</tr>";
    }
    html += "</table></body></html>";
    const FileResult r = lint_text("table.html", html, Format::Html, {});
    REQUIRE_FALSE(r.error);
    check_spans_inside(r);
    REQUIRE(r.document.tables.size() == 1);
    const auto& t = r.document.tables[0];
    CHECK(static_cast<std::uint64_t>(t.rows) * t.columns <= kMaxTableSlots);
    CHECK(t.rows == 1000);  // the row past the cap is refused whole
  }
  SUBCASE("text: 10,000 rows of 10 cells separated by ' | '") {
    std::string text = kTitle + "二、主动公开政府信息情况\n";
    for (int row = 0; row < 10000; ++row) {
      for (int col = 0; col < 10; ++col) text += (col ? " | " : "") + std::to_string(row * col);
      text += '\n';
    }
    const FileResult r = lint_text("table.txt", text, Format::Text, {});
    REQUIRE_FALSE(r.error);
    check_spans_inside(r);
    CHECK(has_rule(r, "meta/pack"));
  }
}

TEST_CASE("bad input: an HTML page nested 100,000 elements deep goes through the whole pipeline") {
  // The reader's own test (tests/unit/html_reader_test.cpp) covers more shapes of nesting.
  std::string html = "<html><body><p>" + kTitle + "</p>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "一、总体情况";
  const FileResult r = lint_text("deep.html", html, Format::Html, {});
  REQUIRE_FALSE(r.error);
  check_spans_inside(r);
  CHECK(r.document.content.find("总体情况") != std::string::npos);
  CHECK(has_rule(r, "meta/pack"));
}
