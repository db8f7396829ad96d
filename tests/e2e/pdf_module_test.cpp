// The PDF reader is a module (libnblint_pdf.so) loaded on the first PDF: runs without a PDF do
// not load poppler, and a module that cannot be loaded is reported as an unreadable PDF naming
// what failed, in either language (src/ingest/pdf_module.cpp).
#include <doctest/doctest.h>

#include <string>

#include "support/run.h"

using namespace nblint::test;

namespace {

const std::string kPdf = (source_dir() / "tests/fixtures/pdf/qingshan-2023.pdf").string();
const std::string kText = (source_dir() / "examples/qingshan-transport-2025.txt").string();

}  // namespace

TEST_CASE("pdf module: a missing module makes a PDF unreadable, with the reason, in Chinese and English") {
  const std::string missing = "/nonexistent-nblint-dir/libnblint_pdf.so";
  const std::string env = "NBLINT_PDF_MODULE=" + shell_quote(missing);

  const RunResult zh = run_nblint({"check", kPdf}, "", env);
  CHECK(zh.exit_code == 2);
  CHECK(zh.err.find("PDF 读取模块 libnblint_pdf.so 加载失败，无法读取 PDF") != std::string::npos);
  CHECK(zh.err.find(missing) != std::string::npos);  // dlerror() names the file
  CHECK(zh.out.find("qingshan") == std::string::npos);

  const RunResult en = run_nblint({"check", "--lang", "en", kPdf}, "", env);
  CHECK(en.exit_code == 2);
  CHECK(en.err.find("the PDF module libnblint_pdf.so failed to load") != std::string::npos);
  CHECK(en.err.find(missing) != std::string::npos);
  CHECK(en.err.find("No such file") != std::string::npos);
}

TEST_CASE("pdf module: a file that is not a loadable module is reported, not crashed on") {
  const RunResult r = run_nblint({"check", "--lang", "en", kPdf}, "", "NBLINT_PDF_MODULE=" + shell_quote(kText));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("the PDF module libnblint_pdf.so failed to load") != std::string::npos);
  CHECK(r.err.find(kText) != std::string::npos);
}

TEST_CASE("pdf module: a text report is checked without it, a PDF loads it and poppler") {
  // Without a PDF the module is never needed, so a missing one changes nothing.
  const RunResult plain = run_nblint({"check", "--format", "json", kText});
  const RunResult without = run_nblint({"check", "--format", "json", kText}, "",
                                       "NBLINT_PDF_MODULE=/nonexistent-nblint-dir/libnblint_pdf.so");
  CHECK(without.exit_code == plain.exit_code);
  CHECK(without.out == plain.out);
  CHECK(without.err.empty());

  // The dynamic loader's own trace (LD_DEBUG=files) says which shared objects a run opens.
  const RunResult traced_text = run_nblint({"check", kText}, "", "LD_DEBUG=files");
  CHECK(traced_text.err.find("libpoppler") == std::string::npos);
  CHECK(traced_text.err.find("libnblint_pdf.so") == std::string::npos);
  const RunResult traced_pdf = run_nblint({"check", kPdf}, "", "LD_DEBUG=files");
  CHECK(traced_pdf.err.find("libnblint_pdf.so") != std::string::npos);
  CHECK(traced_pdf.err.find("libpoppler") != std::string::npos);
  CHECK((traced_pdf.exit_code == 0 || traced_pdf.exit_code == 1));
}
