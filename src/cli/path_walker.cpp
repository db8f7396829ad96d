#include "cli/path_walker.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "ingest/ingest.h"
#include "util/string_sort.h"

namespace nblint {

namespace fs = std::filesystem;

bool is_checked_in_directories(const std::string& path) {
  return format_from_extension(path).has_value();
}

namespace {

// Bytes of one directory's names sorted in memory (each level of a walk has its own).
constexpr std::size_t kHeldNameBytes = 1u << 20;

bool is_broken_symlink(const fs::path& p) {
  std::error_code ec;
  return fs::is_symlink(fs::symlink_status(p, ec)) && !fs::exists(fs::status(p, ec));
}

// What the directory listing said an entry is (its d_type), kept with the name through the sort:
// a plain file or directory then needs no stat of its own. Before, each file took two (lstat for
// a broken link, then stat), 20,000 calls on one thread before any of 10,002 reports was checked.
enum ListedKind : char { kListedFile = 'f', kListedDirectory = 'd', kListedOther = '?' };
constexpr std::size_t kListedSuffix = 2;  // after the name: a NUL, then the kind

ListedKind listed_kind(const fs::directory_entry& entry) {
  // The entry's own tests read the type the listing gave (libstdc++'s symlink_status() stats).
  std::error_code ec;
  if (entry.is_symlink(ec) || ec) return kListedOther;  // followed below
  if (entry.is_regular_file(ec) && !ec) return kListedFile;
  if (entry.is_directory(ec) && !ec) return kListedDirectory;
  return kListedOther;
}

void walk(const fs::path& dir, PathPlan& plan, std::set<fs::path>& visited) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  if (!ec && !visited.insert(canonical).second) return;  // a symlink loop
  // The names sorted through a temporary file past a budget: a directory of any size is
  // walked without holding its listing.
  ExternalStringSorter names(kHeldNameBytes);
  fs::directory_iterator it(dir, ec);
  if (ec) {
    plan.problems.push_back({PathProblem::Kind::UnreadableDirectory, dir.string(), ec.message()});
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      plan.problems.push_back({PathProblem::Kind::UnreadableDirectory, dir.string(), ec.message()});
      break;
    }
    // The name, a NUL (which no name holds, so the order stays the names') and the kind.
    std::string listed = it->path().filename().native();
    listed += '\0';
    listed += listed_kind(*it);
    names.add(listed);
  }
  names.drain([&](std::string_view listed) {
    const ListedKind kind = static_cast<ListedKind>(listed.back());
    const fs::path e = dir / listed.substr(0, listed.size() - kListedSuffix);
    bool file = kind == kListedFile, directory = kind == kListedDirectory;
    if (kind == kListedOther) {
      if (is_broken_symlink(e)) {
        plan.problems.push_back({PathProblem::Kind::BrokenSymlink, e.string(), ""});
        return;
      }
      const fs::file_status st = fs::status(e, ec);
      file = fs::is_regular_file(st);
      directory = fs::is_directory(st);
    }
    if (directory) {
      walk(e, plan, visited);
    } else if (file) {
      (is_checked_in_directories(e.string()) ? plan.files : plan.skipped).push_back(e.string());
    }
  });
}

}  // namespace

PathPlan plan_paths(const std::vector<std::string>& args) {
  PathPlan plan;
  for (const std::string& arg : args) {
    if (arg == "-") {
      plan.files.push_back(arg);
      continue;
    }
    if (is_broken_symlink(arg)) {
      plan.problems.push_back({PathProblem::Kind::BrokenSymlink, arg, ""});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    if (!fs::exists(st)) {
      plan.problems.push_back({PathProblem::Kind::Missing, arg, ec ? ec.message() : ""});
      continue;
    }
    if (!fs::is_directory(st)) {
      plan.files.push_back(arg);
      continue;
    }
    std::set<fs::path> visited;
    walk(arg, plan, visited);
  }
  return plan;
}

}  // namespace nblint
