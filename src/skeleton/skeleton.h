// A new report's skeleton (`nblint new`, docs/new.md), written from a rule pack as Markdown: the
// title, the opening with the statistical period, every section heading of the pack in its order
// with the pack's number and title, a line of guidance where the author writes, and every table
// of the pack in its section with all row and column labels and empty cells. Nothing here knows
// a section, a table or a wording: it all comes from the pack (its `skeleton:` block for the
// prose). Checked with the same pack, a skeleton gives only blank-cell findings.
#pragma once
#include <stdexcept>
#include <string>

#include "rules/pack.h"

namespace nblint {

struct SkeletonRequest {
  std::string organ;  // 青山县交通运输局
  int year = 0;       // the report year (the year the report is about)
};

// The pack has no `skeleton:` block (a user pack written without one).
class NoSkeletonError : public std::runtime_error {
 public:
  explicit NoSkeletonError(const std::string& pack) : std::runtime_error("pack " + pack + " has no skeleton block") {}
};

// The skeleton as Markdown text. Throws NoSkeletonError.
std::string write_skeleton(const Pack& pack, const SkeletonRequest& request);

}  // namespace nblint
