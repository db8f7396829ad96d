// libFuzzer target: bytes → Document through ingest_bytes. The first byte selects the format
// (plain text, Markdown, HTML, DOCX, PDF, or "detect"), the rest is the file.
// Invariant: ingest never throws; a Document's text is valid UTF-8 and every raw offset lies
// inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <variant>

#include "ingest/ingest.h"
#include "util/utf8.h"

using namespace nblint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr std::optional<Format> kFormats[] = {std::nullopt, Format::Text, Format::Markdown,
                                                       Format::Html, Format::Docx, Format::Pdf};
  const auto format = kFormats[data[0] % std::size(kFormats)];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  IngestOptions options;
  options.max_file_size = 1 << 20;
  auto result = ingest_bytes("fuzz", bytes, format, options);
  if (auto* doc = std::get_if<Document>(&result)) {
    const SourceText& src = doc->source;
    if (!utf8::is_valid(src.text)) std::abort();
    if (!src.raw_offsets.empty()) {
      if (src.raw_offsets.size() < src.text.size()) std::abort();
      for (std::uint32_t raw : src.raw_offsets)
        if (raw > bytes.size()) std::abort();
    }
    for (std::uint32_t o : doc->content_origin)
      if (o > src.text.size()) std::abort();
    if (!src.text.empty()) (void)src.locate(static_cast<std::uint32_t>(src.text.size()));
  }
  // The PDF reader is a module loaded on the first PDF (src/ingest/pdf_module.cpp): if it did
  // not load, PDF inputs would never reach poppler, so stop rather than fuzz nothing.
  if (auto* e = std::get_if<IngestError>(&result); e && e->kind == IngestError::Kind::PdfReaderUnavailable)
    std::abort();
  return 0;
}
