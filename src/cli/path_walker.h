// Expands the PATH arguments of `nblint check` into the files to check, in a stable order.
#pragma once
#include <string>
#include <vector>

namespace nblint {

struct PathPlan {
  std::vector<std::string> files;    // to check, in order
  std::vector<std::string> skipped;  // files in directories with a format nblint does not read
  std::vector<std::string> missing;  // arguments that name nothing
  std::vector<std::string> unreadable_dirs;  // directories that could not be listed
};

// Directories are walked recursively, entries sorted by name; explicit files are kept as given
// whatever their extension; "-" stands for standard input.
PathPlan plan_paths(const std::vector<std::string>& args);

bool is_supported_extension(const std::string& path);

}  // namespace nblint
