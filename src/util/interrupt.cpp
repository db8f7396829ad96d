#include "util/interrupt.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace nblint {

namespace {

// Everything the handler reads is set up beforehand: it may only call async-signal-safe
// functions (write, unlink, _exit).
char message_text[512];
std::size_t message_length = 0;
char pending_path[4096];
std::atomic<bool> pending{false};

void append(const char* s) {
  const std::size_t n = std::min(std::strlen(s), sizeof message_text - 1 - message_length);
  std::memcpy(message_text + message_length, s, n);
  message_length += n;
}

void on_interrupt(int signal) {
  if (pending.exchange(false)) ::unlink(pending_path);
  const char* name = signal == SIGINT ? " (SIGINT)\n" : " (SIGTERM)\n";
  ssize_t ignored = ::write(STDERR_FILENO, message_text, message_length);
  ignored = ::write(STDERR_FILENO, name, std::strlen(name));
  (void)ignored;
  ::_exit(128 + signal);
}

}  // namespace

void install_interrupt_handlers(const std::string& message) {
  message_length = 0;
  append(message.c_str());
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  sigaddset(&action.sa_mask, SIGINT);
  sigaddset(&action.sa_mask, SIGTERM);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

PendingOutput::PendingOutput(const std::string& temp_path) {
  if (temp_path.size() >= sizeof pending_path) return;  // not removable on interrupt; never in practice
  std::memcpy(pending_path, temp_path.c_str(), temp_path.size() + 1);
  pending.store(true);
}

PendingOutput::~PendingOutput() { pending.store(false); }

}  // namespace nblint
