#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "support/u32_printing.h"

#include "grammar/number.h"

using namespace nblint;
using grammar::CellValueKind;
using grammar::find_numbers;
using grammar::NumberMatch;
using grammar::parse_cell_value;
using grammar::parse_number_at;

namespace {

// "44件" style summary of a match: the matched text, for compact comparisons.
std::u32string matched(std::u32string_view text, const NumberMatch& m) {
  return std::u32string(text.substr(m.begin, m.end - m.begin));
}

std::vector<std::u32string> all_matched(std::u32string_view text) {
  std::vector<std::u32string> out;
  for (const auto& m : find_numbers(text)) out.push_back(matched(text, m));
  return out;
}

NumberMatch number_at(std::u32string_view text, std::size_t pos = 0) {
  const auto m = parse_number_at(text, pos);
  REQUIRE(m.has_value());
  return *m;
}

using V = std::vector<std::u32string>;

}  // namespace

TEST_CASE("number grammar: plain integers, positions and no unit") {
  const std::u32string t = U"共44";
  const auto m = number_at(t, 1);
  CHECK(m.begin == 1);
  CHECK(m.end == 3);
  CHECK(m.numeral_begin == 1);
  CHECK(m.numeral_end == 3);
  CHECK(m.mantissa == 44);
  CHECK(m.scale == 0);
  CHECK(m.integer_digits == 2);
  CHECK(m.integer() == 44);
  CHECK(m.value_milli() == 44000);
  CHECK_FALSE(m.negative);
  CHECK_FALSE(m.thousands_separators);
  CHECK_FALSE(m.chinese_numeral);
  CHECK(m.unit.empty());
  CHECK(number_at(U"0").integer() == 0);
  CHECK_FALSE(parse_number_at(t, 0));  // 共 is no number
  CHECK_FALSE(parse_number_at(t, 2));  // inside a run of digits
}

TEST_CASE("number grammar: thousands separators every three digits only") {
  const auto m = number_at(U"1,234,567");
  CHECK(m.thousands_separators);
  CHECK(m.mantissa == 1234567);
  CHECK(m.integer_digits == 7);
  CHECK(m.end == 9);
  CHECK(number_at(U"2,046条").unit == U"条");
  CHECK(number_at(U"1,234.5").value_milli() == 1234500);
  // Bad grouping: not one grouped number.
  const auto bad = number_at(U"12,34");
  CHECK_FALSE(bad.thousands_separators);
  CHECK(bad.mantissa == 12);
  CHECK(all_matched(U"12,34") == V{U"12", U"34"});
  CHECK(all_matched(U"1,2345") == V{U"1", U"2345"});
  CHECK(all_matched(U"1,234,56") == V{U"1", U"234", U"56"});
  CHECK(all_matched(U"1234,567") == V{U"1234", U"567"});
}

TEST_CASE("number grammar: decimals keep mantissa and scale exactly") {
  const auto m = number_at(U"5949.088667");
  CHECK(m.mantissa == 5949088667);
  CHECK(m.scale == 6);
  CHECK(m.integer_digits == 4);
  CHECK_FALSE(m.integer().has_value());
  CHECK(m.value_milli() == 5949089);  // rounded half away from zero
  CHECK(m.value() == doctest::Approx(5949.088667));
  CHECK(number_at(U"0.5").value_milli() == 500);
  CHECK(number_at(U"0.0005").value_milli() == 1);
  CHECK(number_at(U"0.0004").value_milli() == 0);
  CHECK(number_at(U"5.50").scale == 2);
  CHECK(number_at(U"-2.5").value_milli() == -2500);
  // "5." is 5 followed by a full stop.
  CHECK(all_matched(U"共5.") == V{U"5"});
  // Dotted sequences are no numbers at all.
  CHECK(all_matched(U"版本1.2.3发布") == V{});
  CHECK(all_matched(U"IP 192.168.1.1") == V{});
}

TEST_CASE("number grammar: negative signs") {
  const auto hyphen = number_at(U"-3");
  CHECK(hyphen.negative);
  CHECK(hyphen.integer() == -3);
  CHECK(hyphen.begin == 0);
  CHECK(hyphen.numeral_begin == 1);
  CHECK(number_at(U"\u22123").integer() == -3);  // U+2212 MINUS SIGN
  const std::u32string jian = U"本年减3项";
  const auto j = number_at(jian, 2);
  CHECK(j.negative);
  CHECK(j.integer() == -3);
  CHECK(matched(jian, j) == U"减3项");
  CHECK(all_matched(jian) == V{U"减3项"});
  CHECK(number_at(U"+5").integer() == 5);
  // Not signs: after a digit (a range), in the column header 增/减 or 增减.
  CHECK(all_matched(U"1-3月") == V{U"1", U"3月"});
  CHECK(all_matched(U"本年增/减3") == V{U"3"});
  CHECK(all_matched(U"增减3") == V{U"3"});
  CHECK_FALSE(parse_number_at(U"减少3", 0));
  // (3) is an enumerator, not an accounting-style negative.
  CHECK(all_matched(U"行政复议(3)") == V{});
}

