// Sorting more strings than memory should hold (the names in one huge directory): up to a
// budget of bytes they are sorted in memory; beyond it each full batch is sorted and written as
// a run to an unlinked temporary file, and the runs are merged as they are read back. Without a
// temporary file (or once the disk refuses more) the strings stay in memory. The order is
// std::string's (bytes as unsigned char).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace nblint {

class ExternalStringSorter {
 public:
  static constexpr std::size_t kDefaultHeld = 4u << 20;

  explicit ExternalStringSorter(std::size_t held_bytes = kDefaultHeld) : held_limit_(held_bytes) {}
  ~ExternalStringSorter();
  ExternalStringSorter(const ExternalStringSorter&) = delete;
  ExternalStringSorter& operator=(const ExternalStringSorter&) = delete;

  void add(std::string_view s);
  // Runs written to the file so far.
  std::size_t runs() const { return runs_.size(); }
  // Calls visit with every string added, in order. Once: the strings are gone afterwards.
  // Throws std::runtime_error when the file cannot be read back.
  void drain(const std::function<void(std::string_view)>& visit);

 private:
  struct Run {
    std::uint64_t offset = 0, bytes = 0;  // in the file: each string as a 4-byte length and its bytes
  };
  void spill();
  // Calls visit with the strings of the runs and of `held` (sorted) in order.
  void merge(const std::vector<std::string>& held, const std::function<void(std::string_view)>& visit);
  // The runs merged into one new run at the file's end.
  void merge_runs();

  std::size_t held_limit_;
  std::size_t held_bytes_ = 0;
  std::vector<std::string> held_;
  std::vector<Run> runs_;
  std::uint64_t written_ = 0;
  int fd_ = -1;
  bool no_file_ = false;
};

}  // namespace nblint
