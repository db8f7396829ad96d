// The end of a check run: findings printed in the chosen format, the summary, the exit code.
#pragma once
#include <optional>
#include <vector>

#include "cli/commands.h"
#include "cli/lint_file.h"
#include "output/printers.h"
#include "output/result_sequence.h"

namespace nblint {

// The printers' settings from the command line: column unit, colour (--color, NO_COLOR,
// whether stdout is a terminal), the repository root for SARIF paths, the docs URL.
// Returns false (after saying why on stderr) when the options contradict each other.
bool output_options(const CheckOptions& check, OutputOptions& out);

// Whether a finding of severity `s` fails a run under --fail-on `threshold`.
bool fails(Severity s, FailOn threshold);

struct RunCounts {
  std::size_t errors = 0, warnings = 0;
  bool failed = false;  // a finding at or above --fail-on, or more warnings than --max-warnings
};

// One file's findings as the run reports them: --quiet drops all but errors, the rest are added
// to `counts`. Returns whether a finding was dropped. Call finish_counts after the last file.
bool settle_findings(FileResult& result, const CheckOptions& check, RunCounts& counts);
// --max-warnings, which needs every file's count.
void finish_counts(RunCounts& counts, const CheckOptions& check);

// Prints every file (settled) in the chosen format and, for text, a summary line on stderr with
// the counts and the time taken. `baseline_matched`: with --baseline, how many findings the
// baseline held back (said in the summary and the JSON).
void print_results(const ResultSequence& results, const CheckOptions& check, const OutputOptions& out,
                   const RunCounts& counts, double seconds, std::optional<std::size_t> baseline_matched);

// "\r检查中 12/300 …" on stderr while many files are checked at a terminal; erased at the end.
class Progress {
 public:
  Progress(std::size_t total, Lang lang);
  ~Progress() { finish(); }
  void step(std::size_t done);
  void clear();   // erases the line, before another line is written to stderr
  void finish();  // erases the line for good (before the results are printed)

 private:
  std::size_t total_;
  Lang lang_;
  bool shown_;
  bool visible_ = false;
};

}  // namespace nblint
