// The overview of `nblint report` (src/overview/): the model built from real lint results, the
// escaping of HTML and CSV, and the charts' shape.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "cli/lint_file.h"
#include "overview/csv_writer.h"
#include "overview/html_escape.h"
#include "overview/html_writer.h"
#include "overview/overview.h"
#include "overview/svg_charts.h"
#include "support/occurrences.h"
#include "support/run.h"

using namespace nblint;
using namespace nblint::overview;
using nblint::test::occurrences;
using nblint::test::read_file;
using nblint::test::source_dir;

namespace {

FileResult lint_source_file(const char* relative) {
  LintOptions options;
  return lint_file((source_dir() / relative).string(), options);
}

std::string page_of(const std::vector<FileResult>& results) {
  std::ostringstream page;
  write_html(page, build_overview(results, Lang::Zh), Lang::Zh);
  return page.str();
}

}  // namespace

TEST_CASE("overview: html_escape turns every markup character into a reference") {
  CHECK(html_escape("<b>&\"x\"'</b>") == "&lt;b&gt;&amp;&quot;x&quot;&#39;&lt;/b&gt;");
  CHECK(html_escape("年报.txt") == "年报.txt");
  CHECK(html_escape("") == "");
}

TEST_CASE("overview: csv_text_field quotes per RFC 4180 and defuses formulas") {
  CHECK(csv_text_field("plain") == "plain");
  CHECK(csv_text_field("a,b") == "\"a,b\"");
  CHECK(csv_text_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_text_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_text_field("=SUM(A1)") == "'=SUM(A1)");
  CHECK(csv_text_field("-1,2") == "\"'-1,2\"");
  CHECK(csv_text_field("青山县交通运输局") == "青山县交通运输局");
}

TEST_CASE("overview: a report's row carries its organ, year, pack, counts and publication against the deadline") {
  std::vector<FileResult> results;
  results.push_back(lint_source_file("examples/qingshan-transport-2025.txt"));
  const Overview o = build_overview(results, Lang::Zh);
  REQUIRE(o.reports.size() == 1);
  const ReportRow& r = o.reports[0];
  CHECK(r.organ == "青山县交通运输局");
  CHECK(r.year == 2025);
  CHECK(r.pack == "fmt2021");
  // 发布日期：2026-01-20; a department publishes by 31 January of the next year.
  REQUIRE(r.published);
  CHECK(*r.published == CalendarDate{2026, 1, 20});
  REQUIRE(r.deadline);
  CHECK(*r.deadline == CalendarDate{2026, 1, 31});
  CHECK_FALSE(r.lenient_deadline);
  CHECK(r.days_late == -11);
  CHECK_FALSE(r.late());
  // The counts are the diagnostics'.
  std::size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : results[0].diagnostics) {
    errors += d.severity == Severity::Error;
    warnings += d.severity == Severity::Warning;
  }
  CHECK(r.errors == errors);
  CHECK(r.warnings == warnings);
  CHECK(r.findings.size() == results[0].diagnostics.size());
  CHECK(r.status == (errors ? Status::Errors : warnings ? Status::Warnings : Status::Passed));
  CHECK(r.uri.starts_with("file:///"));
  CHECK(r.uri.ends_with("/examples/qingshan-transport-2025.txt"));
  std::size_t per_rule = 0;
  for (const RuleCount& c : o.rules) per_rule += c.total();
  CHECK(per_rule == r.findings.size());
}

TEST_CASE("overview: consecutive years of one organ give a carry-over row, column by column") {
  std::vector<FileResult> results;
  results.push_back(lint_source_file("examples/qingshan-transport-2025.txt"));
  results.push_back(lint_source_file("tests/fixtures/crossyear/qingshan-transport-2024.txt"));
  results.push_back(lint_source_file("tests/fixtures/crossyear/other-organ/qingshan-water-2024.txt"));
  const Overview o = build_overview(results, Lang::Zh);
  REQUIRE(o.carry_over.size() == 1);
  const CarryOver& c = o.carry_over[0];
  CHECK(c.organ == "青山县交通运输局");
  CHECK(c.year == 2024);
  CHECK(c.before == 1);
  CHECK(c.after == 0);
  // 2024 carried out 1 | 1 | 0 | 0 | 0 | 0 | 2; 2025 carries in 2 | 0 | 0 | 0 | 0 | 0 | 2.
  REQUIRE(c.columns.size() == 7);
  CHECK(c.columns[0].carried_out == "1");
  CHECK(c.columns[0].carried_in == "2");
  CHECK_FALSE(c.columns[0].agree);
  CHECK(c.columns[6].agree);
  CHECK(c.differing() == 2);
}

