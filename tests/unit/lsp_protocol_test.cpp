// The language server's pieces without a process: UTF-16 positions, file URIs, message framing.
#include <doctest/doctest.h>

#include <sstream>

#include "util/file_uri.h"
#include "lsp/framing.h"
#include "lsp/utf16_position.h"

using namespace nblint;
using namespace nblint::lsp;

TEST_CASE("lsp positions count UTF-16 units from 0: CJK one, non-BMP two") {
  const std::string text = "年报\n本机关𠀋共收到XX件\r\nab\rc";
  const Utf16Lines lines(text);
  CHECK(lines.position(0) == LspPosition{0, 0});
  CHECK(lines.position(3) == LspPosition{0, 1});           // after 年
  const auto line1 = static_cast<std::uint32_t>(text.find("本"));
  CHECK(lines.position(line1) == LspPosition{1, 0});
  const auto xx = static_cast<std::uint32_t>(text.find("XX"));
  CHECK(xx - line1 == 22);                                  // bytes: 6 three-byte + one four-byte
  CHECK(lines.position(xx) == LspPosition{1, 8});           // 7 code points, 8 UTF-16 units
  CHECK(lines.position(static_cast<std::uint32_t>(text.find("ab"))) == LspPosition{2, 0});  // after \r\n
  CHECK(lines.position(static_cast<std::uint32_t>(text.find('c'))) == LspPosition{3, 0});   // after a lone \r
  CHECK(lines.position(static_cast<std::uint32_t>(text.size()) + 5) == LspPosition{3, 1});  // clamped
}

TEST_CASE("lsp ranges meet when they overlap or touch") {
  const LspRange a{{1, 2}, {1, 4}};
  CHECK(a.meets({{1, 4}, {1, 4}}));
  CHECK(a.meets({{0, 0}, {5, 0}}));
  CHECK_FALSE(a.meets({{1, 5}, {1, 6}}));
  CHECK_FALSE(a.meets({{0, 0}, {1, 1}}));
}

TEST_CASE("file URIs: percent-encoding both ways, other schemes refused") {
  CHECK(file_uri("/tmp/年报 2023.txt") == "file:///tmp/年报%202023.txt");
  CHECK(path_from_file_uri("file:///tmp/%E5%B9%B4%E6%8A%A5%202023.txt") == "/tmp/年报 2023.txt");
  CHECK(path_from_file_uri(file_uri("/a b/c#d%.md")) == "/a b/c#d%.md");
  CHECK(path_from_file_uri("file://localhost/etc/x.txt") == "/etc/x.txt");
  CHECK_FALSE(path_from_file_uri("untitled:Untitled-1"));
  CHECK_FALSE(path_from_file_uri("file://server/share/x.txt"));
}

TEST_CASE("lsp framing: Content-Length messages, the end of input, broken headers") {
  SUBCASE("two messages, other headers ignored, header names in any case") {
    std::istringstream in("Content-Length: 2\r\n\r\n{}content-length: 4\r\nContent-Type: x\r\n\r\nnull");
    Frame f = read_frame(in, 100);
    CHECK(f.kind == Frame::Kind::Message);
    CHECK(f.body == "{}");
    f = read_frame(in, 100);
    CHECK(f.kind == Frame::Kind::Message);
    CHECK(f.body == "null");
    CHECK(read_frame(in, 100).kind == Frame::Kind::End);
  }
  SUBCASE("broken") {
    for (const char* bad : {"Content-Length: x\r\n\r\n{}", "Content-Length: -1\r\n\r\n", "Content-Type: a\r\n\r\n{}",
                            "Content-Length: 10\r\n\r\n{}", "Content-Length: 2\r\n", "no colon\r\n\r\n",
                            "Content-Length: 101\r\n\r\n"}) {
      std::istringstream in(bad);
      const Frame f = read_frame(in, 100);
      CHECK_MESSAGE(f.kind == Frame::Kind::Broken, bad);
      CHECK(!f.problem.empty());
    }
  }
  SUBCASE("write") {
    std::ostringstream out;
    write_frame(out, "{\"a\":\"年\"}");
    CHECK(out.str() == "Content-Length: 11\r\n\r\n{\"a\":\"年\"}");  // bytes, not characters
  }
}
