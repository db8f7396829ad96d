// Bad input through the command line: each broken file is named with its reason on stderr, the
// run goes on to the next file, and the good file among them is checked as usual.
// The readers' own cases (every kind of damage, at the reader) are in tests/unit/decode_test.cpp,
// docx_reader_test.cpp, pdf_reader_test.cpp and html_reader_test.cpp; these are the same inputs
// seen by a user of `nblint check`.
#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "support/docx_writer.h"
#include "support/run.h"

using namespace nblint::test;
namespace fs = std::filesystem;

namespace {

std::string good_report() { return read_file(source_dir() / "tests/fixtures/structure/fmt2021-clean.txt"); }

// The stderr line that names `file`, or "" when there is none.
std::string line_naming(const std::string& err, const std::string& file) {
  const auto at = err.find(file);
  if (at == std::string::npos) return "";
  const auto begin = err.rfind('\n', at);
  const auto end = err.find('\n', at);
  return err.substr(begin == std::string::npos ? 0 : begin + 1, end == std::string::npos ? std::string::npos : end - begin - 1);
}

std::string random_bytes(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng() & 0xFF);
  return s;
}

std::string ole_encrypted() {
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(504, '\0');
  for (char ch : std::string("EncryptedPackage")) ole += {ch, '\0'};
  return ole;
}

std::string docx_zip_bomb() {
  // 64 MiB of spaces in word/document.xml: about 64 KiB zipped, far past the expansion ratio.
  ZipEntry e{"word/document.xml", "<?xml version=\"1.0\"?>"};
  e.fill_size = 64ull << 20;
  e.level = 1;
  return make_zip({e});
}

}  // namespace

TEST_CASE("bad input: broken files are each named with the reason, and the run goes on") {
  const fs::path dir = fresh_temp_dir("nblint-bad-input", "broken");
  std::string png("\x89PNG\r\n\x1a\n", 8);
  write_file(dir / "a-binary.txt", png + random_bytes(4096, 1));
  write_file(dir / "b-corrupt.docx", "PK\x03\x04" + random_bytes(2048, 2));
  write_file(dir / "c-encrypted.docx", ole_encrypted());
  write_file(dir / "d-bomb.docx", docx_zip_bomb());
  write_file(dir / "e-damaged.pdf", "%PDF-1.7\n" + random_bytes(1024, 3));
  write_file(dir / "f-empty.txt", "");
  write_file(dir / "z-good.txt", good_report());

  const RunResult r = run_nblint({"check", dir.string(), "--format", "json", "--lang", "en"});
  CHECK(r.exit_code == 2);  // some input could not be read
  const struct {
    const char* file;
    const char* reason;
  } expected[] = {
      {"a-binary.txt", "binary file"},
      {"b-corrupt.docx", "damaged .docx"},
      {"c-encrypted.docx", "encrypted"},
      {"d-bomb.docx", "zip bomb"},
      {"e-damaged.pdf", "damaged PDF"},
      {"f-empty.txt", "empty"},
  };
  for (const auto& e : expected) {
    CAPTURE(e.file);
    const std::string line = line_naming(r.err, e.file);
    CHECK_MESSAGE(line.find(e.reason) != std::string::npos, r.err);
  }
  // The good file after them was checked: its findings (meta/pack's note at least) are there.
  const auto json = nlohmann::json::parse(r.out);
  bool good_checked = false;
  for (const auto& f : json.at("files"))
    if (f.at("path").get<std::string>().find("z-good.txt") != std::string::npos) good_checked = !f.at("diagnostics").empty();
  CHECK_MESSAGE(good_checked, r.out);
}

TEST_CASE("bad input: NUL bytes and truncated UTF-8 and UTF-16 are read, with the damage shown") {
  const fs::path dir = fresh_temp_dir("nblint-bad-input", "damaged-text");
  const std::string report = good_report();
  // A NUL in the middle of a line, and a file cut in the middle of a three-byte character.
  std::string with_nul = report;
  with_nul.insert(with_nul.find("\n") , std::string("\0\0", 2));
  write_file(dir / "nul.txt", with_nul);
  write_file(dir / "cut-utf8.txt", report + "\xe5\x85");
  // UTF-16LE with a BOM and an odd byte count: the last half code unit cannot be decoded.
  std::string utf16 = "\xff\xfe";
  for (char32_t c : std::u32string(U"某县2025年政府信息公开工作年度报告\n一、总体情况\n")) {
    utf16 += static_cast<char>(c & 0xFF);
    utf16 += static_cast<char>(c >> 8);
  }
  utf16 += 'x';
  write_file(dir / "cut-utf16.txt", utf16);

  const RunResult r = run_nblint({"check", dir.string(), "--format", "json", "--lang", "en", "--fail-on", "never"});
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  const auto json = nlohmann::json::parse(r.out);
  REQUIRE(json.at("files").size() == 3);
  for (const auto& f : json.at("files")) {
    CAPTURE(f.at("path").get<std::string>());
    CHECK(!f.at("diagnostics").empty());
  }
}

TEST_CASE("bad input: a mislabelled encoding gives mojibake findings, not a crash or silence") {
  const fs::path dir = fresh_temp_dir("nblint-bad-input", "mislabelled");
  write_file(dir / "utf8.txt", good_report());
  // UTF-8 read as GBK: every Chinese character becomes two or three wrong ones.
  const RunResult as_gbk = run_nblint({"check", (dir / "utf8.txt").string(), "--encoding", "gbk", "--format", "json", "--lang", "en"});
  CHECK(as_gbk.exit_code != 2);
  CHECK(as_gbk.exit_code >= 0);
  const auto json = nlohmann::json::parse(as_gbk.out);
  CHECK(json.at("files").at(0).at("diagnostics").size() > 0);
  // UTF-8 read as UTF-16: an even stranger text, still read to the end.
  const RunResult as_utf16 = run_nblint({"check", (dir / "utf8.txt").string(), "--encoding", "utf-16le", "--format", "json"});
  CHECK(as_utf16.exit_code != 2);
  CHECK(as_utf16.exit_code >= 0);
  // An encoding that does not exist is a usage error naming it.
  const RunResult unknown = run_nblint({"check", (dir / "utf8.txt").string(), "--encoding", "klingon-8", "--lang", "en"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("klingon-8") != std::string::npos);
}

TEST_CASE("bad input: a file over the 64 MiB limit is refused by its size, before it is read") {
  const fs::path dir = fresh_temp_dir("nblint-bad-input", "too-large");
  {
    // One line of 64 MiB + 1 byte, written in 1 MiB pieces.
    std::ofstream out(dir / "one-line.txt", std::ios::binary);
    const std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 64; ++i) out << chunk;
    out << 'x';
  }
  write_file(dir / "z-good.txt", good_report());
  const RunResult r = run_nblint({"check", dir.string(), "--format", "json", "--lang", "en"});
  CHECK(r.exit_code == 2);
  CHECK_MESSAGE(line_naming(r.err, "one-line.txt").find("size limit (67108864 bytes") != std::string::npos, r.err);
  CHECK(nlohmann::json::parse(r.out).at("files").size() >= 1);
  fs::remove_all(dir);
}