TEST_CASE("number grammar: units right after the number, or after one blank") {
  const std::u32string t = U"44件";
  const auto m = number_at(t);
  CHECK(m.unit == U"件");
  CHECK(m.end == 3);
  CHECK(m.numeral_end == 2);
  CHECK(number_at(U"44 件").unit == U"件");
  CHECK(number_at(U"44 件").end == 4);
  CHECK(number_at(U"44  件").unit.empty());  // two blanks: no unit
  CHECK(number_at(U"44  件").end == 2);
  CHECK(number_at(U"251000元").unit == U"元");
  CHECK(number_at(U"0.5万元").unit == U"万元");
  CHECK(number_at(U"1.5万元").value_milli() == 1500);  // as written: no unit conversion
  CHECK(number_at(U"98.9%").unit == U"%");
  CHECK(number_at(U"98.9%").value_milli() == 98900);
  CHECK(number_at(U"3‰").unit == U"‰");
  CHECK(number_at(U"12人次").unit == U"人次");
  CHECK(number_at(U"12人").unit == U"人");
  CHECK(number_at(U"42场次").unit == U"场次");
  CHECK(number_at(U"20个工作日").unit == U"个工作日");
  CHECK(number_at(U"70 周年").unit == U"周年");
  CHECK(number_at(U"热线电话11通", 4).unit == U"通");
  const auto approx = number_at(U"3000余条");
  CHECK(approx.approximate);
  CHECK(approx.unit == U"条");
  CHECK(approx.mantissa == 3000);
  CHECK(approx.end == 6);
  CHECK_FALSE(number_at(U"3000余").approximate);  // 余 without a unit is left alone
  CHECK(number_at(U"3000余").end == 4);
  // Digits glued to ASCII letters are not numbers.
  CHECK_FALSE(parse_number_at(U"10MB", 0));
  CHECK(number_at(U"44 MB").unit.empty());
}

TEST_CASE("number grammar: Chinese numerals are counts only before a counting unit") {
  const auto m = number_at(U"四十四件");
  CHECK(m.chinese_numeral);
  CHECK(m.mantissa == 44);
  CHECK(m.unit == U"件");
  CHECK(m.numeral_end == 3);
  CHECK(m.end == 4);
  CHECK(number_at(U"十件").mantissa == 10);
  CHECK(number_at(U"十二条").mantissa == 12);
  CHECK(number_at(U"两个").mantissa == 2);
  CHECK(number_at(U"九十九项").mantissa == 99);
  CHECK(number_at(U"一百次").mantissa == 100);
  CHECK(number_at(U"一百二十三条").mantissa == 123);
  CHECK(number_at(U"一百零五件").mantissa == 105);
  CHECK(number_at(U"两百人次").mantissa == 200);
  CHECK(number_at(U"一千零五十件").mantissa == 1050);
  CHECK(number_at(U"一千二百零五件").mantissa == 1205);
  CHECK(number_at(U"三千〇八件").mantissa == 3008);
  CHECK(number_at(U"五家").unit == U"家");
  const auto approx = number_at(U"十余件");
  CHECK(approx.approximate);
  CHECK(approx.mantissa == 10);
  // Not counts.
  CHECK_FALSE(parse_number_at(U"一是加强领导", 0));
  CHECK(all_matched(U"一是加强领导，二是完善制度") == V{});
  CHECK(all_matched(U"\"十三五\"规划") == V{});
  CHECK(all_matched(U"第二十条第(一)项") == V{});
  CHECK(all_matched(U"第一次会议") == V{});
  CHECK(all_matched(U"二〇二〇年一月一日") == V{});
  CHECK(all_matched(U"三个月") == V{});  // a duration, not a count of things
  CHECK(all_matched(U"属于三类内部事务信息") == V{});
  CHECK(all_matched(U"一次性告知，一条龙服务，一件事一次办") == V{U"一次"});
  CHECK(all_matched(U"零件") == V{});
  CHECK(all_matched(U"上一篇:下一篇:") == V{});
  CHECK(all_matched(U"下一个") == V{});
  CHECK(all_matched(U"一百二件") == V{});  // colloquial; not read as 100 or 2
  CHECK(all_matched(U"一万两千件") == V{});
}

