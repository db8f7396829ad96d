// `nblint lsp`: a Language Server speaking JSON-RPC 2.0 over standard input and output.
#pragma once
#include <istream>
#include <ostream>

#include "lsp/session.h"

namespace nblint::lsp {

// Serves until `exit`, the end of the input, or a framing error (reported on `log`). Returns the
// exit code: 0 after a shutdown request, 1 without one.
int run_server(std::istream& in, std::ostream& out, std::ostream& log, const ServerOptions& options);

}  // namespace nblint::lsp

namespace nblint {

// The `lsp` subcommand over the process's standard streams.
int run_lsp(const lsp::ServerOptions& options);

}  // namespace nblint
