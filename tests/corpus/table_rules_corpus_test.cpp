// The table rules on real reports (../shared/corpus/real). Each finding asserted here was checked
// by reading the report. The corpus files are excerpts that often stop inside a table; relations
// over rows that were cut off are not evaluated, so none of them may fire here.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/run.h"

using namespace nblint::test;

namespace {

struct Found {
  std::string rule;
  int line;
  std::string message;
};

// The table/* findings for a corpus report (collection header removed, so lines count from the
// report's first line).
std::vector<Found> table_findings(const std::string& prefix) {
  const auto dir = shared_dir() / "corpus" / "real";
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (!e.path().filename().string().starts_with(prefix)) continue;
    const RunResult r = run_nblint({"check", "--format", "json", "-"}, strip_collection_header(read_file(e.path())));
    REQUIRE(r.exit_code != 2);
    std::vector<Found> out;
    const auto doc = nlohmann::json::parse(r.out);
    for (const auto& d : doc["files"][0]["diagnostics"])
      if (d["rule"].get<std::string>().starts_with("table/")) out.push_back({d["rule"], d["line"], d["message"]});
    return out;
  }
  FAIL("no corpus report starts with " << prefix);
  return {};
}

}  // namespace

TEST_CASE("corpus real: table findings on the table-bearing reports are the true ones") {
  if (!have_shared_corpus()) {
    MESSAGE("skipped: " << (shared_dir() / "corpus").string() << " is absent (the shared corpus is not checked out)");
    return;
  }
  // 029: the 规章 row leaves 现行有效件数 empty.
  const auto hanyang = table_findings("029_");
  REQUIRE(hanyang.size() == 1);
  CHECK(hanyang[0].rule == "table/blank-cell");
  CHECK(hanyang[0].line == 16);
  CHECK(hanyang[0].message.starts_with("“规章”行“现行有效件数”栏为空白"));
  // 045: 行政强制 has an empty cell instead of 0.
  const auto yanliang = table_findings("045_");
  REQUIRE(yanliang.size() == 1);
  CHECK(yanliang[0].line == 18);
  CHECK(yanliang[0].message.starts_with("“行政强制”行“本年处理决定数量”栏为空白"));
  // 031: empty cells instead of 0 throughout; （二）部分公开 is wholly blank.
  int blank_rows = 0, whole = 0;
  for (const Found& f : table_findings("031_")) {
    blank_rows += f.rule == "table/blank-cell";
    whole += f.message.starts_with("“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”行7栏全部为空白");
  }
  CHECK(blank_rows == 12);
  CHECK(whole == 1);
  // 002: the tables were flattened into digit runs: "could not be read", never "missing".
  const auto pingtan = table_findings("002_");
  REQUIRE(pingtan.size() == 3);
  for (const Found& f : pingtan) {
    CHECK(f.rule == "table/missing");
    CHECK(f.message.find("无法读取") != std::string::npos);
  }
  // 023 stops inside 第二十条第（八）项: neither it nor （九） has numbers in the text.
  const auto zhongbu = table_findings("023_");
  REQUIRE(zhongbu.size() == 2);
  CHECK(zhongbu[1].message == "第二部分“主动公开政府信息情况”中未见统计表“第二十条第（九）项”");
  // No relation fires on these reports: where rows are complete, they add up.
  for (const char* prefix : {"017_", "021_", "025_", "029_", "031_", "045_", "003_"})
    for (const Found& f : table_findings(prefix)) {
      CAPTURE(prefix);
      CAPTURE(f.message);
      CHECK((f.rule == "table/missing" || f.rule == "table/blank-cell"));
    }
}
