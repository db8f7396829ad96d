// Prose facts (counts stated in sentences) and data period claims, as the parser extracts them.
#include <doctest/doctest.h>

#include <string>

#include "parse/prose_facts.h"
#include "parse/report_parser.h"
#include "support/run.h"

using namespace nblint;

namespace {

std::string text_of(const std::string& src, Span s) { return src.substr(s.begin, s.end - s.begin); }

// "new_requests=44;carried_in=3;": the facts in order, readable in a failure message.
std::string summary(const Report& r) {
  std::string out;
  for (const ProseFact& f : r.prose_facts)
    out += std::string(prose_fact_key(f.kind)) + "=" + std::to_string(f.value.integer()) + ";";
  return out;
}

std::string facts_of(const std::string& src) { return summary(parse_report(src)); }

// "2020/1/1-0/12/28;": each claim's from and to as stated (0 where not said).
std::string claims(const Report& r) {
  std::string out;
  for (const DataPeriodClaim& c : r.period_claims)
    out += std::to_string(c.from_year) + "/" + std::to_string(c.from_month) + "/" + std::to_string(c.from_day) + "-" +
           std::to_string(c.to_year) + "/" + std::to_string(c.to_month) + "/" + std::to_string(c.to_day) + ";";
  return out;
}

std::string claims_of(const std::string& src) { return claims(parse_report(src)); }

}  // namespace

TEST_CASE("prose facts: new requests in their usual phrasings") {
  CHECK(facts_of("本年新收政府信息公开申请44件。\n") == "new_requests=44;");
  CHECK(facts_of("我局受理依申请公开56件。\n") == "new_requests=56;");
  CHECK(facts_of("本年新收政府信息公开申请数量为12。\n") == "new_requests=12;");
  CHECK(facts_of("2021年未收到政府信息公开申请。\n") == "new_requests=0;");
  CHECK(facts_of("2021年无依申请公开事项。\n") == "new_requests=0;");

  SUBCASE("the counted noun after the count") {
    const std::string src = "2022年,区政府办公室共收到8份政府信息公开申请,均为自然人申请。\n";
    const Report r = parse_report(src);
    REQUIRE(r.prose_facts.size() == 1);
    CHECK(r.prose_facts[0].kind == ProseFactKind::NewRequests);
    CHECK(r.prose_facts[0].value.integer() == 8);
    CHECK(r.prose_facts[0].value.unit == U"份");
    CHECK(text_of(src, r.prose_facts[0].span) == "区政府办公室共收到8份政府信息公开申请");
  }
  SUBCASE("Chinese numerals") {
    const std::string src = "全年共收到政府信息公开申请四十四件。\n";
    const Report r = parse_report(src);
    REQUIRE(r.prose_facts.size() == 1);
    CHECK(r.prose_facts[0].value.integer() == 44);
    CHECK(text_of(src, r.prose_facts[0].number) == "四十四");
  }
  SUBCASE("full-width digits and punctuation are folded; spans stay in the source") {
    const std::string src = "全年收到政府信息公开申请４４件，上年结转３件。\n";
    const Report r = parse_report(src);
    CHECK(summary(r) == "new_requests=44;carried_in=3;");
    REQUIRE(r.prose_facts.size() == 2);
    CHECK(text_of(src, r.prose_facts[0].number) == "４４");
    CHECK(text_of(src, r.prose_facts[1].span) == "上年结转３件");
  }
}

TEST_CASE("prose facts: carry-overs, and a zero said in words") {
  CHECK(facts_of("本年新收政府信息公开申请44件，上年结转3件，结转下年度继续办理2件。\n") ==
        "new_requests=44;carried_in=3;carried_out=2;");
  CHECK(facts_of("全部按期办结，无下年度结转。\n") == "carried_out=0;");
  CHECK(facts_of("无上年结转申请。\n") == "carried_in=0;");
  CHECK(facts_of("无结转。\n") == "");  // which way is not said

  const std::string src = "无下年度结转。\n";
  const Report r = parse_report(src);
  REQUIRE(r.prose_facts.size() == 1);
  CHECK(r.prose_facts[0].value.integer() == 0);
  CHECK(r.prose_facts[0].number.empty());
  CHECK(text_of(src, r.prose_facts[0].span) == "无下年度结转");
}

TEST_CASE("prose facts: administrative reviews and suits") {
  CHECK(facts_of("本年度被申请行政复议2件。\n") == "review_total=2;");
  CHECK(facts_of("被提起行政诉讼1件。\n") == "litigation_total=1;");
  CHECK(facts_of("未发生行政复议和行政诉讼。\n") == "review_total=0;litigation_total=0;");
  CHECK(facts_of("因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。\n") == "review_total=2;litigation_total=7;");
  CHECK(facts_of("行政复议、行政诉讼各1件。\n") == "review_total=1;litigation_total=1;");
  CHECK(facts_of("行政复议2件，其中结果维持1件，结果纠正1件。\n") == "review_total=2;");
  CHECK(facts_of("未收到行政复议申请。\n") == "review_total=0;");  // not a request count
  // Ambiguous or partial: nothing rather than a guess.
  CHECK(facts_of("行政复议和行政诉讼共3件。\n") == "");
  CHECK(facts_of("行政复议结果维持1件。\n") == "");
  CHECK(facts_of("力争不发生行政复议和行政诉讼，确保无行政复议案件。\n") == "");
}

