// Test support: a scripted LSP client. Spawns `nblint lsp` with two pipes and speaks JSON-RPC
// to it with Content-Length framing. Every read waits at most a bounded time, so a server that
// hangs or dies fails the test instead of blocking it.
#pragma once
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <nlohmann/json.hpp>

namespace nblint::test {

class LspClient {
 public:
  static constexpr int kTimeoutMs = 20000;

  explicit LspClient(const std::vector<std::string>& extra_args = {}) {
    std::signal(SIGPIPE, SIG_IGN);  // a server that died must fail the test, not kill it
    int to_server[2], from_server[2];
    if (::pipe(to_server) != 0 || ::pipe(from_server) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(to_server[0], 0);
      ::dup2(from_server[1], 1);
      ::close(to_server[0]), ::close(to_server[1]), ::close(from_server[0]), ::close(from_server[1]);
      std::vector<std::string> args{NBLINT_BINARY, "lsp"};
      args.insert(args.end(), extra_args.begin(), extra_args.end());
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(NBLINT_BINARY, argv.data());
      ::_exit(127);
    }
    ::close(to_server[0]), ::close(from_server[1]);
    in_ = to_server[1];
    out_ = from_server[0];
  }

  ~LspClient() {
    close_input();
    if (out_ >= 0) ::close(out_);
    if (pid_ > 0 && !exit_code_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  LspClient(const LspClient&) = delete;
  LspClient& operator=(const LspClient&) = delete;

  bool started() const { return pid_ > 0 && in_ >= 0 && out_ >= 0; }

  // Writes raw bytes (for malformed input); false when the server no longer reads.
  bool send_raw(const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(in_, bytes.data() + done, bytes.size() - done);
      if (n <= 0) return false;
      done += static_cast<std::size_t>(n);
    }
    return true;
  }

  bool send(const nlohmann::json& message) {
    const std::string body = message.dump();
    return send_raw("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  }

  bool request(int id, const std::string& method, nlohmann::json params) {
    return send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  }

  bool notify(const std::string& method, nlohmann::json params) {
    return send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  // The next message from the server; nullopt when none comes in time or the server closed.
  std::optional<nlohmann::json> receive() {
    for (;;) {
      const auto header_end = buffer_.find("\r\n\r\n");
      if (header_end != std::string::npos) {
        const auto at = buffer_.find("Content-Length: ");
        if (at == std::string::npos || at > header_end) return std::nullopt;
        const std::size_t length = std::stoul(buffer_.substr(at + 16, header_end - at - 16));
        if (buffer_.size() >= header_end + 4 + length) {
          const std::string body = buffer_.substr(header_end + 4, length);
          buffer_.erase(0, header_end + 4 + length);
          return nlohmann::json::parse(body);
        }
      }
      if (!fill()) return std::nullopt;
    }
  }

  // The response to request `id`, skipping notifications (log messages and the like).
  std::optional<nlohmann::json> response(int id) {
    while (auto m = receive())
      if (m->contains("id") && (*m)["id"] == id && !m->contains("method")) return m;
    return std::nullopt;
  }

  // The next notification `method`, skipping other messages.
  std::optional<nlohmann::json> notification(const std::string& method) {
    while (auto m = receive())
      if (m->value("method", "") == method) return m;
    return std::nullopt;
  }

  void close_input() {
    if (in_ >= 0) ::close(in_);
    in_ = -1;
  }

  // The server's exit code once it has ended; nullopt if it is still running after the timeout.
  std::optional<int> wait_exit() {
    if (exit_code_) return exit_code_;
    for (int waited = 0; waited < kTimeoutMs; waited += 10) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_code_;
      }
      ::usleep(10000);
    }
    return std::nullopt;
  }

 private:
  // Reads what the server has written, waiting at most kTimeoutMs; false on timeout or EOF.
  bool fill() {
    pollfd p{out_, POLLIN, 0};
    if (::poll(&p, 1, kTimeoutMs) <= 0) return false;
    char chunk[65536];
    const ssize_t n = ::read(out_, chunk, sizeof chunk);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  std::string buffer_;
  std::optional<int> exit_code_;
};

// The byte offset of an LSP position (0-based line, UTF-16 character) in UTF-8 `text`, counted
// here independently of the server: lines end at \n; a 4-byte sequence is two UTF-16 units.
inline std::size_t utf16_position_to_offset(const std::string& text, std::size_t line, std::size_t character) {
  std::size_t i = 0;
  for (std::size_t l = 0; l < line && i < text.size(); ++i)
    if (text[i] == '\n') ++l;
  for (std::size_t units = 0; units < character && i < text.size() && text[i] != '\n';) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    units += length == 4 ? 2 : 1;
    i += length;
  }
  return i;
}

}  // namespace nblint::test
