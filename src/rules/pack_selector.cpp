#include "rules/pack_selector.h"

namespace nblint {

namespace {

// Reports exist from the 2008 regulation on; a "year" outside this range is a misreading.
bool plausible_year(int year) { return year >= 2000 && year <= 2100; }

void find_year(const Report& report, PackChoice& choice) {
  if (report.title && report.title->year && plausible_year(report.title->year->year)) {
    choice.year = report.title->year->year;
    choice.source = YearSource::Title;
    choice.evidence = report.title->year->span;
  } else if (report.preamble_year && plausible_year(report.preamble_year->year)) {
    choice.year = report.preamble_year->year;
    choice.source = YearSource::Preamble;
    choice.evidence = report.preamble_year->span;
  } else if (report.period && report.period->from && plausible_year(report.period->from->year)) {
    choice.year = report.period->from->year;
    choice.source = YearSource::Period;
    choice.evidence = report.period->from->span;
  } else if (report.published && plausible_year(report.published->date.year)) {
    choice.year = report.published->date.year - 1;
    choice.source = YearSource::Publication;
    choice.evidence = report.published->date.span;
  } else {
    // The year a report covers is the one its text names most; ties go to the later year.
    int best = 0, best_count = 0;
    for (const auto& [year, mentions] : report.year_mentions)
      if (plausible_year(year) && mentions.count >= best_count) best = year, best_count = mentions.count;
    if (best_count > 0) {
      choice.year = best;
      choice.source = YearSource::Mentions;
      choice.evidence = report.year_mentions.at(best).first;
    }
  }
}

}  // namespace

PackChoice choose_pack(const Report& report, const PackRegistry& packs, const Pack* forced) {
  PackChoice choice;
  find_year(report, choice);
  if (forced) {
    choice.pack = forced;
    choice.forced = true;
  } else if (choice.year) {
    choice.pack = packs.for_year(*choice.year);
  }
  return choice;
}

}  // namespace nblint
