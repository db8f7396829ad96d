// Labelled page metadata (索引号：…, 发布机构：…, 成文日期：…, 填报日期：…): the label, its value
// and, where the value starts with one, a date. Labels may be spaced (索 引 号) and share a line
// (发布机构: 广东省人民政府 成文日期: 2025-03-31), or come as table cells (| 索引号: | … |), where
// the colon may be missing when the label fills its cell (发布机构 | 市政府办 | 发文日期 | 2018-02-28 |).
#pragma once
#include "model/report.h"

namespace nblint {

// Fills report.metadata from report.folded.
void find_metadata(Report& report);

}  // namespace nblint