TEST_CASE("prose facts: table rows, other things, percentages and dates are no facts") {
  // Table rows: one cell per line, pipes, tabs, and a row run together with unitless numbers.
  CHECK(facts_of("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\n44\n"
                 "二、上年结转政府信息公开申请数量\n3\n四、结转下年度继续办理\n2\n") == "");
  CHECK(facts_of("| 一、本年新收政府信息公开申请数量 | 44 | 0 | 44 |\n| 二、上年结转政府信息公开申请数量 | 3 | 0 | 3 |\n") == "");
  CHECK(facts_of("一、本年新收政府信息公开申请数量\t44\t0\t44\n") == "");
  CHECK(facts_of("其他一、本年新收政府信息公开申请数量44 0 0 0 0 0 44二、上年结转政府信息公开申请数量3 0 0 3\n") == "");
  // Counts of other things, said with some of the same words.
  CHECK(facts_of("收到群众来信12件。\n") == "");
  CHECK(facts_of("办结政府信息公开申请10件。\n") == "");
  CHECK(facts_of("收到申请人补正材料3份。\n") == "");
  CHECK(facts_of("设立了1个专门的信息申请受理点。\n") == "");
  CHECK(facts_of("本单位没有向依申请公开对象收取任何费用。\n") == "");
  // Percentages, comparisons, approximations, dates and years.
  CHECK(facts_of("政府信息公开申请按时办结率100%。\n") == "");
  CHECK(facts_of("受理政府信息公开申请同比增长15%。\n") == "");
  CHECK(facts_of("收到政府信息公开申请较上年增加3件。\n") == "");
  CHECK(facts_of("收到政府信息公开申请10余件。\n") == "");
  CHECK(facts_of("2022年12月31日前收到的政府信息公开申请均已办结。\n") == "");
  CHECK(facts_of("2021年收到政府信息公开申请。\n") == "");
  // A heading is no statement.
  CHECK(facts_of("四、未发生行政复议和行政诉讼\n") == "");
}

TEST_CASE("prose facts: the applicant, the order of negation and keywords, every range separator") {
  // 申请 inside 申请人 is no request; one beside it is.
  CHECK(facts_of("收到申请人材料3件。\n") == "");
  CHECK(facts_of("共收到8份申请人的材料。\n") == "");
  CHECK(facts_of("收到申请人申请3件。\n") == "new_requests=3;");
  CHECK(facts_of("被申请人提起行政诉讼1件。\n") == "litigation_total=1;");
  // The negation must come first; the earliest one (the longer where two begin together) counts.
  CHECK(facts_of("没有发生行政复议。\n") == "review_total=0;");
  CHECK(facts_of("行政复议没有发生。\n") == "");
  CHECK(facts_of("未发生行政诉讼、无行政复议。\n") == "review_total=0;litigation_total=0;");
  CHECK(facts_of("行政诉讼、无行政复议。\n") == "review_total=0;");
  CHECK(facts_of("本年无依申请公开事项。\n") == "new_requests=0;");
  // A range is read only at 至 到 - — – ~ (the search for ranges is skipped in sentences without).
  for (const char* separator : {"-", "—", "–", "~"})
    CHECK(claims_of("统计期限为2022年1月1日" + std::string(separator) + "2022年12月28日。\n") == "2022/1/1-2022/12/28;");
  CHECK(claims_of("统计期限为2022年1月1日到12月28日。\n") == "2022/1/1-0/12/28;");
  CHECK(claims_of("统计期限为2022年1月1日，2022年12月28日。\n") == "");
}

TEST_CASE("prose facts: document order, lines and units") {
  const std::string src = "二、主动公开政府信息情况\n本年主动公开信息120条。\n三、收到和处理政府信息公开申请情况\n"
                          "本年新收政府信息公开申请44件，上年结转3件。\n四、政府信息公开行政复议、行政诉讼情况\n"
                          "本年度未发生行政复议和行政诉讼。\n";
  const Report r = parse_report(src);
  CHECK(summary(r) == "new_requests=44;carried_in=3;review_total=0;litigation_total=0;");
  REQUIRE(r.prose_facts.size() == 4);
  CHECK(r.prose_facts[0].line == 4);
  CHECK(text_of(src, r.prose_facts[0].span) == "本年新收政府信息公开申请44件");
  CHECK(text_of(src, r.prose_facts[0].number) == "44");
  CHECK(r.prose_facts[0].value.unit == U"件");
  CHECK(r.prose_facts[3].line == 6);
  CHECK(text_of(src, r.prose_facts[3].span) == "本年度未发生行政复议和行政诉讼");
}

