// Reports the failures of the pack's relations (table/balance, table/row-total, …), each at the
// cell a person would correct, with the relation written out in labels and numbers.
#pragma once
#include "rules/check_context.h"

namespace nblint {

void report_relations(const CheckContext& ctx);

}  // namespace nblint
