// read_pdf(): loads the PDF module (libnblint_pdf.so, see ingest/pdf_module_abi.h) on the first
// PDF and calls it. Linking poppler-cpp into the binary would make every run, PDF or not, pay
// for loading and relocating its ~27 shared libraries (about 3 ms of a 15 ms check).
//
// Where the module is looked for, first found wins:
//   1. $NBLINT_PDF_MODULE, when set: that file only (packagers, and the tests of a missing module);
//   2. next to the executable (build/nblint and build/libnblint_pdf.so);
//   3. NBLINT_PDF_MODULE_INSTALL_RELDIR relative to the executable's directory (../lib/nblint
//      after `cmake --install`);
//   4. NBLINT_PDF_MODULE_BUILD_DIR, the build directory (test and fuzz binaries live elsewhere).
// When none loads, every PDF gets PdfError::Kind::ReaderUnavailable with each dlerror() text.
#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "ingest/pdf_module_abi.h"
#include "ingest/pdf_reader.h"

#ifndef NBLINT_PDF_MODULE_INSTALL_RELDIR
#error "NBLINT_PDF_MODULE_INSTALL_RELDIR must be defined by the build (CMakeLists.txt)"
#endif
#ifndef NBLINT_PDF_MODULE_BUILD_DIR
#error "NBLINT_PDF_MODULE_BUILD_DIR must be defined by the build (CMakeLists.txt)"
#endif

namespace nblint {
namespace {

struct PdfModule {
  PdfModuleEntry* read = nullptr;  // null: not loaded, `failure` says why
  std::string failure;
};

std::vector<std::filesystem::path> module_candidates() {
  if (const char* forced = std::getenv("NBLINT_PDF_MODULE"); forced && *forced) return {forced};
  std::vector<std::filesystem::path> candidates;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec && exe.has_parent_path()) {
    candidates.push_back(exe.parent_path() / kPdfModuleFile);
    candidates.push_back((exe.parent_path() / NBLINT_PDF_MODULE_INSTALL_RELDIR / kPdfModuleFile).lexically_normal());
  }
  candidates.push_back(std::filesystem::path(NBLINT_PDF_MODULE_BUILD_DIR) / kPdfModuleFile);
  return candidates;
}

PdfModule load_module() {
  PdfModule module;
  for (const std::filesystem::path& candidate : module_candidates()) {
    // The module stays loaded for the rest of the run (never dlclose'd).
    void* handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* why = dlerror();
      module.failure += (module.failure.empty() ? "" : "; ") + std::string(why ? why : candidate.string());
      continue;
    }
    void* entry = dlsym(handle, kPdfModuleEntryName);
    if (!entry) {
      const char* why = dlerror();
      module.failure += (module.failure.empty() ? "" : "; ") + candidate.string() + ": " +
                        (why ? why : "no entry point");
      dlclose(handle);
      continue;
    }
    // POSIX guarantees a data pointer from dlsym converts to the function pointer it names.
    module.read = reinterpret_cast<PdfModuleEntry*>(entry);
    module.failure.clear();
    return module;
  }
  return module;
}

// Loaded once, on first use; a function-local static is initialised exactly once even when
// several threads read PDFs at the same time, and is only read afterwards.
const PdfModule& pdf_module() {
  static const PdfModule module = load_module();
  return module;
}

}  // namespace

std::variant<PdfText, PdfError> read_pdf(std::string_view bytes) {
  const PdfModule& module = pdf_module();
  if (!module.read) return PdfError{PdfError::Kind::ReaderUnavailable, module.failure};
  std::variant<PdfText, PdfError> result;
  module.read(bytes.data(), bytes.size(), &result);
  return result;
}

}  // namespace nblint
