// Baseline files: the findings a repository has accepted, so that only new ones are reported.
// A finding is identified by its rule, its file (relative to the baseline's directory) and a
// content fingerprint: a hash of the rule id, the text of the line where the finding starts with
// blanks removed (the next non-blank line when that one is blank), and the finding's occurrence index among findings with the same rule and text in
// that file. Line numbers are not part of it, so findings keep matching when lines move.
#pragma once
#include <compare>
#include <cstddef>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "ingest/source_text.h"
#include "rules/diagnostic.h"

namespace nblint {

class BaselineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct BaselineEntry {
  std::string rule;
  std::string file;         // relative to the baseline's directory, '/'-separated
  std::string fingerprint;  // 16 hex digits
  auto operator<=>(const BaselineEntry&) const = default;
};

// The line whose text goes into the fingerprint of a finding starting at `offset`.
std::uint32_t fingerprinted_line(const SourceText& source, std::uint32_t offset);

// The fingerprints of one file's findings, one per diagnostic, in the same order.
std::vector<std::string> fingerprints(const SourceText& source, const std::vector<Diagnostic>& diagnostics);

// How a checked file is named in a baseline at `baseline_path`: its path relative to the
// baseline's directory ("<stdin>" for standard input).
std::string baseline_file_name(const std::string& path, const std::filesystem::path& baseline_path);

// Sorts `entries` and writes them as JSON, atomically (a temporary file renamed over `path`).
// Throws BaselineError.
void write_baseline(const std::filesystem::path& path, std::vector<BaselineEntry> entries);

// Reads a baseline; a missing, unreadable or malformed file is a BaselineError.
std::vector<BaselineEntry> read_baseline(const std::filesystem::path& path);

// Matches findings against a baseline, each baseline entry at most once.
class BaselineMatcher {
 public:
  explicit BaselineMatcher(const std::vector<BaselineEntry>& entries);
  // True (and the entry used up) when the baseline holds `entry`.
  bool take(const BaselineEntry& entry);

 private:
  std::map<BaselineEntry, std::size_t> remaining_;
};

}  // namespace nblint