TEST_CASE("number grammar: dates are skipped whole") {
  CHECK_FALSE(parse_number_at(U"2020年", 0));
  CHECK(all_matched(U"2020年") == V{});
  CHECK(all_matched(U"2020年1月1日") == V{});
  CHECK(all_matched(U"自2020年1月1日至12月31日") == V{});
  CHECK(all_matched(U"2020-01-01") == V{});
  CHECK(all_matched(U"2020.1.1") == V{});
  CHECK(all_matched(U"2020/1/1") == V{});
  CHECK(all_matched(U"2020年度共收到申请44件") == V{U"44件"});
  CHECK(all_matched(U"2020 年") == V{});  // a year with a blank
  CHECK(all_matched(U"办理期限3年") == V{U"3年"});
}

TEST_CASE("number grammar: codes, runs and letters") {
  CHECK(all_matched(U"pzxxgkb163") == V{});
  CHECK(all_matched(U"索引号:pzxxgkb163/2021-00012") == V{});
  CHECK(all_matched(U"编号000023") == V{});  // leading zero: a code
  CHECK_FALSE(parse_number_at(U"007", 0));
  // Up to 15 integer digits are read; longer runs are never split into smaller numbers.
  const auto run = number_at(U"6400204702");
  CHECK(run.integer_digits == 10);
  CHECK(run.mantissa == 6400204702);
  CHECK(number_at(U"123456789012345").integer_digits == 15);
  CHECK_FALSE(parse_number_at(U"1234567890123456", 0));
  CHECK(all_matched(U"1234567890123456") == V{});
  CHECK_FALSE(parse_number_at(U"1234567890.123456789", 0));  // 19 digits in all
  CHECK(all_matched(U"第3条") == V{});
  // Page furniture: addresses, file names, times, phone-like codes.
  CHECK(all_matched(U"http://www.pingtan.gov.cn/xxgk/zfxxgknb/202001/t20200120_80576.htm") == V{});
  CHECK(all_matched(U"邮箱:ptxxgkb@163.com") == V{});
  CHECK(all_matched(U"发布时间:2020-01-20 15:22") == V{});
  CHECK(all_matched(U"比例为3/5") == V{});
  CHECK(all_matched(U"邮编:350400") == V{U"350400"});
  // Malformed dates are left to the date rules, not read as numbers.
  CHECK(all_matched(U"统计期限自202020年12月31日") == V{});
  CHECK(all_matched(U"自201911日起至20191231日止") == V{});
}

TEST_CASE("number grammar: enumerators are not numbers in find_numbers") {
  CHECK(all_matched(U"1.属于国家秘密") == V{});
  CHECK(all_matched(U"  2、本年新收申请44件") == V{U"44件"});
  CHECK(all_matched(U"(1)本机关不掌握相关政府信息") == V{});
  CHECK(all_matched(U"一、总体情况\n1.主动公开政府信息2,046条\n2.依申请公开") == V{U"2,046条"});
  // Inside a paragraph.
  CHECK(all_matched(U"(二)主要做法1.加强组织领导。2.把握工作重点") == V{});
  CHECK(all_matched(U"做好公开工作。2、把握重点,分别为3、5、7件") == V{U"3", U"5", U"7件"});
  CHECK(all_matched(U"共5.") == V{U"5"});
  // A line starting with a decimal is no enumerator.
  CHECK(all_matched(U"1.5万元") == V{U"1.5万元"});
  // parse_number_at itself reads them: the caller chose the position.
  CHECK(number_at(U"1.属于国家秘密").mantissa == 1);
}

TEST_CASE("number grammar: report prose") {
  const std::u32string s1 = U"本年新收政府信息公开申请44件,上年结转2件";  // folded: ， is ','
  const auto n1 = find_numbers(s1);
  REQUIRE(n1.size() == 2);
  CHECK(n1[0].integer() == 44);
  CHECK(n1[0].unit == U"件");
  CHECK(matched(s1, n1[0]) == U"44件");
  CHECK(n1[0].begin == 12);
  CHECK(n1[1].integer() == 2);
  CHECK(n1[1].unit == U"件");

  CHECK(all_matched(U"行政复议2件、行政诉讼1件") == V{U"2件", U"1件"});
  const std::u32string fee = U"收取费用251000元。";
  const auto f = find_numbers(fee);
  REQUIRE(f.size() == 1);
  CHECK(f[0].integer() == 251000);
  CHECK(f[0].unit == U"元");
  const std::u32string pub = U"主动公开政府信息2,046条";
  const auto p = find_numbers(pub);
  REQUIRE(p.size() == 1);
  CHECK(p[0].integer() == 2046);
  CHECK(p[0].thousands_separators);
  CHECK(p[0].unit == U"条");

  CHECK(all_matched(U"2021年,本机关共收到政府信息公开申请四十四件,办结四十二件,结转下年度继续办理两件。") ==
        V{U"四十四件", U"四十二件", U"两件"});
  CHECK(all_matched(U"全年发布信息3000余条,网站访问量达12.5万人次,公开率98.9%。") ==
        V{U"3000余条", U"12.5万人次", U"98.9%"});
  CHECK(all_matched(U"2020年1月1日至2020年12月31日,未发生政府信息公开行政复议、行政诉讼案件,"
                    U"被申请行政复议0件。") == V{U"0件"});
  CHECK(all_matched(U"依照《条例》第二十条规定,在20个工作日内答复") == V{U"20个工作日"});
  CHECK(all_matched(U"本年增/减 -3") == V{U"-3"});
  // Section 四 as one line of numbers.
  CHECK(all_matched(U"0 1 0 0 1 2 0 0 0 2 0 0 0 0 0").size() == 15);
}

