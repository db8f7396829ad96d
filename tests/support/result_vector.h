// Test support: results already in memory, handed to the printers as a ResultSequence (a run's
// own results come from its spool, cli/lint_run).
#pragma once
#include <functional>
#include <vector>

#include "output/result_sequence.h"

namespace nblint::test {

class ResultVector final : public ResultSequence {
 public:
  explicit ResultVector(const std::vector<FileResult>& results) : results_(results) {}
  std::size_t size() const override { return results_.size(); }
  void for_each(const std::function<void(const FileResult&)>& visit) const override {
    for (const FileResult& r : results_) visit(r);
  }

 private:
  const std::vector<FileResult>& results_;
};

}  // namespace nblint::test
