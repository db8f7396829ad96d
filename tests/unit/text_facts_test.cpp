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

TEST_CASE("noise: a GBK decoder's '?' glued between Chinese text and stray Latin letters is mojibake") {
  // Modelled on a mirror site's page: the '?' for an unreadable byte, then text one byte out of
  // step; and after a pinyin annotation, a '?' before a comma.
  const std::string src = "在办公室?guī)椭指导下\n任务(wù)?,F(xiàn)将情况报告如下\n是否继续?\n请问是否继续? 是\n"
                          "网址 index.aspx?id=1\n为什么?为了公开\n";
  const Report r = parse_report(src);
  std::vector<std::string> mojibake;
  for (const NoiseRun& n : r.noise)
    if (n.kind == NoiseKind::Mojibake) mojibake.push_back(src.substr(n.example.begin, n.example.end - n.example.begin));
  // A question mark at the line end, before a space, after ASCII or before Chinese text is one.
  CHECK(mojibake == std::vector<std::string>{"?guī)", "?,F(xiàn)"});
}

// --- Title, organ, period and publication facts, in the shapes of the corpus reports
// (tests/corpus/expect/*.model hold the hand-checked facts of the reports themselves).

namespace {
std::string_view span_text(std::string_view src, Span s) { return src.substr(s.begin, s.end - s.begin); }
}  // namespace

TEST_CASE("report facts: a title line of the report's own wins over an earlier 标题: field") {
  const std::string src =
      "先创区中埠镇\n"
      "标题: 中埠镇人民政府2020年政府信息公开工作年度报告\n"
      "发文日期: 2021-01-30 发布机构: 中埠镇人民政府\n"
      "中埠镇人民政府2020年政府信息公开工作年度报告\n"
      "一、总体情况\n";
  const Report r = parse_report(src);
  REQUIRE(r.title);
  CHECK(r.title->line == 4);
  REQUIRE(r.title->organ);
  CHECK(span_text(src, r.title->organ->span) == "中埠镇人民政府");
}

TEST_CASE("report facts: a 标题: field is the title when the text has no title line") {
  const std::string src =
      "标题: 平潭综合实验区2023年度政府信息公开工作年度报告\n"
      "标题: 另一个2022年政府信息公开工作年度报告\n"
      "发布时间: 2024-03-08 15:34\n"
      "本报告根据《中华人民共和国政府信息公开条例》编制。一、总体情况……\n";
  const Report r = parse_report(src);
  REQUIRE(r.title);
  CHECK(r.title->line == 1);  // the first field stands
  REQUIRE(r.title->year);
  CHECK(r.title->year->year == 2023);
}

TEST_CASE("report facts: the issuer alone on the line above a title that names no organ") {
  const std::string src = "阎良区信访局\n\n2021年度政府信息公开工作年度报告\n一、总体情况\n";
  const Report r = parse_report(src);
  REQUIRE(r.title);
  CHECK(r.title->line == 3);
  REQUIRE(r.title->organ);
  CHECK(span_text(src, r.title->organ->span) == "阎良区信访局");
  CHECK(r.title->organ->level == OrganLevel::Department);

  // Not an issuer: a site name that is no organ, a sentence, a title that names its own organ.
  CHECK_FALSE(parse_report("政府信息公开专栏\n2021年度政府信息公开工作年度报告\n").title->organ);
  CHECK_FALSE(parse_report("我局认真落实条例,现报告如下。\n关于2022年度政府信息公开情况的报告\n").title->organ);
  const std::string own = "某县人民政府\n青山县交通运输局2025年政府信息公开工作年度报告\n";
  const Report o = parse_report(own);
  REQUIRE(o.title->organ);
  CHECK(span_text(own, o.title->organ->span) == "青山县交通运输局");
}

