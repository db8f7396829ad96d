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

}  // namespace nblint
