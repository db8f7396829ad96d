#include "lsp/framing.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace nblint::lsp {

namespace {

constexpr std::size_t kMaxHeaderLine = 1024;

Frame broken(std::string problem) { return {Frame::Kind::Broken, {}, std::move(problem)}; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// One header line without its line break; false at the end of the input or on an overlong line.
enum class LineRead { Line, End, TooLong };
LineRead read_header_line(std::istream& in, std::string& line) {
  line.clear();
  for (int c = in.get(); c != std::char_traits<char>::eof(); c = in.get()) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return LineRead::Line;
    }
    if (line.size() == kMaxHeaderLine) return LineRead::TooLong;
    line += static_cast<char>(c);
  }
  return LineRead::End;
}

}  // namespace

Frame read_frame(std::istream& in, std::size_t max_body) {
  std::size_t length = 0;
  bool have_length = false, first = true;
  std::string line;
  for (;;) {
    const LineRead r = read_header_line(in, line);
    if (r == LineRead::End) {
      if (first && line.empty()) return {Frame::Kind::End, {}, {}};
      return broken("the input ended inside a message header");
    }
    if (r == LineRead::TooLong) return broken("a header line longer than 1024 bytes");
    first = false;
    if (line.empty()) break;
    const auto colon = line.find(':');
    if (colon == std::string::npos) return broken("a header line without ':': " + line);
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    if (name != "content-length") continue;  // Content-Type and the like
    const std::string_view value = trim(std::string_view(line).substr(colon + 1));
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size())
      return broken("Content-Length is not a number: " + std::string(value));
    if (length > max_body) return broken("Content-Length " + std::string(value) + " is too large");
    have_length = true;
  }
  if (!have_length) return broken("a message without Content-Length");
  Frame frame;
  frame.kind = Frame::Kind::Message;
  frame.body.resize(length);
  in.read(frame.body.data(), static_cast<std::streamsize>(length));
  if (static_cast<std::size_t>(in.gcount()) != length) return broken("the input ended inside a message body");
  return frame;
}

void write_frame(std::ostream& out, std::string_view body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace nblint::lsp
