// SIGINT and SIGTERM: a run that is interrupted stops at once with a clear message, and an
// output file that was being written (its temporary name, before the rename) is removed, so an
// interrupted run leaves either the old file or the complete new one, never half of one.
#pragma once
#include <string>

namespace nblint {

// Installs the handlers. `message` is printed on stderr, followed by the signal's name; the
// process then exits with 128 + the signal number (130 for SIGINT, 143 for SIGTERM).
void install_interrupt_handlers(const std::string& message);

// While one lives, `temp_path` is the output file being written; an interrupt removes it.
// One at a time (nblint writes one output file per run).
class PendingOutput {
 public:
  explicit PendingOutput(const std::string& temp_path);
  ~PendingOutput();
  PendingOutput(const PendingOutput&) = delete;
  PendingOutput& operator=(const PendingOutput&) = delete;
};

}  // namespace nblint
