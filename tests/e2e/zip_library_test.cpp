// libzip is loaded by the DOCX reader on the first .docx (src/ingest/zip_library.cpp): runs
// without a DOCX do not load it or what it links, and a libzip that cannot be loaded makes each
// DOCX unreadable with the loader's reason, in either language; other formats are unaffected.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/docx_writer.h"
#include "support/run.h"

using namespace nblint::test;

namespace {

const std::string kText = (source_dir() / "examples/qingshan-transport-2025.txt").string();

// The example report as a .docx, one paragraph per line, written by the tests' own libzip.
std::string example_docx() {
  const auto dir = fresh_temp_dir("zip-library", "docx");
  std::vector<DocxBlock> blocks;
  const std::string text = read_file(kText);
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t nl = std::min(text.find('\n', at), text.size());
    blocks.push_back(para(text.substr(at, nl - at)));
    at = nl + 1;
  }
  const auto path = dir / "qingshan-transport-2025.docx";
  write_file(path, make_docx(blocks));
  return path.string();
}

}  // namespace

TEST_CASE("zip library: a missing libzip makes a DOCX unreadable, with the reason, in Chinese and English") {
  const std::string docx = example_docx();
  const std::string missing = "/nonexistent-nblint-dir/libzip.so.4";
  const std::string env = "NBLINT_LIBZIP=" + shell_quote(missing);

  const RunResult zh = run_nblint({"check", docx}, "", env);
  CHECK(zh.exit_code == 2);
  CHECK(zh.err.find("读取 .docx 所需的 libzip 加载失败，无法读取 .docx") != std::string::npos);
  CHECK(zh.err.find(missing) != std::string::npos);  // dlerror() names the file
  CHECK(zh.out.find("qingshan") == std::string::npos);

  const RunResult en = run_nblint({"check", "--lang", "en", docx}, "", env);
  CHECK(en.exit_code == 2);
  CHECK(en.err.find("libzip, which reading .docx needs, failed to load") != std::string::npos);
  CHECK(en.err.find("No such file") != std::string::npos);

  // A text file is no library: dlopen refuses it, and the reason is shown, not a crash.
  const RunResult not_elf = run_nblint({"check", "--lang", "en", docx}, "", "NBLINT_LIBZIP=" + shell_quote(kText));
  CHECK(not_elf.exit_code == 2);
  CHECK(not_elf.err.find("libzip, which reading .docx needs, failed to load") != std::string::npos);
  CHECK(not_elf.err.find(kText) != std::string::npos);
}

TEST_CASE("zip library: a text report is checked without it, and a DOCX loads it and reads as the text does") {
  // Without a DOCX libzip is never needed, so a missing one changes nothing.
  const RunResult plain = run_nblint({"check", "--format", "json", kText});
  const RunResult without = run_nblint({"check", "--format", "json", kText}, "",
                                       "NBLINT_LIBZIP=/nonexistent-nblint-dir/libzip.so.4");
  CHECK(without.exit_code == plain.exit_code);
  CHECK(without.out == plain.out);
  CHECK(without.err.empty());

  // The dynamic loader's own trace (LD_DEBUG=files) says which shared objects a run opens.
  const RunResult traced_text = run_nblint({"check", kText}, "", "LD_DEBUG=files");
  CHECK(traced_text.err.find("libzip") == std::string::npos);
  CHECK(traced_text.err.find("libcrypto") == std::string::npos);
  const std::string docx = example_docx();
  const RunResult traced_docx = run_nblint({"check", docx}, "", "LD_DEBUG=files");
  CHECK(traced_docx.err.find("file=libzip") != std::string::npos);
  CHECK(traced_docx.err.find("dynamically loaded") != std::string::npos);

  // Loaded this way it reads the document: the same findings' rules as the text.
  const RunResult from_docx = run_nblint({"check", "--format", "json", docx});
  CHECK(from_docx.exit_code == plain.exit_code);
  CHECK(from_docx.err.empty());
  CHECK(from_docx.out.find("\"rule\"") != std::string::npos);
  CHECK(from_docx.out.find("meta/pack") != std::string::npos);
}
