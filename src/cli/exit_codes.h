// The exit status of every nblint subcommand (README, `nblint --help`).
#pragma once

namespace nblint {

constexpr int kExitClean = 0;     // nothing at or above --fail-on
constexpr int kExitFindings = 1;  // findings at or above --fail-on
constexpr int kExitTrouble = 2;   // usage error, unreadable input, broken configuration or pack

}  // namespace nblint
