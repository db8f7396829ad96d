// The five seed reports in ../shared/corpus/seeds: the pack each must get, and the structure
// findings a careful reader of the spec lists for each (see the issue note for the reading).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "support/run.h"

using namespace nblint::test;

namespace {

struct SeedExpectation {
  const char* file;
  const char* pack;
  int year;
  std::multiset<std::pair<std::string, int>> findings;  // structure/* rule and line
  std::vector<std::string> message_words;               // each must appear in some message
};

const std::vector<SeedExpectation>& seeds() {
  static const std::vector<SeedExpectation> s = {
      // 2019 township: 二, 三 and 四 are bare headings.
      {"000_1ca2b2a886ab5ce3.txt", "fmt2019", 2019,
       {{"structure/empty-section", 11}, {"structure/empty-section", 12}, {"structure/empty-section", 13}},
       {"二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"}},
      // 2017 township, 12 free headings covering all six items of Art. 32.
      {"001_6b0820d803ecb1d1.txt", "reg2008", 2017, {}, {}},
      // 2020 county bureau (traditional, pinyin noise): five parts, 六 absent; no title line; 一
      // is 工作概述 and 二 to 四 say 政务 for 政府, 五 is 存在问题及改进措施 (not the template's
      // wording).
      {"002_0728df078b1b9443.txt", "fmt2019", 2020,
       {{"structure/missing-section", 21}, {"structure/missing-title", 1}, {"structure/heading-wording", 5},
        {"structure/heading-wording", 13}, {"structure/heading-wording", 15}, {"structure/heading-wording", 17},
        {"structure/heading-wording", 19}},
       {"六、其他需要报告的事项", "应为“一、总体情况”", "应为“二、主动公开政府信息情况”", "应为“五、存在的主要问题及改进情况”"}},
      // 2018 development zone: work summary only; no requests, fees, review/litigation, other.
      {"003_357bcb75ecbbd974.txt", "reg2008", 2018,
       {{"structure/missing-section", 7}, {"structure/missing-section", 7}, {"structure/missing-section", 7},
        {"structure/missing-section", 7}},
       {"第2项", "第3项", "第4项", "第6项"}},
      // 2017 township with the 2014-style statistics table: no problems section, no other matters.
      {"004_1ead00d6a3377127.txt", "reg2008", 2017,
       {{"structure/missing-section", 7}, {"structure/missing-section", 7}},
       {"第5项", "第6项"}},
  };
  return s;
}

}  // namespace

TEST_CASE("corpus seeds: right pack and the structure findings a careful reader lists") {
  const auto dir = shared_dir() / "corpus" / "seeds";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: " << dir.string() << " is absent (the shared corpus is not checked out)");
    return;
  }
  for (const SeedExpectation& seed : seeds()) {
    CAPTURE(seed.file);
    const RunResult r = run_nblint({"check", "--format", "json", (dir / seed.file).string()});
    REQUIRE(r.exit_code != 2);
    const auto file = nlohmann::json::parse(r.out)["files"][0];
    CHECK(file["pack"] == seed.pack);
    std::multiset<std::pair<std::string, int>> findings;
    std::string messages;
    for (const auto& d : file["diagnostics"]) {
      const std::string rule = d["rule"];
      messages += d["message"].get<std::string>() + "\n";
      if (rule.starts_with("structure/")) findings.insert({rule, d["line"].get<int>()});
      if (rule == "meta/pack") CHECK(d["message"].get<std::string>().find(std::to_string(seed.year)) != std::string::npos);
    }
    CHECK(findings == seed.findings);
    for (const std::string& w : seed.message_words) CHECK(messages.find(w) != std::string::npos);
  }
}
