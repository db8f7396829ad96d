#include "cli/path_walker.h"

#include <algorithm>
#include <filesystem>

namespace nblint {

namespace fs = std::filesystem;

bool is_supported_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".md";
}

PathPlan plan_paths(const std::vector<std::string>& args) {
  PathPlan plan;
  for (const std::string& arg : args) {
    if (arg == "-") {
      plan.files.push_back(arg);
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      plan.missing.push_back(arg);
      continue;
    }
    if (!fs::is_directory(st)) {
      plan.files.push_back(arg);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::follow_directory_symlink, ec);
    if (ec) {
      plan.unreadable_dirs.push_back(arg);
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        plan.unreadable_dirs.push_back(it->path().string());
        ec.clear();
        continue;
      }
      std::error_code file_ec;
      if (!it->is_regular_file(file_ec)) continue;
      const std::string p = it->path().string();
      (is_supported_extension(p) ? found : plan.skipped).push_back(p);
    }
    if (ec) plan.unreadable_dirs.push_back(arg);
    std::sort(found.begin(), found.end());
    plan.files.insert(plan.files.end(), found.begin(), found.end());
  }
  std::sort(plan.skipped.begin(), plan.skipped.end());
  return plan;
}

}  // namespace nblint
