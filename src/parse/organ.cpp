#include "parse/organ.h"

#include <vector>

#include "parse/text_scan.h"

namespace nblint {
namespace {

// --- Level tables. Every test is on the END of the name: the level is carried by the last
// word (the 乡 in 住房和城乡建设局 or the 镇 in 碣石镇财政所 says nothing). Checked in order:
// township, government, department, bare place name.

// A township organ is 镇/乡/街道/苏木, optionally followed by its government's name.
constexpr std::u32string_view kTownshipPlaces[] = {
    U"镇",    // 大五里镇, 马水镇
    U"乡",    // 乡 and 民族乡
    U"街道",  // 砲里街道 (sub-district, treated like a township by Art. 49 practice)
    U"苏木",  // Inner Mongolia's township-level unit
};
constexpr std::u32string_view kTownshipGovernments[] = {
    U"",          // the bare place: 大五里镇2020年…
    U"人民政府",  // 中埠镇人民政府: must be a township, so townships are tested before 人民政府
    U"政府",      // 镇政府
    U"办事处",    // 街道办事处
    U"办",        // 街道办 (colloquial)
};

// A government-level organ: the government itself, or its general office (办公厅/办公室),
// which publishes the government's report (Art. 49 ¶2). Stripped before kGovernmentBodies.
constexpr std::u32string_view kGovernmentOffices[] = {
    U"办公厅",  // 上海市人民政府办公厅
    U"办公室",  // 武汉市汉阳区人民政府办公室, 平潭综合实验区管委会办公室
    U"办",      // 区政府办 (colloquial)
};
constexpr std::u32string_view kGovernmentBodies[] = {
    U"政府",          // 人民政府, 市政府
    U"区管委会",      // 平潭综合实验区管委会: zones (实验区, 开发区, 新区) are governed by a 管委会
    U"区管理委员会",  // the same, spelt out
    U"国务院",        // the State Council (国务院办公厅)
};

// A department of a people's government (Art. 49 ¶1: 局, 委, 办 …).
constexpr std::u32string_view kDepartmentSuffixes[] = {
    U"局",      // 国家机关事务管理局, 永嘉县统计局, 阎良区信访局
    U"委",      // 市发改委
    U"委员会",  // 北京市发展和改革委员会
    U"办",      // 市政府研究办 and other 办
    U"办公室",  // 长春市二道区房屋征收工作管理办公室 (a government's own 办公室 is caught above)
    U"办事处",  // 驻京办事处 (a 街道办事处 is caught as a township above)
    U"厅",      // 省教育厅
    U"中心",    // 政务服务中心
    U"署",      // 海关总署
    U"院",      // 研究院, 设计院 attached to a government
    U"部",      // State Council ministries: 商务部
};

// A bare place name stands for its government (平潭综合实验区, 辽东湾新区, 南京市秦淮区).
constexpr std::u32string_view kPlaceSuffixes[] = {
    U"省", U"市", U"县", U"区",  // province, city, county, district / zone
    U"州", U"盟", U"旗",         // autonomous prefecture, league, banner
};

// --- Where the name ends. The report subject follows the organ (…局政府信息公开工作年度报告).
constexpr std::u32string_view kSubjectCore = U"信息公开";   // 政府信息公开, 政务信息公开, 信息公开
constexpr std::u32string_view kSubjectPrefixes[] = {U"政府", U"政务"};  // part of the subject
constexpr std::u32string_view kSubjectOther = U"政务公开";  // …局2022年政务公开工作年度报告
constexpr std::u32string_view kAbout = U"关于";              // 关于…的报告, …局关于…的报告

bool ends_with(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_year_digit(char32_t c) {
  return (c >= U'0' && c <= U'9') || std::u32string_view(U"〇零一二三四五六七八九").find(c) != std::u32string_view::npos;
}

struct Year {
  std::size_t begin, end;  // end is after 年 / 年度
};

// The first 2019年 / 2019年度 / 二〇一九年 (four digits, blanks allowed before 年).
std::optional<Year> find_year(std::u32string_view t) {
  for (std::size_t i = 0; i + 4 < t.size(); ++i) {
    if (i > 0 && is_year_digit(t[i - 1])) continue;
    std::size_t j = i;
    while (j < t.size() && is_year_digit(t[j])) ++j;
    if (j - i != 4) continue;
    std::size_t k = j;
    while (k < t.size() && is_blank(t[k])) ++k;
    if (k >= t.size() || t[k] != U'年') continue;
    ++k;
    if (k < t.size() && t[k] == U'度') ++k;
    return Year{i, k};
  }
  return std::nullopt;
}

// Each place where the report subject begins, as a cut for the organ name. In 镇人民政府信息公开
// the 政府 belongs to the organ (人民政府), in 镇政府信息公开 to the subject.
std::vector<std::size_t> subject_cuts(std::u32string_view t, std::size_t from) {
  std::vector<std::size_t> cuts;
  for (std::size_t q = t.find(kSubjectCore, from); q != std::u32string_view::npos; q = t.find(kSubjectCore, q + 1)) {
    std::size_t cut = q;
    for (auto p : kSubjectPrefixes) {
      if (q >= from + p.size() && t.substr(q - p.size(), p.size()) == p) cut = q - p.size();
    }
    if (cut != q && cut >= from + 2 && t.substr(cut - 2, 2) == U"人民") cut = q;
    cuts.push_back(cut);
  }
  for (std::size_t q = t.find(kSubjectOther, from); q != std::u32string_view::npos; q = t.find(kSubjectOther, q + 1))
    cuts.push_back(q);
  return cuts;
}

}  // namespace

OrganLevel classify_organ(std::u32string_view name) {
  for (auto gov : kTownshipGovernments) {
    if (!ends_with(name, gov)) continue;
    const std::u32string_view place_name = name.substr(0, name.size() - gov.size());
    for (auto place : kTownshipPlaces)
      if (ends_with(place_name, place) && place_name.size() > place.size()) return OrganLevel::Township;
  }
  for (auto office : kGovernmentOffices) {
    if (!ends_with(name, office) && !office.empty()) continue;
    std::u32string_view body = name.substr(0, name.size() - office.size());
    for (auto gov : kGovernmentBodies)
      if (ends_with(body, gov)) return OrganLevel::Government;
  }
  for (auto gov : kGovernmentBodies)
    if (ends_with(name, gov)) return OrganLevel::Government;
  for (auto dept : kDepartmentSuffixes)
    if (ends_with(name, dept) && name.size() > dept.size()) return OrganLevel::Department;
  for (auto place : kPlaceSuffixes)
    if (ends_with(name, place) && name.size() > place.size()) return OrganLevel::Government;
  return OrganLevel::Unknown;
}

std::optional<OrganFact> find_organ(std::u32string_view t) {
  std::size_t begin = 0, end = t.size();
  trim(t, begin, end);
  if (t.substr(begin, kAbout.size()) == kAbout) begin += kAbout.size();
  while (begin < end && is_blank(t[begin])) ++begin;

  // Year first (2019年陆丰市碣石镇…): the organ follows it. Otherwise the year ends the organ.
  std::size_t limit = end;
  const auto year = find_year(t.substr(0, end));
  if (year && year->begin >= begin) {
    if (year->begin == begin) {
      begin = year->end;
      while (begin < end && is_blank(t[begin])) ++begin;
    } else {
      limit = year->begin;
    }
  }

  // Candidate ends: the year (when it follows the organ) and each subject start before it.
  std::vector<std::size_t> cuts = subject_cuts(t.substr(0, limit), begin);
  if (limit != end) cuts.push_back(limit);

  std::optional<OrganFact> best, shortest;
  for (std::size_t cut : cuts) {
    std::size_t b = begin, e = cut;
    trim(t, b, e);
    if (e >= b + kAbout.size() && t.substr(e - kAbout.size(), kAbout.size()) == kAbout) e -= kAbout.size();  // …局关于
    trim(t, b, e);
    if (e <= b) continue;
    OrganFact f{b, e, classify_organ(t.substr(b, e - b))};
    if (!shortest || e < shortest->end) shortest = f;
    // The longest name with a known level wins: 某市政府信息公开办公室2010年… keeps the whole
    // office, 某局政务公开暨政府信息公开… cuts at the first subject.
    if (f.level != OrganLevel::Unknown && (!best || e > best->end)) best = f;
  }
  return best ? best : shortest;
}

const char* organ_level_name(OrganLevel level) {
  switch (level) {
    case OrganLevel::Government: return "government";
    case OrganLevel::Department: return "department";
    case OrganLevel::Township: return "township";
    case OrganLevel::Unknown: break;
  }
  return "unknown";
}

}  // namespace nblint
