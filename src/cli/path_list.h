// The files a run checks, in order: a list that does not grow in memory with the number of
// files. Each path goes to a ResultSpool (an unlinked temporary file; its slots held up to a
// budget) and is read back when its file is checked. Safe to read from several threads.
#pragma once
#include <cstddef>
#include <mutex>
#include <string>
#include <utility>

#include "cli/result_spool.h"

namespace nblint {

class PathList {
 public:
  PathList() = default;
  // Moved with its paths; the mutex is the new list's own (no read may be under way).
  PathList(PathList&& other) noexcept : paths_(std::move(other.paths_)) {}
  PathList& operator=(PathList&& other) noexcept {
    paths_ = std::move(other.paths_);
    return *this;
  }

  void push_back(const std::string& path) { paths_.append_encoded(path); }
  std::size_t size() const { return paths_.size(); }
  bool empty() const { return paths_.size() == 0; }
  // Path i (i < size()).
  std::string operator[](std::size_t i) const;
  // Drops every path (and their temporary file).
  void clear() { paths_ = ResultSpool(); }

 private:
  ResultSpool paths_;
  mutable std::mutex reading_;  // a ResultSpool's reads fill its slot cache
};

}  // namespace nblint
