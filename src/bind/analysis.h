// One document through the pipeline up to the rules: parse, choose the rule pack from the
// report's year, and bind the tables to the pack's definitions.
#pragma once
#include "ingest/document.h"
#include "model/report.h"
#include "rules/pack_selector.h"

namespace nblint {

struct Analysis {
  Report report;
  PackChoice choice;
};

// `forced`: the pack given by --pack, or null to choose by year from `packs`.
Analysis analyze(const Document& document, const Pack* forced, const PackRegistry& packs = PackRegistry::builtin());

}  // namespace nblint
