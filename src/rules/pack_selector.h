// Chooses the rule pack for a report from the year it covers (or from --pack).
#pragma once
#include <cstdint>
#include <optional>

#include "model/report.h"
#include "rules/pack_registry.h"

namespace nblint {

enum class YearSource { Title, Preamble, Period, Publication, Mentions };

struct PackChoice {
  const Pack* pack = nullptr;  // null: none could be chosen
  bool forced = false;         // chosen by --pack
  std::optional<int> year;     // the report year, when found
  YearSource source = YearSource::Title;
  Span evidence;               // where the year was found
};

// The report year comes from, in order: the title (2019年…年度报告), the preamble (现将…2019年度
// …报告如下), the statistical period, the year before the publication date, and last the year
// the text mentions most often; see docs/rules/meta/pack.md.
PackChoice choose_pack(const Report& report, const PackRegistry& packs, const Pack* forced);

}  // namespace nblint
