// Check kinds over the bound statistics tables: the pack's relations (table/balance,
// table/row-total, table/results-total, table/review-total, table/sum, table/part-exceeds-whole),
// table/missing, table/blank-cell, table/invalid-number, table/outdated-template and
// table/prose-mismatch. Which tables, labels, equations and prose links exist comes from the pack.
#pragma once
#include "rules/check_context.h"

namespace nblint {

void check_tables(const CheckContext& ctx);

}  // namespace nblint
