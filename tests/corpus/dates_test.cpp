// The date, title, heading and placeholder rules over every report of ../shared/corpus (real/
// and seeds/, the two collection lines stripped, so lines count from the report's first line).
// Each finding below was read against its report and is true; the test pins them all, so a
// false positive (or a lost finding) shows up here. Notable messages are checked word for word.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "support/run.h"

using namespace nblint::test;

namespace {

using Findings = std::multiset<std::pair<std::string, int>>;

bool is_checked_rule(const std::string& rule) {
  return rule.starts_with("date/") || rule == "structure/missing-title" || rule == "structure/heading-wording" ||
         rule == "structure/heading-numbering" || rule == "structure/thin-section" || rule == "text/placeholder";
}

struct CorpusFile {
  const char* path;  // under corpus/
  Findings findings;
};

// Most excerpts start at 一、 and lack a title, a statistical period or a publication date
// (date/publish-deadline then says, at info level, that it cannot check). No corpus report has a
// template leftover, a numbering fault or a thin section 五.
const std::vector<CorpusFile>& corpus() {
  static const std::vector<CorpusFile> files = {
      {"seeds/000_1ca2b2a886ab5ce3.txt", {{"date/period-missing", 2}, {"date/publish-deadline", 2}}},
      {"seeds/001_6b0820d803ecb1d1.txt", {{"date/period-missing", 1}}},
      {"seeds/002_0728df078b1b9443.txt", {
        {"date/publish-deadline", 1}, {"structure/missing-title", 1}, {"structure/heading-wording", 5},
        {"structure/heading-wording", 13}, {"date/partial-period", 14}, {"structure/heading-wording", 15},
        {"structure/heading-wording", 17}, {"structure/heading-wording", 19}}},
      {"real/002_pingtan-2019.txt", {}},
      {"seeds/003_357bcb75ecbbd974.txt", {{"date/period-missing", 7}}},
      {"real/003_pingtan-2023.txt", {}},
      {"seeds/004_1ead00d6a3377127.txt", {{"date/period-missing", 7}, {"date/invalid", 361}}},
      {"real/005_pingtan-county-2011.txt", {{"date/publish-deadline", 2}}},
      {"real/007_pingtan-2017.txt", {}},
      {"real/009_shanghai-2012-trad.txt", {{"date/publish-deadline", 1}, {"structure/missing-title", 1}}},
      {"real/011_taizhou-js-2017-mirror.txt", {{"structure/missing-title", 1}}},
      {"real/013_shanghai-2009-trad.txt", {
        {"date/period-missing", 1}, {"date/publish-deadline", 1}, {"structure/missing-title", 1}}},
      {"real/015_guoguanju-2021-trad-mirror.txt", {
        {"date/publish-deadline", 1}, {"structure/missing-title", 1}}},
      {"real/017_dsz-district-jgsw-2021-table.txt", {
        {"date/period-missing", 1}, {"date/publish-deadline", 1}, {"structure/missing-title", 1}}},
      {"real/019_qinhuai-district-2014.txt", {{"structure/missing-title", 1}}},
      {"real/021_dawuli-town-2020-table.txt", {{"date/period-missing", 1}}},
      {"real/023_zhongbu-town-2020-table.txt", {{"date/invalid", 14}}},
      {"real/025_mashui-town-2019-table.txt", {
        {"date/publish-deadline", 3}, {"date/invalid", 5}, {"date/invalid", 5}}},
      {"real/027_beijing-fgw-2008-spam-mirror.txt", {
        {"date/period-missing", 1}, {"date/publish-deadline", 1}, {"structure/missing-title", 1}}},
      {"real/029_hanyang-district-office-2022-table.txt", {
        {"date/period-missing", 1}, {"date/publish-deadline", 1}, {"structure/missing-title", 1}}},
      {"real/031_erdao-fwzs-2022-table.txt", {
        {"date/period-missing", 1}, {"date/publish-deadline", 1}, {"structure/missing-title", 1}}},
      {"real/033_fuzhou-jx-stats-2022-spam-mirror.txt", {
        {"date/period-missing", 1}, {"date/publish-deadline", 1}, {"structure/missing-title", 1}}},
      {"real/035_yongjia-stats-2015.txt", {}},
      {"real/037_luzhou-city-2019-mirror.txt", {{"date/publish-deadline", 1}, {"structure/missing-title", 1}}},
      {"real/039_guangdong-prov-2024-proxy.txt", {{"date/period-missing", 13}}},
      {"real/041_gd-city-2024-spam-mirror.txt", {{"date/period-missing", 1}, {"date/publish-deadline", 1}}},
      {"real/043_paoli-street-2022.txt", {{"date/publish-deadline", 1}, {"structure/missing-title", 1}}},
      {"real/045_yanliang-xinfang-2021-table.txt", {{"date/period-missing", 2}, {"date/publish-deadline", 2}}},
  };
  return files;
}

nlohmann::json check(const std::filesystem::path& file) {
  const RunResult r = run_nblint({"check", "--format", "json", "-"}, strip_collection_header(read_file(file)));
  REQUIRE(r.exit_code != 2);
  return nlohmann::json::parse(r.out)["files"][0];
}

std::string messages_of(const nlohmann::json& file, const std::string& rule) {
  std::string out;
  for (const auto& d : file["diagnostics"])
    if (d["rule"] == rule) out += d["message"].get<std::string>() + "\n";
  return out;
}

}  // namespace

