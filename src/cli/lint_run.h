// A whole run over the user's paths, shared by `check` and `report`: the paths walked, every
// file's configuration resolved, the files linted on a thread pool, the checks across the
// reports of the run added. Unreadable inputs are said on stderr as they come (with progress);
// what to print, and baselines, are the caller's.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/file_setup.h"
#include "cli/lint_file.h"

namespace nblint {

struct LintRun {
  std::vector<FileSetup> setups;   // setups[i] is results[i]'s configuration
  std::vector<FileResult> results; // in the order the paths were given and walked
  bool trouble = false;            // a path was missing or a file could not be read
};

// The paths, configuration, pack and ingest settings of `options` are used; its output
// settings are not. Returns nothing (after saying why on stderr) when nothing can be checked:
// no file found, or the configuration or a pack is broken.
std::optional<LintRun> lint_paths(const CheckOptions& options);

// Every file's setup, before anything is checked: a configuration mistake stops the run before
// any output. Returns false (after saying why) on an unknown --pack; other mistakes throw.
bool setup_all(SetupResolver& setups, const std::vector<std::string>& files, std::vector<FileSetup>& out, Lang lang);

SetupResolver make_setups(const std::string& config, const std::vector<std::string>& pack_files,
                          const std::string& pack);

// Says on stderr that `name` is no pack and lists the known ones.
void report_unknown_pack(const std::string& name, const std::vector<std::string>& known, Lang lang);

}  // namespace nblint
