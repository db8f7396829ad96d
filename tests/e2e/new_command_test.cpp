// `nblint new` end to end: standard output, -o (atomic, never replacing a file without --force),
// checking what it wrote, user packs, and clear errors (exit 2) for bad years and packs.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/run.h"

using nblint::test::fresh_temp_dir;
using nblint::test::read_file;
using nblint::test::run_nblint;

namespace {

const std::string kTitle = "# 青山县交通运输局2025年政府信息公开工作年度报告\n";

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("nblint new: the skeleton on standard output, checked by nblint: blank cells only") {
  const auto r = run_nblint({"new", "--organ", "青山县交通运输局", "--year", "2025"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with(kTitle));
  CHECK(contains(r.out, "本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。"));
  CHECK(contains(r.out, "\n## 六、其他需要报告的事项\n"));

  const auto dir = fresh_temp_dir("nblint-new", "stdout");
  std::ofstream(dir / "report.md", std::ios::binary) << r.out;
  const auto check = run_nblint({"check", "--format", "json", (dir / "report.md").string()});
  CHECK(check.exit_code == 0);  // warnings only
  const auto json = nlohmann::json::parse(check.out);
  std::size_t blank = 0;
  for (const auto& d : json["files"][0]["diagnostics"]) {
    const std::string rule = d["rule"];
    if (rule == "table/blank-cell") ++blank;
    else CHECK_MESSAGE(d["severity"] == "info", rule);
  }
  CHECK(blank > 0);
  CHECK(run_nblint({"check", "--fail-on", "warning", (dir / "report.md").string()}).exit_code == 1);
}

TEST_CASE("nblint new: skeletons of several organs and years checked in one run are not copied text") {
  // The guidance lines are the same in every skeleton; they stay under copied_text's min_chars,
  // and blank carry-over cells are not compared.
  const auto dir = fresh_temp_dir("nblint-new", "several");
  for (const auto& [organ, year] : std::vector<std::pair<std::string, std::string>>{
           {"青山县交通运输局", "2024"}, {"青山县交通运输局", "2025"}, {"白河镇人民政府", "2025"}, {"青山县人民政府", "2016"}})
    REQUIRE(run_nblint({"new", "--organ", organ, "--year", year, "-o", (dir / (organ + year + ".md")).string()}).exit_code == 0);
  const auto check = run_nblint({"check", "--format", "json", dir.string()});
  CHECK(check.exit_code == 0);
  const auto json = nlohmann::json::parse(check.out);
  REQUIRE(json["files"].size() == 4);
  for (const auto& file : json["files"])
    for (const auto& d : file["diagnostics"])
      CHECK_MESSAGE((d["rule"] == "table/blank-cell" || d["severity"] == "info"), d["rule"].get<std::string>());
}

TEST_CASE("nblint new -o: writes the file, refuses to replace one without --force") {
  const auto dir = fresh_temp_dir("nblint-new", "output");
  const std::string path = (dir / "report.md").string();
  const auto first = run_nblint({"new", "--organ", "青山县交通运输局", "--year", "2025", "-o", path});
  REQUIRE(first.exit_code == 0);
  CHECK(first.out.empty());
  CHECK(contains(first.err, path));
  CHECK(read_file(path) == run_nblint({"new", "--organ", "青山县交通运输局", "--year", "2025"}).out);

  std::ofstream(path, std::ios::binary | std::ios::trunc) << "我的草稿\n";
  const auto refused = run_nblint({"new", "--organ", "青山县交通运输局", "--year", "2025", "-o", path});
  CHECK(refused.exit_code == 2);
  CHECK(contains(refused.err, "已存在"));
  CHECK(contains(refused.err, "--force"));
  CHECK(read_file(path) == "我的草稿\n");

  const auto forced = run_nblint({"new", "--organ", "青山县交通运输局", "--year", "2024", "-o", path, "--force"});
  CHECK(forced.exit_code == 0);
  CHECK(read_file(path).starts_with("# 青山县交通运输局2024年"));

  // No temporary file is left beside the output.
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) files += entry.is_regular_file() ? 1 : 0;
  CHECK(files == 1);

  const auto no_dir = run_nblint({"new", "--organ", "青山县交通运输局", "--year", "2025", "-o", (dir / "no/such/dir.md").string()});
  CHECK(no_dir.exit_code == 2);
  CHECK(contains(no_dir.err, "无法写入"));
}

TEST_CASE("nblint new: the pack is the one for the year, or the one named, mistakes exit 2 with a clear message") {
  CHECK(contains(run_nblint({"new", "--organ", "青山县交通运输局", "--year", "2016"}).out, "政府信息公开情况统计表"));
  CHECK(contains(run_nblint({"new", "--organ", "青山县交通运输局", "--year", "2020"}).out, "| 采购项目数量 |"));
  CHECK(contains(run_nblint({"new", "--organ", "青山县交通运输局", "--year", "2020", "--pack", "fmt2019"}).out, "| 采购项目数量 |"));

  const auto early = run_nblint({"new", "--organ", "青山县交通运输局", "--year", "1999"});
  CHECK(early.exit_code == 2);
  CHECK(early.out.empty());
  CHECK(contains(early.err, "报告年度 1999 不在可用范围内（2008–"));
  const auto late = run_nblint({"new", "--organ", "青山县交通运输局", "--year", "3000"});
  CHECK(late.exit_code == 2);
  CHECK(contains(late.err, "3000"));
  const auto english = run_nblint({"--lang", "en", "new", "--organ", "青山县交通运输局", "--year", "1999"});
  CHECK(english.exit_code == 2);
  CHECK(contains(english.err, "report year 1999 is out of range (2008–"));
  CHECK(run_nblint({"new", "--organ", "青山县交通运输局", "--year", "二〇二五"}).exit_code == 2);
  CHECK(run_nblint({"new", "--organ", "青山县交通运输局"}).exit_code == 2);  // --year is required
  CHECK(run_nblint({"new", "--year", "2025"}).exit_code == 2);              // --organ is required
  const auto blank_organ = run_nblint({"new", "--organ", "  ", "--year", "2025"});
  CHECK(blank_organ.exit_code == 2);
  CHECK(contains(blank_organ.err, "--organ"));

  const auto unknown = run_nblint({"new", "--organ", "青山县交通运输局", "--year", "2025", "--pack", "fmt2030"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.empty());
  CHECK(contains(unknown.err, "未知的规则包“fmt2030”"));
  CHECK(contains(unknown.err, "fmt2021（2021年度起）"));
  const auto wrong_era = run_nblint({"new", "--organ", "青山县交通运输局", "--year", "2025", "--pack", "fmt2019"});
  CHECK(wrong_era.exit_code == 2);
  CHECK(contains(wrong_era.err, "规则包 fmt2019 适用于 2019–2020年度的报告，不适用于 2025"));
  CHECK(contains(wrong_era.err, "fmt2021"));
}

TEST_CASE("nblint new: user packs from --pack-file and from .nblint.yaml change the skeleton") {
  const auto dir = fresh_temp_dir("nblint-new", "user-pack");
  std::string yaml = read_file(std::filesystem::path(NBLINT_SOURCE_DIR) / "rules/fmt2021.yaml");
  const std::string from = "      title: 其他需要报告的事项\n";
  REQUIRE(contains(yaml, from));
  yaml.replace(yaml.find(from), from.size(), "      title: 其他需要报告事项\n");
  std::ofstream(dir / "province.yaml", std::ios::binary) << yaml;

  const auto by_flag = run_nblint({"new", "--organ", "青山县交通运输局", "--year", "2025", "--pack-file", (dir / "province.yaml").string()});
  CHECK(by_flag.exit_code == 0);
  CHECK(contains(by_flag.out, "\n## 六、其他需要报告事项\n"));

  std::ofstream(dir / ".nblint.yaml", std::ios::binary) << "packs:\n  - province.yaml\n";
  const std::string path = (dir / "report.md").string();
  CHECK(run_nblint({"new", "--organ", "青山县交通运输局", "--year", "2025", "-o", path}).exit_code == 0);
  CHECK(contains(read_file(path), "\n## 六、其他需要报告事项\n"));

  // A pack without a skeleton: block says so.
  const std::size_t block = yaml.find("\nskeleton:\n"), rules = yaml.find("\n# The rules this pack enables");
  REQUIRE(block < rules);
  std::ofstream(dir / "bare.yaml", std::ios::binary) << yaml.substr(0, block) + yaml.substr(rules);
  const auto bare = run_nblint({"new", "--organ", "青山县交通运输局", "--year", "2025", "--pack-file", (dir / "bare.yaml").string()});
  CHECK(bare.exit_code == 2);
  CHECK(contains(bare.err, "没有 skeleton: 块"));
}

TEST_CASE("nblint new --help teaches with an example") {
  const auto help = run_nblint({"new", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(contains(help.out, "nblint new --organ 青山县交通运输局 --year 2025 -o 年报.md"));
  CHECK(contains(help.out, "--force"));
  const auto english = run_nblint({"--lang", "en", "new", "--help"});
  CHECK(contains(english.out, "  nblint new --organ 青山县交通运输局 --year 2025 -o report.md"));
}
