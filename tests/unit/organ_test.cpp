// The organ named in a report title and its level (spec/regulation.md, "Deadlines"). Titles are
// written in the shapes of the real corpus titles; the organ names are the public names of
// issuing bodies listed in ../shared/corpus/real/INDEX.tsv.
#include <doctest/doctest.h>

#include <string>

#include "parse/organ.h"
#include "support/u32_printing.h"

using namespace nblint;

namespace {

struct Expect {
  std::u32string_view title;
  std::u32string_view organ;
  OrganLevel level;
};

void check_title(const Expect& x) {
  CAPTURE(x.title);
  const auto f = find_organ(x.title);
  REQUIRE(f.has_value());
  CHECK(x.title.substr(f->begin, f->end - f->begin) == x.organ);
  CHECK(std::string(organ_level_name(f->level)) == organ_level_name(x.level));
}

}  // namespace

TEST_CASE("organ: the organ before the year") {
  const Expect cases[] = {
      {U"青山县交通运输局2025年政府信息公开工作年度报告", U"青山县交通运输局", OrganLevel::Department},
      {U"永嘉县统计局2015年政府信息公开工作年度报告", U"永嘉县统计局", OrganLevel::Department},
      {U"平潭县人民政府2011年政府信息公开工作年度报告", U"平潭县人民政府", OrganLevel::Government},
      {U"广东省人民政府2024年政府信息公开工作年度报告", U"广东省人民政府", OrganLevel::Government},
      {U"上海市人民政府办公厅2012年政府信息公开工作年度报告", U"上海市人民政府办公厅", OrganLevel::Government},
      {U"武汉市汉阳区人民政府办公室2022年政府信息公开工作年度报告", U"武汉市汉阳区人民政府办公室",
       OrganLevel::Government},
      {U"国家机关事务管理局2021年政府信息公开工作年度报告", U"国家机关事务管理局", OrganLevel::Department},
      {U"北京市发展和改革委员会2008年度政府信息公开工作年度报告", U"北京市发展和改革委员会",
       OrganLevel::Department},
      {U"中埠镇人民政府2020年政府信息公开工作年度报告", U"中埠镇人民政府", OrganLevel::Township},
      {U"大五里镇2020年政府信息公开工作年度报告", U"大五里镇", OrganLevel::Township},
      {U"马水镇2019年政府信息公开年度报告", U"马水镇", OrganLevel::Township},
      {U"长安区砲里街道2022年政府信息公开工作年度报告", U"长安区砲里街道", OrganLevel::Township},
      {U"西安市长安区砲里街道办事处2022年政府信息公开工作年度报告", U"西安市长安区砲里街道办事处",
       OrganLevel::Township},
      {U"平潭综合实验区2019年度政府信息公开工作年度报告", U"平潭综合实验区", OrganLevel::Government},
      {U"平潭综合实验区管委会办公室2023年度政府信息公开工作年度报告", U"平潭综合实验区管委会办公室",
       OrganLevel::Government},
      {U"辽东湾新区2014年政府信息公开工作年度报告", U"辽东湾新区", OrganLevel::Government},
      {U"泸州市人民政府 2019 年政府信息公开工作年度报告", U"泸州市人民政府", OrganLevel::Government},
  };
  for (const auto& x : cases) check_title(x);
}

TEST_CASE("organ: the year before the organ, no year, and other title shapes") {
  const Expect cases[] = {
      {U"2019年陆丰市碣石镇政府信息公开工作年度报告", U"陆丰市碣石镇", OrganLevel::Township},
      {U"2021年度西安市阎良区信访局政府信息公开工作年度报告", U"西安市阎良区信访局", OrganLevel::Department},
      {U"阎良区信访局政府信息公开工作年度报告", U"阎良区信访局", OrganLevel::Department},
      {U"南京市秦淮区人民政府信息公开工作年度报告", U"南京市秦淮区人民政府", OrganLevel::Government},
      {U"泰州市人民政府政府信息公开工作年度报告", U"泰州市人民政府", OrganLevel::Government},
      {U"永嘉县统计局2015年政府信息公开年度工作报告", U"永嘉县统计局", OrganLevel::Department},
      {U"关于长春市二道区房屋征收工作管理办公室2022年度政府信息公开情况的报告",
       U"长春市二道区房屋征收工作管理办公室", OrganLevel::Department},
      {U"长春市二道区房屋征收工作管理办公室关于2022年度政府信息公开情况的报告",
       U"长春市二道区房屋征收工作管理办公室", OrganLevel::Department},
      {U"抚州市统计局2022年政务公开工作年度报告", U"抚州市统计局", OrganLevel::Department},
      {U"二〇一九年耒阳市马水镇政府信息公开年度报告", U"耒阳市马水镇", OrganLevel::Township},
      {U"平潭综合实验区管委会2019年度政府信息公开工作年度报告", U"平潭综合实验区管委会",
       OrganLevel::Government},
      {U"某市政府信息公开办公室2010年政府信息公开工作年度报告", U"某市政府信息公开办公室",
       OrganLevel::Department},
      {U"阎良区信访局政务公开暨政府信息公开工作年度报告", U"阎良区信访局", OrganLevel::Department},
  };
  for (const auto& x : cases) check_title(x);
}

TEST_CASE("organ: titles that name no organ") {
  CHECK_FALSE(find_organ(U"关于2022年度政府信息公开情况的报告"));
  CHECK_FALSE(find_organ(U"2021年度政府信息公开工作年度报告"));
  CHECK_FALSE(find_organ(U"政府信息公开工作年度报告"));
  CHECK_FALSE(find_organ(U""));
  CHECK_FALSE(find_organ(U"一、总体情况"));
}

TEST_CASE("organ: level of a name alone") {
  // The level is carried by the last word: 城乡 and a township name inside a department do not count.
  CHECK(classify_organ(U"青山县住房和城乡建设局") == OrganLevel::Department);
  CHECK(classify_organ(U"碣石镇社区卫生服务中心") == OrganLevel::Department);
  CHECK(classify_organ(U"耒阳市马水镇人民政府") == OrganLevel::Township);
  CHECK(classify_organ(U"武汉市汉阳区人民政府办公室") == OrganLevel::Government);
  CHECK(classify_organ(U"长春市二道区房屋征收工作管理办公室") == OrganLevel::Department);
  CHECK(classify_organ(U"国务院办公厅") == OrganLevel::Government);
  CHECK(classify_organ(U"海关总署") == OrganLevel::Department);
  CHECK(classify_organ(U"某某") == OrganLevel::Unknown);
  CHECK(std::string(organ_level_name(OrganLevel::Unknown)) == "unknown");
  CHECK(std::string(organ_level_name(OrganLevel::Government)) == "government");
  CHECK(std::string(organ_level_name(OrganLevel::Department)) == "department");
  CHECK(std::string(organ_level_name(OrganLevel::Township)) == "township");
}