TEST_CASE("corpus dates: every date, title, heading and placeholder finding on the corpus, and no other") {
  const auto dir = shared_dir() / "corpus";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: " << dir.string() << " is absent (the shared corpus is not checked out)");
    return;
  }
  for (const CorpusFile& f : corpus()) {
    CAPTURE(f.path);
    const auto file = check(dir / f.path);
    Findings actual;
    for (const auto& d : file["diagnostics"])
      if (is_checked_rule(d["rule"])) actual.insert({d["rule"], d["line"].get<int>()});
    CHECK(actual == f.findings);
  }
}

TEST_CASE("corpus dates: the notable findings say what is wrong, with the deadline, basis and days late") {
  const auto dir = shared_dir() / "corpus";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: " << dir.string() << " is absent (the shared corpus is not checked out)");
    return;
  }
  // Pingtan county 2011, published 2012-04-18: 18 days after the 2008 regulation's 31 March.
  const std::string late = messages_of(check(dir / "real/005_pingtan-county-2011.txt"), "date/publish-deadline");
  CHECK(late.find("发布日期2012-04-18晚于法定期限2012年3月31日，逾期18天") != std::string::npos);
  CHECK(late.find("第三十一条") != std::string::npos);
  // Zhongbu town 2020: 至202020年12月31日止.
  CHECK(messages_of(check(dir / "real/023_zhongbu-town-2020-table.txt"), "date/invalid").find("“202020年12月31日”格式有误") !=
        std::string::npos);
  // Mashui town 2019: 自201911日起至20191231日止, both ends lost 年 and 月.
  const std::string mashui = messages_of(check(dir / "real/025_mashui-town-2019-table.txt"), "date/invalid");
  CHECK(mashui.find("“201911日”") != std::string::npos);
  CHECK(mashui.find("“20191231日”") != std::string::npos);
  // Yushan township 2017: 填报日期:2018213 under the statistics table.
  CHECK(messages_of(check(dir / "seeds/004_1ead00d6a3377127.txt"), "date/invalid").find("“2018213”") != std::string::npos);
  // County bureau 2020: data 2020年1月1日至12月28日, though the period statement says the whole year.
  CHECK(messages_of(check(dir / "seeds/002_0728df078b1b9443.txt"), "date/partial-period").find("“2020年1月1日至12月28日”") !=
        std::string::npos);
  // Erdao 2022: a title without the organ's name.
  CHECK(messages_of(check(dir / "real/031_erdao-fwzs-2022-table.txt"), "structure/missing-title")
            .find("标题“关于2022年度政府信息公开情况的报告”未写明机关名称") != std::string::npos);
  // Guangdong province 2024, published 2025-03-31: on the government-level deadline, not late.
  CHECK(messages_of(check(dir / "real/039_guangdong-prov-2024-proxy.txt"), "date/publish-deadline").empty());
}
