// The results of a run kept on disk, so that memory does not grow with the number of reports:
// each checked file's result goes to an unlinked temporary file once it is done (in blocks of
// 256 KB) and is read back when it is printed; past a budget, so are the slots that say where.
// Where no temporary file can be made (a read-only or full temporary directory), the encoded
// results stay in memory instead: smaller than the results themselves, and the run still
// completes.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cli/lint_file.h"
#include "util/spill_array.h"

namespace nblint {

class ResultSpool {
 public:
  explicit ResultSpool(std::size_t count = 0);
  ~ResultSpool();
  ResultSpool(ResultSpool&& other) noexcept;
  ResultSpool& operator=(ResultSpool&& other) noexcept;
  ResultSpool(const ResultSpool&) = delete;
  ResultSpool& operator=(const ResultSpool&) = delete;

  std::size_t size() const { return slots_.size(); }

  // Stores the encoding (cli/result_codec) of result i; a later store replaces it.
  void store_encoded(std::size_t i, const std::string& bytes);
  void store(std::size_t i, const FileResult& result);
  // Stores `bytes` in a new slot after the last; returns its index (a spool made for no results
  // makes its file now).
  std::size_t append_encoded(const std::string& bytes);
  // Result i as last stored (its record empty). Throws ResultCodecError when it cannot be read
  // back; std::out_of_range for an index never stored.
  FileResult load(std::size_t i) const;
  // The bytes last stored at i (the same errors as load).
  std::string load_encoded(std::size_t i) const;

  bool on_disk() const { return fd_ >= 0; }
  // Bytes written to the spool, replaced results included.
  std::uint64_t bytes_written() const { return end_; }

 private:
  struct Slot {
    std::uint64_t offset = 0;
    std::uint32_t size = 0;
    bool stored = false;
  };
  // Writes `pending_` to the file; on failure (a full disk) everything moves to `memory_`.
  void flush();
  // The bytes last stored at i, valid until the next read or store.
  std::string_view stored_bytes(std::size_t i) const;

  SpillArray<Slot> slots_;  // a slot per result: in a file past its budget, as the bytes are
  int fd_ = -1;           // the unlinked temporary file; -1: `memory_` holds the bytes
  std::string memory_;    // the fallback
  // Bytes stored since the last write to the file, which begins at offset `flushed_`: one
  // write per block instead of one per result (on ext4 each write is a system call and a
  // time update, 3.4% of a run over 10,002 small reports).
  std::string pending_;
  std::uint64_t flushed_ = 0;
  std::uint64_t end_ = 0; // where the next result goes
  // The file's bytes from read_start_ last read, and where the last result read ended: a read
  // in order takes a block, so printing 10,002 results is a few hundred reads, not 10,002.
  mutable std::string read_;
  mutable std::uint64_t read_start_ = 0;
  mutable std::uint64_t read_end_ = 0;
};

}  // namespace nblint
