#include "lsp/server.h"

#include <iostream>

#include "lsp/framing.h"

namespace nblint::lsp {

namespace {

constexpr std::size_t kMaxMessage = 256u << 20;  // a whole document plus JSON escaping

}  // namespace

int run_server(std::istream& in, std::ostream& out, std::ostream& log, const ServerOptions& options) {
  Session session(out, options);
  while (!session.exited()) {
    const Frame frame = read_frame(in, kMaxMessage);
    if (frame.kind == Frame::Kind::End) break;
    if (frame.kind == Frame::Kind::Broken) {
      log << "nblint lsp: " << frame.problem << '\n';
      break;
    }
    session.handle(frame.body);
  }
  return session.exit_code();
}

}  // namespace nblint::lsp

namespace nblint {

int run_lsp(const lsp::ServerOptions& options) {
  std::cin.tie(nullptr);
  return lsp::run_server(std::cin, std::cout, std::cerr, options);
}

}  // namespace nblint
