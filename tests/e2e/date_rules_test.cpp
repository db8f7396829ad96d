// The date and heading rules as users read them: English messages carry the same facts (the
// deadline, its legal basis, the days late, the expected period), and the JSON gives each
// finding its span.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/run.h"

using namespace nblint::test;

namespace {

std::filesystem::path fixture(const char* name) { return source_dir() / "tests" / "fixtures" / "dates" / name; }

}  // namespace

TEST_CASE("date rules: English messages state the deadline, basis, days late and the expected period") {
  const RunResult r = run_nblint({"--lang", "en", "check", fixture("late-department-partial.txt").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("published 2024-02-20, after the legal deadline 2024-01-31: 20 day(s) late") != std::string::npos);
  CHECK(r.out.find("Art. 49 ¶1") != std::string::npos);
  CHECK(r.out.find("it should run from 1 January to 31 December 2023") != std::string::npos);
  CHECK(r.out.find("“截至2023年11月底” says the data covers only part of the year") != std::string::npos);
}

TEST_CASE("date rules: an organ of unknown level is held to the lenient deadline, and told so") {
  const RunResult r = run_nblint({"check", "--format", "json", fixture("unknown-organ-late.txt").string()});
  const auto file = nlohmann::json::parse(r.out)["files"][0];
  int late = 0;
  for (const auto& d : file["diagnostics"]) {
    if (d["rule"] != "date/publish-deadline") continue;
    ++late;
    const std::string message = d["message"];
    CHECK(message.find("法定期限2024年3月31日，逾期5天") != std::string::npos);
    CHECK(message.find("已按最宽的期限计算") != std::string::npos);
    CHECK(d["severity"] == "warning");
    CHECK(d["line"] == 2);
    CHECK(d["column"] == 6);
    CHECK(d["end_column"] == 16);  // the date 2024-04-05
  }
  CHECK(late == 1);
}

TEST_CASE("date rules: without a publication date the deadline rule says so at info level") {
  const RunResult r = run_nblint({"check", "--format", "json", fixture("no-title-no-period.txt").string()});
  const auto file = nlohmann::json::parse(r.out)["files"][0];
  bool said = false;
  for (const auto& d : file["diagnostics"])
    if (d["rule"] == "date/publish-deadline") {
      said = true;
      CHECK(d["severity"] == "info");
      CHECK(d["message"].get<std::string>().find("未找到发布日期") != std::string::npos);
    }
  CHECK(said);
}

namespace {

int numbering_findings(const std::string& report) {
  const RunResult r = run_nblint({"check", "--format", "json", "-"}, report);
  const auto doc = nlohmann::json::parse(r.out);
  int n = 0;
  for (const auto& d : doc["files"][0]["diagnostics"]) n += d["rule"] == "structure/heading-numbering" ? 1 : 0;
  return n;
}

const std::string kReg2008Head =
    "白沙镇人民政府2016年政府信息公开工作年度报告\n"
    "一、概述\n本镇将政府信息公开工作纳入年度目标考核。\n"
    "二、主动公开政府信息的情况\n全年主动公开政府信息156条。\n"
    "三、依申请公开政府信息和不予公开政府信息的情况\n全年共收到申请2件。\n";

}  // namespace

TEST_CASE("heading rules: numbering ends where a list starts again at one, or at an appendix table") {
  // The report's own numbering skips: found.
  CHECK(numbering_findings(kReg2008Head + "五、其他需要报告的事项\n无。\n") == 1);
  // A wrapped table row label read as a heading restarts at 一: not the report's numbering.
  CHECK(numbering_findings(kReg2008Head + "一、本年新收政府信息\n公开申请数量\n33\n") == 0);
  // After the appended statistics table's caption, its rows number themselves (八 after 三).
  CHECK(numbering_findings(kReg2008Head + "政府信息公开情况统计表\n八、机构建设和保障经费情况\n2\n") == 0);
  // A （一） in the opening lines is not one of the parts; the parts' own skip is still found.
  CHECK(numbering_findings("青山县统计局2023年政府信息公开工作年度报告\n（一）本报告依据条例编制。\n一、总体情况\n正文。\n"
                           "二、主动公开政府信息情况\n正文。\n四、收到和处理政府信息公开申请情况\n正文。\n") == 1);
}
