// An unlinked temporary file for data a run keeps out of memory (cli/result_spool,
// cli/fingerprint_file), and positioned whole reads and writes on it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace nblint {

// A file in $TMPDIR (else /tmp) with no name: O_TMPFILE where the file system has it, else a
// mkstemp name unlinked at once. Either way nothing is left behind, even after a crash.
// Returns -1 when none can be made.
int open_anonymous_file();

// Write or read all the bytes at `offset` (retrying after signals); false on failure, a full disk
// included.
bool write_all(int fd, std::string_view bytes, std::uint64_t offset);
bool read_all(int fd, char* into, std::size_t size, std::uint64_t offset);

}  // namespace nblint
