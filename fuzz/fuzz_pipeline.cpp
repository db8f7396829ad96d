// libFuzzer target: the whole per-file pipeline on text held in memory (lint_text): decode,
// normalise, parse, bind tables, run every rule of the pack it selects. The first byte picks
// plain text, Markdown or HTML.
// Invariant: no crash, no exception, and every diagnostic's span lies inside the source text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "cli/lint_file.h"

using namespace nblint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr Format kFormats[] = {Format::Text, Format::Markdown, Format::Html};
  const Format format = kFormats[data[0] % std::size(kFormats)];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  static const LintOptions options = [] {
    LintOptions o;
    o.ingest.max_file_size = 1 << 20;
    return o;
  }();
  const FileResult result = lint_text("fuzz-input", bytes, format, options);
  const std::size_t text_size = result.source().text.size();
  for (const Diagnostic& d : result.diagnostics)
    if (d.span.begin > d.span.end || d.span.end > text_size) {
      __builtin_printf("diagnostic %s has a span outside the text\n", d.rule.c_str());
      std::abort();
    }
  return 0;
}