TEST_CASE("number grammar: table cells") {
  const auto kind = [](std::u32string_view cell) { return parse_cell_value(cell).kind; };
  const auto value = [](std::u32string_view cell) {
    const auto v = parse_cell_value(cell);
    REQUIRE(v.kind == CellValueKind::Number);
    return v.number;
  };
  CHECK(value(U"0").integer() == 0);
  CHECK(value(U" 3 ").integer() == 3);
  CHECK(value(U" 3 ").begin == 1);  // positions are indices into the cell
  CHECK(value(U" 12 ").integer() == 12);
  CHECK(value(U"1,234").integer() == 1234);
  CHECK(value(U"1,234").thousands_separators);
  CHECK(value(U"5.5").value_milli() == 5500);
  CHECK(value(U"-3").integer() == -3);
  CHECK(value(U"251000元").unit == U"元");
  CHECK(value(U"44 件").integer() == 44);
  CHECK(value(U"\u00A012\t").integer() == 12);

  CHECK(kind(U"") == CellValueKind::Blank);
  CHECK(kind(U"   ") == CellValueKind::Blank);
  CHECK(kind(U"/") == CellValueKind::Blank);
  CHECK(kind(U"—") == CellValueKind::Blank);
  CHECK(kind(U"——") == CellValueKind::Blank);
  CHECK(kind(U"-") == CellValueKind::Blank);
  CHECK(kind(U" - ") == CellValueKind::Blank);
  CHECK(kind(U"无") == CellValueKind::Blank);

  CHECK(kind(U"230 000023") == CellValueKind::NotANumber);
  CHECK(kind(U"6400204702") == CellValueKind::NotANumber);
  CHECK(parse_cell_value(U"6400204702", 10).kind == CellValueKind::Number);
  CHECK(kind(U"123456789") == CellValueKind::Number);
  CHECK(kind(U"12,34") == CellValueKind::NotANumber);
  CHECK(kind(U"3件4件") == CellValueKind::NotANumber);
  CHECK(kind(U"2020年") == CellValueKind::NotANumber);
  CHECK(kind(U"四十四") == CellValueKind::NotANumber);
  CHECK(kind(U"abc") == CellValueKind::NotANumber);
  CHECK(kind(U"1.2.3") == CellValueKind::NotANumber);
  CHECK(kind(U"00") == CellValueKind::NotANumber);
}

TEST_CASE("number grammar: random text stays in bounds, matches are ordered and disjoint") {
  const std::u32string alphabet = U"0123456789,.-+ \t\n()/%‰\u2212减增第年月日件条个人次万元余一二两三十百千零〇是abc";
  std::uint32_t seed = 12345;
  const auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 3000; ++round) {
    std::u32string s;
    const std::size_t len = next() % 24;
    for (std::size_t i = 0; i < len; ++i) s.push_back(alphabet[(next() >> 8) % alphabet.size()]);
    std::size_t last_end = 0;
    for (const auto& m : find_numbers(s)) {
      REQUIRE(m.begin >= last_end);
      REQUIRE(m.begin <= m.numeral_begin);
      REQUIRE(m.numeral_begin < m.numeral_end);
      REQUIRE(m.numeral_end <= m.end);
      REQUIRE(m.end <= s.size());
      REQUIRE(m.mantissa >= 0);
      last_end = m.end;
    }
    for (std::size_t pos = 0; pos <= s.size(); ++pos) {
      if (const auto m = parse_number_at(s, pos)) REQUIRE(m->end <= s.size());
    }
    const auto cell = parse_cell_value(s);
    if (cell.kind == CellValueKind::Number) REQUIRE(cell.number.end <= s.size());
  }
}
