// Expands the PATH arguments of `nblint check` into the files to check, in a stable order.
#pragma once
#include <string>
#include <vector>

#include "cli/path_list.h"

namespace nblint {

struct PathProblem {
  enum class Kind { Missing, BrokenSymlink, UnreadableDirectory };
  Kind kind;
  std::string path;
  std::string detail;  // the OS reason
};

struct PathPlan {
  PathList files;    // to check, in order
  PathList skipped;  // files in directories with a format nblint does not read
  std::vector<PathProblem> problems; // arguments or entries that could not be used
};

// Directories are walked recursively, entries sorted by name, following symlinks to
// directories once (a loop is not followed twice); explicit files are kept as given whatever
// their extension; "-" stands for standard input.
PathPlan plan_paths(const std::vector<std::string>& args);

// Extensions nblint reads when it walks a directory: .txt .md .markdown .html .htm .shtml
// .xhtml .docx .pdf.
bool is_checked_in_directories(const std::string& path);

}  // namespace nblint
