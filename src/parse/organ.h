// The organ (issuing body) named in a report's title, and its level for the deadline rule
// (spec/regulation.md, "Deadlines"): government-level reports, departments, townships.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

#include "model/organ_level.h"

namespace nblint {

struct OrganFact {
  std::size_t begin = 0, end = 0;  // the organ name within the title text
  OrganLevel level = OrganLevel::Unknown;
};

// `title` is folded text (full-width folded, traditional simplified, blanks kept).
// "青山县交通运输局2025年政府信息公开工作年度报告" → 青山县交通运输局, Department.
// "2019年陆丰市碣石镇政府信息公开工作年度报告" → 陆丰市碣石镇, Township.
// Returns nullopt when the title names no organ (关于2022年度政府信息公开情况的报告) or has
// neither a year nor a report subject to end the name at.
std::optional<OrganFact> find_organ(std::u32string_view title);

// The level of an organ name alone ("永嘉县统计局" → Department).
OrganLevel classify_organ(std::u32string_view name);

const char* organ_level_name(OrganLevel);  // "government" / "department" / "township" / "unknown"

}  // namespace nblint
