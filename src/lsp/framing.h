// JSON-RPC 2.0 messages over a byte stream, as the Language Server Protocol frames them:
// "Content-Length: N\r\n" (other headers allowed), a blank line, then N bytes of JSON.
#pragma once
#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

namespace nblint::lsp {

struct Frame {
  enum class Kind {
    Message,  // `body` holds one message's bytes (not yet parsed)
    End,      // the input ended between messages
    Broken,   // a header nblint cannot read, or the input ended inside a message: `problem` says which
  };
  Kind kind = Kind::End;
  std::string body;
  std::string problem;
};

// Reads the next message; a body longer than `max_body` bytes is Broken.
Frame read_frame(std::istream& in, std::size_t max_body);

// Writes `body` with its Content-Length header and flushes.
void write_frame(std::ostream& out, std::string_view body);

}  // namespace nblint::lsp