TEST_CASE("prose facts: data period claims cover less than the year") {
  {
    const std::string src = "本报告所列数据的统计期限自2022年1月1日起至2022年12月28日止。\n";
    const Report r = parse_report(src);
    CHECK(claims(r) == "2022/1/1-2022/12/28;");
    REQUIRE(r.period_claims.size() == 1);
    CHECK(r.period_claims[0].line == 1);
    CHECK(text_of(src, r.period_claims[0].span) == "本报告所列数据的统计期限自2022年1月1日起至2022年12月28日止");
  }
  CHECK(claims_of("本报告所列数据的统计期限为2022年1月1日至12月28日。\n") == "2022/1/1-0/12/28;");
  CHECK(claims_of("统计时间截至2022年12月28日。\n") == "0/0/0-2022/12/28;");
  CHECK(claims_of("2020年1月1日至12月28日,我局累计主动公开政务信息418条。\n") == "2020/1/1-0/12/28;");
  {
    const std::string src = "截至2020年11月底，共主动公开政府信息120条。\n";
    const Report r = parse_report(src);
    CHECK(claims(r) == "0/0/0-2020/11/0;");
    REQUIRE(r.period_claims.size() == 1);
    CHECK(text_of(src, r.period_claims[0].span) == "截至2020年11月底");
  }
}

TEST_CASE("prose facts: full-year periods and other dates are no period claims") {
  CHECK(claims_of("本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n") == "");
  CHECK(claims_of("本报告中所列数据的统计期限自2022年1月1日起至12月31日止。\n") == "");
  CHECK(claims_of("截至2022年12月31日，共公开信息120条。\n") == "");
  CHECK(claims_of("截至2020年底,共主动公开政府信息120条。\n") == "");
  CHECK(claims_of("截至目前,共主动公开政府信息120条。\n") == "");
  CHECK(claims_of("截至2021年3月,整改工作已全部完成。\n") == "");  // not said of the data
  CHECK(claims_of("2022年3月至5月开展专项检查,共检查20件。\n") == "");  // an activity's time
}

TEST_CASE("prose facts: keys name the kinds") {
  CHECK(prose_fact_key(ProseFactKind::NewRequests) == "new_requests");
  CHECK(prose_fact_key(ProseFactKind::CarriedIn) == "carried_in");
  CHECK(prose_fact_key(ProseFactKind::CarriedOut) == "carried_out");
  CHECK(prose_fact_key(ProseFactKind::ReviewTotal) == "review_total");
  CHECK(prose_fact_key(ProseFactKind::LitigationTotal) == "litigation_total");
}

// Each expectation was checked by reading the file: the sentence stating it, and that no other
// sentence states a count of these kinds (tables, one cell per line or run together, give none).
TEST_CASE("prose facts: statements in the shared corpus") {
  if (!test::have_shared_corpus()) {
    MESSAGE("skipped: " << (test::shared_dir() / "corpus").string() << " is absent (the shared corpus is not checked out)");
    return;
  }
  struct Expectation {
    const char* file;
    const char* facts;
    const char* claims;
  };
  const Expectation expected[] = {
      {"seeds/000_1ca2b2a886ab5ce3.txt", "", ""},  // bare headings, no statements
      {"seeds/001_6b0820d803ecb1d1.txt", "new_requests=0;review_total=0;litigation_total=0;", ""},
      // traditional script with pinyin noise; 2020年1月1日至12月28日 …418条
      {"seeds/002_0728df078b1b9443.txt", "new_requests=0;review_total=0;litigation_total=0;", "2020/1/1-0/12/28;"},
      {"seeds/004_1ead00d6a3377127.txt", "", ""},  // statistics table, one cell per line
      {"real/002_pingtan-2019.txt", "", ""},       // 2019 table run together into one line
      {"real/003_pingtan-2023.txt", "new_requests=81;review_total=2;litigation_total=7;", ""},
      {"real/025_mashui-town-2019-table.txt", "review_total=0;litigation_total=0;", ""},
      {"real/029_hanyang-district-office-2022-table.txt", "new_requests=8;carried_out=0;", ""},
      {"real/031_erdao-fwzs-2022-table.txt", "new_requests=56;", ""},
      {"real/033_fuzhou-jx-stats-2022-spam-mirror.txt", "new_requests=18;", ""},
      {"real/043_paoli-street-2022.txt", "new_requests=0;", ""},  // full-year period: no claim
  };
  for (const Expectation& e : expected) {
    CAPTURE(e.file);
    const auto path = test::shared_dir() / "corpus" / e.file;
    REQUIRE(std::filesystem::is_regular_file(path));
    const std::string src = test::read_file(path);
    const Report r = parse_report(src);
    CHECK(summary(r) == e.facts);
    CHECK(claims(r) == e.claims);
  }

  const std::string src = test::read_file(test::shared_dir() / "corpus" / "real/029_hanyang-district-office-2022-table.txt");
  const Report r = parse_report(src);
  REQUIRE(r.prose_facts.size() == 2);
  CHECK(r.prose_facts[0].line == 52);
  CHECK(text_of(src, r.prose_facts[0].number) == "8");
  CHECK(r.prose_facts[0].value.unit == U"份");
  CHECK(text_of(src, r.prose_facts[1].span) == "无下年度结转");
}
