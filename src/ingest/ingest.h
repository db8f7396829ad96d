// Turns a file's bytes into a Document: format (by extension, else by content), encoding,
// and the format's own reader. Says why when it cannot.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <optional>
#include <variant>

#include "ingest/document.h"
#include "ingest/docx_reader.h"

namespace nblint {

struct IngestError {
  enum class Kind {
    NotFound, PermissionDenied, NotAFile, TooLarge, Empty, IoError,  // reading
    Binary, UnknownEncoding, Undetectable,                             // decoding
    DocxNotZip, DocxEncrypted, DocxNoDocument, DocxTooLarge, DocxBadXml,
    LegacyWord,      // .doc (Word 97–2003): an OLE file, not a .docx
    PdfDamaged, PdfEncrypted, PdfNoText,
    PdfReaderUnavailable,  // the PDF module (libnblint_pdf.so) did not load: an installation fault
    DocxReaderUnavailable,  // libzip did not load (ingest/zip_library): an installation fault
  };
  Kind kind;
  std::string detail;
};

struct IngestOptions {
  std::string encoding;  // --encoding; empty = detect
  std::uint64_t max_file_size = 64ull << 20;
  DocxLimits docx;
};

// The format a path's extension names; nullopt for unknown extensions and stdin ("-").
std::optional<Format> format_from_extension(std::string_view path);

// `display_path` is what diagnostics show; `bytes` the whole file.
std::variant<Document, IngestError> ingest_bytes(std::string display_path, std::string_view bytes,
                                                 std::optional<Format> format, const IngestOptions& options);
// The same, taking over `bytes`' buffer where the text is the bytes themselves (valid UTF-8).
std::variant<Document, IngestError> ingest_buffer(std::string display_path, std::string&& bytes,
                                                 std::optional<Format> format, const IngestOptions& options);

// Reads `path` ("-" = standard input) and ingests it.
std::variant<Document, IngestError> ingest_file(const std::string& path, const IngestOptions& options);

}  // namespace nblint
