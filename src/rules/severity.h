// Diagnostic severities, in increasing order of weight.
#pragma once
#include <optional>
#include <string_view>

namespace nblint {

enum class Severity { Info = 0, Warning = 1, Error = 2 };

inline std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

inline std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "info") return Severity::Info;
  if (s == "warning") return Severity::Warning;
  if (s == "error") return Severity::Error;
  return std::nullopt;
}

}  // namespace nblint
