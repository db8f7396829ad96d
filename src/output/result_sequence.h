// The checked files a printer writes, in input order, handed over one at a time: a run over
// many reports keeps its results on disk (cli/result_spool) and reads each back only to print it.
#pragma once
#include <cstddef>
#include <functional>

#include "cli/lint_file.h"

namespace nblint {

class ResultSequence {
 public:
  virtual ~ResultSequence() = default;
  virtual std::size_t size() const = 0;
  // Calls `visit` with each file's result in order; the reference is valid during the call only.
  virtual void for_each(const std::function<void(const FileResult&)>& visit) const = 0;
};

}  // namespace nblint
