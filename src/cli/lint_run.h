// A whole run over the user's paths, shared by `check` and `report`: the paths walked, every
// file's configuration resolved, the files linted on a thread pool, the checks across the
// reports of the run added. Unreadable inputs are said on stderr as they come (with progress);
// what to print, and baselines, are the caller's.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/file_setup.h"
#include "cli/lint_file.h"
#include "cli/record_spool.h"
#include "cli/result_spool.h"
#include "output/result_sequence.h"

namespace nblint {

// The files in the order the paths were given and walked. Each file's result and cross-report
// record are written to spools once it is checked, so a run holds only the records' digests.
struct LintRun final : ResultSequence {
  SetupTable setups;              // setups[i] is file i's configuration
  ResultSpool results;            // file i's result, without its record
  RecordSpool records;            // file i's record (what the checks across reports read)
  bool trouble = false;           // a path was missing or a file could not be read

  std::size_t size() const override { return results.size(); }
  // File i's result with its record.
  FileResult load(std::size_t i) const;
  // Each file's result without its record (what the printers read).
  void for_each(const std::function<void(const FileResult&)>& visit) const override;
};

// The paths, configuration, pack and ingest settings of `options` are used; its output
// settings are not. Returns nothing (after saying why on stderr) when nothing can be checked:
// no file found, or the configuration or a pack is broken.
std::optional<LintRun> lint_paths(const CheckOptions& options);

// Every file's setup, before anything is checked: a configuration mistake stops the run before
// any output. Returns false (after saying why) on an unknown --pack; other mistakes throw.
bool setup_all(SetupResolver& setups, const std::vector<std::string>& files, SetupTable& out, Lang lang);
// The same for `count` files, path(i) the i-th.
bool setup_all(SetupResolver& setups, std::size_t count, const std::function<std::string(std::size_t)>& path, SetupTable& out,
               Lang lang);

SetupResolver make_setups(const std::string& config, const std::vector<std::string>& pack_files,
                          const std::string& pack);

// Says on stderr that `name` is no pack and lists the known ones.
void report_unknown_pack(const std::string& name, const std::vector<std::string>& known, Lang lang);

}  // namespace nblint
