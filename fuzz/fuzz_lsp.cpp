// libFuzzer target: the LSP message reader (src/lsp/framing) and the session behind it, fed a
// client's byte stream through run_server exactly as `nblint lsp` reads standard input.
// Invariants: framing ends (End or Broken) on any input and the session answers any message,
// however malformed, without throwing.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "lsp/framing.h"
#include "lsp/server.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::ostringstream out, log;
  (void)nblint::lsp::run_server(in, out, log, nblint::lsp::ServerOptions{});
  return 0;
}