TEST_CASE("report facts: malformed period dates are kept as malformed") {
  // 年 doubled in the end date: not read as 12月31日 of the start's year.
  const std::string doubled = "本报告中所列数据的统计期限自2020年1月1日起至202020年12月31日止。\n";
  const Report d = parse_report(doubled);
  REQUIRE(d.period);
  REQUIRE(d.period->from);
  CHECK_FALSE(d.period->from->malformed);
  CHECK(d.period->from->year == 2020);
  REQUIRE(d.period->to);
  CHECK(d.period->to->malformed);
  CHECK(d.period->to->year == 2020);
  CHECK(span_text(doubled, d.period->to->span) == "202020年12月31日");

  // 年 and 月 lost from both dates.
  const std::string lost = "本年度报告中所列数据的统计期限自201911日起至20191231日止。\n";
  const Report l = parse_report(lost);
  REQUIRE(l.period);
  CHECK(l.period->from->malformed);
  CHECK(l.period->from->year == 2019);
  CHECK(span_text(lost, l.period->from->span) == "201911日");
  REQUIRE(l.period->to);
  CHECK(l.period->to->malformed);
  CHECK(span_text(lost, l.period->to->span) == "20191231日");
}

TEST_CASE("report facts: 统计期为 states a period, 统计局 and 统计数据 do not") {
  const Report r = parse_report("报告中所列数据统计期为2019年1月1日至2019年12月31日。\n");
  REQUIRE(r.period);
  CHECK(r.period->from->year == 2019);
  CHECK(r.period->to->month == 12);
  CHECK(r.period->to->day == 31);
  CHECK_FALSE(parse_report("市统计局定期发布2019年1月1日起的统计数据。\n").period);
}

TEST_CASE("report facts: a date alone on its line at the top of the page is the publication date") {
  const std::string src = "2015年3月13日\n引 言\n本年报是根据《条例》要求编制而成。\n一、概 述\n";
  const Report r = parse_report(src);
  REQUIRE(r.published);
  CHECK(r.published->date.year == 2015);
  CHECK(r.published->date.month == 3);
  CHECK(r.published->date.day == 13);
  CHECK(span_text(src, r.published->date.span) == "2015年3月13日");

  // with a time after it
  const Report t = parse_report("某县统计局2015年政府信息公开工作年度报告\n2016-02-14 09:30\n一、概述\n");
  REQUIRE(t.published);
  CHECK(t.published->date.month == 2);

  // A labelled date wins; a date in a sentence, a date below the prose or below the first
  // heading (a signature) is not a publication date.
  const Report l = parse_report("2015年3月13日\n发布日期：2015-03-20\n一、概述\n");
  REQUIRE(l.published);
  CHECK(l.published->date.day == 20);
  CHECK_FALSE(parse_report("2015年3月13日，我县召开会议。\n一、概述\n").published);
  CHECK_FALSE(parse_report("根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求，现公布本单位2014年政府信息公开工作年度报告，本年报中所列数据的统计期限自2014年1月1日起至12月31日止。\n2015年3月13日\n").published);
  CHECK_FALSE(parse_report("一、概述\n全年工作正常。\n二○一二年二月二十日\n").published);
}

TEST_CASE("report facts: CMS metadata cells without colons, and 发文日期 as the publication date") {
  const std::string src =
      "索 引 号 | 014416330/2018-04736 | 分 类 | 政府信息公开年报 |\n"
      "发布机构 | 市政府办 | 发文日期 | 2018-02-28 |\n"
      "文 号 | 有 效 性 |\n"
      "一、主要工作概述\n"
      "规章 | 0 | 0 | 0 |\n";
  const Report r = parse_report(src);
  REQUIRE(r.metadata.size() == 6);
  CHECK(r.metadata[0].label == U"索引号");
  CHECK(span_text(src, r.metadata[0].value_span) == "014416330/2018-04736");
  CHECK(r.metadata[1].label == U"分类");
  CHECK(span_text(src, r.metadata[2].value_span) == "市政府办");
  CHECK(r.metadata[3].label == U"发文日期");
  CHECK(r.metadata[4].label == U"文号");
  CHECK(r.metadata[4].value_span.empty());
  CHECK(r.metadata[5].label == U"有效性");
  REQUIRE(r.published);
  CHECK(r.published->date.year == 2018);
  CHECK(r.published->date.month == 2);
  CHECK(r.published->date.day == 28);
  // A label must fill its cell: text that only starts with one is no label.
  CHECK(parse_report("来源说明 | 市政府办 |\n").metadata.empty());
}