TEST_CASE("overview: a file name with markup characters is escaped everywhere in the page") {
  const std::string text = read_file(source_dir() / "examples/qingshan-transport-2025.txt");
  LintOptions options;
  std::vector<FileResult> results;
  results.push_back(lint_text("dir/<b>&\"x\".txt", text, Format::Text, options));
  const std::string html = page_of(results);
  CHECK(html.find("<b>&\"x\"") == std::string::npos);
  CHECK(html.find("dir/&lt;b&gt;&amp;&quot;x&quot;.txt") != std::string::npos);
  // Self-contained: nothing is loaded from elsewhere.
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));
  CHECK(html.find("https://") == std::string::npos);
}

TEST_CASE("overview: the CSV has a BOM, a header, CRLF rows and the same counts") {
  std::vector<FileResult> results;
  results.push_back(lint_source_file("examples/qingshan-transport-2025.txt"));
  results.push_back(lint_source_file("examples/baihe-town-2020.txt"));
  const Overview o = build_overview(results, Lang::En);
  std::ostringstream csv;
  write_csv(csv, o, Lang::En);
  const std::string s = csv.str();
  REQUIRE(s.starts_with("\xEF\xBB\xBF"));
  CHECK(s.substr(3).starts_with("file,organ,year,pack,errors,warnings,infos,published,deadline,days_late,status\r\n"));
  CHECK(occurrences(s, "\r\n") == 3);
  CHECK(occurrences(s, "\n") == 3);  // no bare line feed
  const ReportRow& r = o.reports[0];
  CHECK(s.find(",青山县交通运输局,2025,fmt2021," + std::to_string(r.errors) + ',' + std::to_string(r.warnings) +
               ',' + std::to_string(r.infos) + ",2026-01-20,2026-01-31,-11,") != std::string::npos);
}

TEST_CASE("overview: the rule chart has one bar per rule, the timeline one lane per report year") {
  std::vector<FileResult> results;
  for (const char* f : {"examples/qingshan-transport-2025.txt", "examples/baihe-town-2020.txt",
                        "examples/donghu-office-2022.txt", "examples/yunling-eco-2016.txt"})
    results.push_back(lint_source_file(f));
  const Overview o = build_overview(results, Lang::Zh);
  REQUIRE_FALSE(o.rules.empty());
  CHECK(occurrences(rule_chart_svg(o.rules, Lang::Zh), "<g class=\"bar\"") == o.rules.size());
  CHECK(std::is_sorted(o.rules.begin(), o.rules.end(),
                       [](const RuleCount& a, const RuleCount& b) { return a.total() > b.total(); }));
  std::set<int> years;
  for (const ReportRow& r : o.reports)
    if (r.published && r.year) years.insert(r.year);
  const std::string timeline = timeline_svg(o.reports, Lang::Zh);
  CHECK(occurrences(timeline, "<g class=\"lane\"") == years.size());
  CHECK(rule_chart_svg({}, Lang::Zh).empty());
}

TEST_CASE("overview: report text in messages and organ names is escaped in the page") {
  std::vector<FileResult> results;
  results.push_back(lint_source_file("examples/baihe-town-2020.txt"));
  results[0].record.organ = "<i>白河镇&\"</i>";
  results[0].diagnostics.push_back({"text/placeholder", Severity::Warning, "模板残留“<script>alert(1)</script>”", {0, 1}});
  const std::string html = page_of(results);
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("<i>白河镇") == std::string::npos);
  CHECK(html.find("&lt;i&gt;白河镇&amp;&quot;&lt;/i&gt;") != std::string::npos);
}
