// Web chrome and publishing noise, as the parser describes them.
#include <doctest/doctest.h>

#include <string>

#include "parse/noise.h"
#include "parse/report_parser.h"
#include "parse/web_chrome.h"
#include "support/u32_printing.h"

using namespace nblint;

TEST_CASE("web chrome: furniture lines are recognised by kind") {
  CHECK(classify_web_chrome(U"当前位置:首页 > 政务公开 > 年报") == ChromeKind::Breadcrumb);
  CHECK(classify_web_chrome(U"您现在的位置:首页>信息公开") == ChromeKind::Breadcrumb);
  CHECK(classify_web_chrome(U"上一篇:2022年度报告") == ChromeKind::PrevNext);
  CHECK(classify_web_chrome(U"下一篇:") == ChromeKind::PrevNext);
  CHECK(classify_web_chrome(U"扫一扫在手机打开当前页") == ChromeKind::Share);
  CHECK(classify_web_chrome(U"您访问的链接即将离开“某市人民政府”门户网站,是否继续?") == ChromeKind::LeavingSite);
  CHECK(classify_web_chrome(U"• 点击次数:") == ChromeKind::Counter);
  CHECK(classify_web_chrome(U"浏览量:1 | | | |") == ChromeKind::Counter);
  CHECK(classify_web_chrome(U"字号:大 中 小") == ChromeKind::Toolbar);
  CHECK(classify_web_chrome(U"【打印】【关闭】") == ChromeKind::Toolbar);
}

TEST_CASE("web chrome: report sentences that mention the same words are not furniture") {
  CHECK_FALSE(classify_web_chrome(U"一、总体情况"));
  CHECK_FALSE(classify_web_chrome(U"全年门户网站浏览量达到120万人次,较上年增长15%,群众获取政府信息的渠道进一步拓宽,满意度持续提升。"));
  CHECK_FALSE(classify_web_chrome(U"本报告的电子版可在当前位置下载"));
  CHECK_FALSE(classify_web_chrome(U""));
  CHECK_FALSE(classify_web_chrome(U"(二)门户网站完成适老化和无障碍改造,新增栏目"));
  CHECK_FALSE(classify_web_chrome(U"网站浏览量稳步增长。"));
}

TEST_CASE("web chrome: furniture lines do not count as section content") {
  const Report r = parse_report("六、其他需要报告的事项\n上一篇：2022年度报告\n扫一扫在手机打开当前页\n");
  REQUIRE(r.sections.size() == 1);
  CHECK(r.sections[0].body_chars == 0);
  CHECK(r.chrome.size() == 2);
}

TEST_CASE("comments: an HTML comment line is recorded and is not content") {
  const Report r = parse_report("五、存在的主要问题及改进情况\n<!-- nblint-disable-next-line structure/thin-section -->\n");
  REQUIRE(r.sections.size() == 1);
  CHECK(r.sections[0].body_chars == 0);
  CHECK(r.comments.size() == 1);
}

TEST_CASE("noise: pinyin annotations are grouped per line, quoting the annotated character") {
  const std::string src = "政府信息公開(kāi)工作年度報(bào)告\n第二行沒(méi)有\n干净的一行\n";
  const Report r = parse_report(src);
  REQUIRE(r.noise.size() == 2);
  CHECK(r.noise[0].kind == NoiseKind::Pinyin);
  CHECK(r.noise[0].count == 2);
  CHECK(src.substr(r.noise[0].example.begin, r.noise[0].example.end - r.noise[0].example.begin) == "開(kāi)");
  CHECK(r.noise[1].count == 1);
}

TEST_CASE("noise: replacement characters and mojibake") {
  const std::string src = "正常文字\xEF\xBF\xBD\xEF\xBF\xBD\n标题æ”¿åºœä¿¡æ¯\n锟斤拷锟斤拷\nCafé au lait\n";
  const auto runs = find_noise(src, {});
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].kind == NoiseKind::Replacement);
  CHECK(runs[0].count == 2);
  CHECK(runs[1].kind == NoiseKind::Mojibake);
  CHECK(runs[2].kind == NoiseKind::Mojibake);
  CHECK(runs[2].count == 2);  // "Café" is one accented letter, not a run: no finding
}
