// Strings kept for the life of an owner, packed into large blocks that never move: a
// std::string_view into the arena stays valid, and each kept string costs its bytes, not a
// std::string (32 bytes) and a heap block of its own. intern() keeps one copy of each distinct
// string (for the few that repeat: section keys).
#pragma once
#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace nblint {

class StringArena {
 public:
  std::string_view keep(std::string_view s) {
    if (s.empty()) return {};
    if (s.size() > room_) {
      const std::size_t size = std::max(kBlock, s.size());
      blocks_.push_back(std::make_unique<char[]>(size));
      next_ = blocks_.back().get();
      room_ = size;
    }
    std::memcpy(next_, s.data(), s.size());
    const std::string_view kept(next_, s.size());
    next_ += s.size();
    room_ -= s.size();
    return kept;
  }

  std::string_view intern(std::string_view s) {
    if (const auto it = interned_.find(s); it != interned_.end()) return *it;
    const std::string_view kept = keep(s);
    interned_.insert(kept);
    return kept;
  }

 private:
  static constexpr std::size_t kBlock = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t room_ = 0;
  std::unordered_set<std::string_view> interned_;
};

}  // namespace nblint
