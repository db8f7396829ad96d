// `nblint report`: the overview of every report of a run, for the office that supervises them
// (docs/report.md): one self-contained HTML page, or the per-report table as CSV.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "util/lang.h"

namespace nblint {

struct ReportOptions {
  std::vector<std::string> paths;
  std::string output;           // -o FILE, written atomically; empty: standard output
  std::string format = "html";  // html | csv
  FailOn fail_on = FailOn::Error;
  std::string pack;                     // forced pack id, empty for automatic
  std::string encoding;                 // empty: detect
  std::uint64_t max_file_size = 0;
  std::string config;                   // empty: discover .nblint.yaml
  std::vector<std::string> pack_files;
  unsigned jobs = 0;
  bool verbose = false;
  Lang lang = Lang::Zh;
};

// Exit codes as `check`: 0 no finding at or above --fail-on; 1 some; 2 usage error, unreadable
// input, broken configuration or pack, or the output could not be written (or is an input).
int run_report(const ReportOptions& options);

}  // namespace nblint
