// The contract between nblint and its PDF module, libnblint_pdf.so (src/ingest/pdf_reader.cpp
// built as a MODULE, the only part of nblint linking poppler-cpp; src/ingest/pdf_module.cpp
// loads it with dlopen on the first PDF, so runs without a PDF never load poppler's ~27
// shared libraries).
//
// The entry point takes the C++ result type through a pointer. That is sound here because the
// module is always built from the same sources, with the same compiler and flags, in the same
// build as the binary that loads it (same std::string / std::vector layout, same libstdc++):
// it is a part of nblint split off for load time, not a plugin interface.
#pragma once
#include <cstddef>
#include <variant>

#include "ingest/pdf_reader.h"

namespace nblint {

// Reads the PDF in data[0, size) into *result (never throws).
using PdfModuleEntry = void(const char* data, std::size_t size, std::variant<PdfText, PdfError>* result);

inline constexpr const char* kPdfModuleFile = "libnblint_pdf.so";
inline constexpr const char* kPdfModuleEntryName = "nblint_pdf_read";

}  // namespace nblint

// The module's only exported symbol (the module is built with hidden visibility).
extern "C" __attribute__((visibility("default"))) void nblint_pdf_read(
    const char* data, std::size_t size, std::variant<nblint::PdfText, nblint::PdfError>* result) noexcept;
