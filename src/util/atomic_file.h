// Writing an output file so that a reader (or an interrupted run) never sees half of it: the
// bytes go to a temporary file beside the target, which is then renamed over it.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace nblint {

// Writes `bytes` to `path` atomically. Returns nothing on success, else why it failed (the
// temporary file is removed and an existing `path` is left unchanged).
std::optional<std::string> write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace nblint
