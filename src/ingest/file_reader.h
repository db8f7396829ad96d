// Reads a whole input (a file or standard input) into memory, or says why it cannot.
#pragma once
#include <cstdint>
#include <string>
#include <variant>

namespace nblint {

struct ReadError {
  enum class Kind { NotFound, PermissionDenied, NotAFile, TooLarge, Empty, IoError };
  Kind kind;
  std::string detail;  // OS error text, for --verbose
};

constexpr std::uint64_t kDefaultMaxFileSize = 64ull << 20;

// "-" reads standard input.
std::variant<std::string, ReadError> read_input(const std::string& path,
                                                std::uint64_t max_size = kDefaultMaxFileSize);

// Hands the buffer of a file that is done with (its bytes, or the text made of them) to the next
// read_input() (util/spare_buffers: its pages need not be faulted in again).
void give_back_file_buffer(std::string&& buffer);

}  // namespace nblint
