// Statements in the report's prose that the prose-vs-table rule compares with the tables.
#pragma once
#include <cstdint>
#include <string_view>

#include "model/quantity.h"
#include "model/span.h"

namespace nblint {

enum class ProseFactKind {
  NewRequests,        // 本年新收政府信息公开申请44件 / 共收到8份政府信息公开申请
  CarriedIn,          // 上年结转3件
  CarriedOut,         // 结转下年度继续办理2件 / 无下年度结转 (value 0)
  ReviewTotal,        // 行政复议2件 / 未发生行政复议 (value 0)
  LitigationTotal,    // 被提起行政诉讼1件 / 行政诉讼0件
};

std::string_view prose_fact_key(ProseFactKind kind);  // "new_requests", "carried_in", …

struct ProseFact {
  ProseFactKind kind;
  Quantity value;
  Span span;         // the statement (the clause that says it), in source coordinates
  Span number;       // the numeral itself (44, 四十四; no unit); empty at the statement's end when the
                     // value is implied (无…, 未发生…)
  std::uint32_t line = 0;
};

// "…统计期限为2022年1月1日至12月28日" / "截至2020年11月底": data described as covering a period
// that ends (or starts) elsewhere than the year's bounds. Only claims about the data's period;
// full-year statements (1月1日…12月31日, 截至2020年底) are not recorded (see parse/prose_facts.h).
struct DataPeriodClaim {
  Span span;                      // the clause
  int from_year = 0, from_month = 0, from_day = 0;  // 0 when not said (always 0 for 截至…)
  int to_year = 0, to_month = 0, to_day = 0;  // the end the text states; 0 when not said
  std::uint32_t line = 0;
};

}  // namespace nblint
