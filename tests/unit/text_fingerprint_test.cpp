#include <doctest/doctest.h>

#include <algorithm>

#include "rules/text_fingerprint.h"

using namespace nblint;

namespace {
const std::u32string kProse =
    U"本局围绕农村公路建设养护、道路运输管理、客运班线调整和交通执法四个方面确定年度公开重点，"
    U"全年在县政府门户网站本局专栏主动公开政府信息652条。其中，农村公路项目招标和施工进展信息87条，"
    U"客运班线和公交线路调整公告41条，交通运输行政执法结果信息223条。";
}

TEST_CASE("text fingerprint: the wording drops digits, punctuation and blanks, keeps ideographs and letters") {
  CHECK(wording_of(U"2024年，本局（ABC）公开 652 条。") == U"年本局ABC公开条");
}

TEST_CASE("text fingerprint: texts differing only in their figures and dates are the same") {
  std::u32string other = kProse;
  for (char32_t& c : other)
    if (c >= U'0' && c <= U'9') c = c == U'9' ? U'0' : c + 1;
  CHECK(similarity(fingerprint(wording_of(kProse)), fingerprint(wording_of(other))) == 1.0);
}

TEST_CASE("text fingerprint: a light edit stays similar, unrelated prose does not") {
  std::u32string edited = kProse;
  edited.replace(edited.find(U"道路运输管理"), 6, U"航道疏浚整治");
  const double light = similarity(fingerprint(wording_of(kProse)), fingerprint(wording_of(edited)));
  CHECK(light > 0.6);
  CHECK(light < 1.0);
  const std::u32string unrelated =
      U"上一年度报告提出的两个问题已经整改：一是执法结果信息延迟发布，本年度改为作出决定后七个工作日内上网；"
      U"二是专栏检索功能不便，已按文号、发布日期和信息类别设置了组合查询。";
  CHECK(similarity(fingerprint(wording_of(kProse)), fingerprint(wording_of(unrelated))) < 0.1);
}

TEST_CASE("text fingerprint: equal fingerprints share every band key, unrelated ones none") {
  const TextFingerprint a = fingerprint(wording_of(kProse));
  CHECK(band_keys(a) == band_keys(fingerprint(wording_of(kProse))));
  const auto other = band_keys(fingerprint(wording_of(U"专栏检索功能不便，已按文号、发布日期和信息类别设置了组合查询")));
  int shared = 0;
  for (auto k : band_keys(a)) shared += std::find(other.begin(), other.end(), k) != other.end();
  CHECK(shared == 0);
}
