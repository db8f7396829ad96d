// The table rules end to end: each report in tests/fixtures/table-rules/ has a .expect file
// listing the table/* findings it must produce ("RULE-ID LINE" per line; empty for the clean
// reports), and the messages state the relation with its numbers.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "support/run.h"

using namespace nblint::test;
namespace fs = std::filesystem;

namespace {

const fs::path kDir = source_dir() / "tests" / "fixtures" / "table-rules";

using Finding = std::pair<std::string, int>;

nlohmann::json diagnostics(const fs::path& report, const std::string& lang = "zh") {
  const RunResult r = run_nblint({"check", "--format", "json", "--lang", lang, report.string()});
  REQUIRE(r.exit_code != 2);
  return nlohmann::json::parse(r.out)["files"][0]["diagnostics"];
}

std::vector<std::string> messages(const fs::path& report, const std::string& rule, const std::string& lang = "zh") {
  std::vector<std::string> out;
  for (const auto& d : diagnostics(report, lang))
    if (d["rule"] == rule) out.push_back(d["message"]);
  return out;
}

}  // namespace

TEST_CASE("e2e: table-rule fixtures give exactly their expected table findings") {
  std::vector<fs::path> reports;
  for (const auto& e : fs::directory_iterator(kDir))
    if (e.path().extension() == ".txt") reports.push_back(e.path());
  std::sort(reports.begin(), reports.end());
  REQUIRE(reports.size() >= 13);
  for (const fs::path& report : reports) {
    CAPTURE(report.string());
    const fs::path expect = fs::path(report).replace_extension(".expect");
    REQUIRE_MESSAGE(fs::exists(expect), "every report needs a .expect file");
    std::multiset<Finding> expected, actual;
    std::istringstream in(read_file(expect));
    std::string rule;
    int line;
    while (in >> rule >> line) expected.insert({rule, line});
    for (const auto& d : diagnostics(report))
      if (d["rule"].get<std::string>().starts_with("table/")) actual.insert({d["rule"], d["line"].get<int>()});
    CHECK(actual == expected);
  }
}

TEST_CASE("e2e: the clean table fixtures have no finding but the pack note") {
  for (const char* name : {"fmt2021-clean.txt", "fmt2019-clean.txt"}) {
    CAPTURE(name);
    for (const auto& d : diagnostics(kDir / name)) CHECK(d["rule"] == "meta/pack");
  }
}

TEST_CASE("e2e: relation findings name the cell and state the relation with its numbers") {
  CHECK(messages(kDir / "row-total.txt", "table/row-total") ==
        std::vector<std::string>{"“（一）予以公开”行“总计”应为 9（= 6 + 2 + 0 + 0 + 1 + 0），实为 10"});
  CHECK(messages(kDir / "fmt2019-results-total.txt", "table/results-total").at(0) ==
        "“自然人”列“（七）总计”应为 12（= 6 + 1 + 1 + 2 + 1 + 1），实为 11");
  CHECK(messages(kDir / "balance.txt", "table/balance").at(1) ==
        "“商业企业”列：“一、本年新收政府信息公开申请数量” + “二、上年结转政府信息公开申请数量”（5 + 0 = 5）"
        "应等于“（七）总计” + “四、结转下年度继续办理”（3 + 0 = 3）");
  CHECK(messages(kDir / "review-total.txt", "table/review-total", "en") ==
        std::vector<std::string>{"“行政复议 总计” should be 1 (= 1 + 0 + 0 + 0), is 2"});
  // The finding points at the cell: （七）总计's 总计 cell, column 34 of its line.
  for (const auto& d : diagnostics(kDir / "results-total.txt"))
    if (d["rule"] == "table/results-total" && d["message"].get<std::string>().starts_with("“总计”列")) {
      CHECK(d["line"] == 53);
      CHECK(d["column"] == 34);
      CHECK(d["end_column"] == 36);
    }
}

TEST_CASE("e2e: table cell findings say what the cell holds") {
  const auto invalid = messages(kDir / "invalid-number.txt", "table/invalid-number");
  CHECK(invalid == std::vector<std::string>{"“规章”行“现行有效件数”栏不是数字：“见附件”",
                                            "“行政许可”行“本年处理决定数量”栏为小数 436.5，此栏应为整数",
                                            "“行政处罚”行“本年处理决定数量”栏为负数 -3，此栏应为非负数"});
  const auto blank = messages(kDir / "blank-cell.txt", "table/blank-cell");
  REQUIRE(blank.size() == 3);
  CHECK(blank[0].starts_with("“规章”行“本年废止件数”栏为空白（“/”）"));
  CHECK(blank[1].starts_with("“2.其他法律行政法规禁止公开”行7栏全部为空白"));
  CHECK(blank[2].starts_with("“3.要求提供公开出版物”行有5栏为空白（商业企业、科研机构、社会公益组织、法律服务机构、其他）"));
  // The missing review table is "missing"; the run-together one "could not be read".
  CHECK(messages(kDir / "missing.txt", "table/missing").at(1) ==
        "第四部分“政府信息公开行政复议、行政诉讼情况”中未见统计表“政府信息公开行政复议、行政诉讼情况”");
  CHECK(messages(kDir / "unreadable.txt", "table/missing").at(0).find("无法读取") != std::string::npos);
  CHECK(messages(kDir / "outdated-template.txt", "table/outdated-template").at(0).find("“本年新制作数量”") != std::string::npos);
  CHECK(messages(kDir / "prose-mismatch.txt", "table/prose-mismatch").at(0) ==
        "正文“本局新收政府信息公开申请16件”为 16，统计表中“一、本年新收政府信息公开申请数量”行“总计”栏为 15，两者不一致");
}

TEST_CASE("e2e: every table rule has its page, shown by nblint explain") {
  for (const char* id : {"table/missing", "table/outdated-template", "table/row-total", "table/results-total",
                         "table/balance", "table/review-total", "table/part-exceeds-whole", "table/sum",
                         "table/blank-cell", "table/invalid-number", "table/prose-mismatch"}) {
    CAPTURE(id);
    const RunResult r = run_nblint({"explain", id});
    CHECK(r.exit_code == 0);
    CHECK(r.out.starts_with(std::string("# ") + id));
    CHECK(r.out.find("## Summary") != std::string::npos);
  }
}
