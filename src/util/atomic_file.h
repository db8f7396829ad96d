// Output files written whole or not at all: the text goes to a temporary file beside the target,
// which is then moved into place, so a reader (or an interrupted run) never sees half a file.
#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace nblint {

class OutputFileError : public std::runtime_error {
 public:
  enum class Kind { Exists, CannotWrite };
  OutputFileError(Kind kind, const std::string& reason) : std::runtime_error(reason), kind(kind) {}
  Kind kind;  // what() is the system's reason, empty when the stream only said it failed
};

// Writes `text` to `path`. With `replace` an existing file is replaced (renamed over); without,
// an existing `path` is left alone and OutputFileError(Exists) thrown, atomically (the
// temporary file is hard-linked into place, which fails when the name is taken).
void write_file_atomically(const std::filesystem::path& path, std::string_view text, bool replace);

}  // namespace nblint
