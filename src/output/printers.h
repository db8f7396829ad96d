// Turning results into output. Each printer is a function over plain data.
#pragma once
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/lint_file.h"
#include "model/report.h"
#include "output/columns.h"
#include "output/result_sequence.h"
#include "rules/pack_selector.h"
#include "util/lang.h"

namespace nblint {

// How findings are printed: the language, the column unit (--column-unit), colour, and what
// paths and documentation links are relative to.
struct OutputOptions {
  Lang lang = Lang::Zh;
  ColumnUnit unit = ColumnUnit::CodePoint;
  bool color = false;    // text: ANSI colours
  bool excerpt = true;   // text: the source line with a caret under the span
  std::string root;      // SARIF/rdjson: artifact paths relative to this directory (repository root)
  std::string doc_base;  // --doc-url: where docs/ is published; empty: the installed docs (file://)
};


// path:line:column: severity: message [rule-id], then (excerpt) the source line with a caret and
// underline under the span, CJK counted double width. For DOCX the message ends with where the
// line is (（第12段）).
void print_text(std::ostream& out, const FileResult& file, const OutputOptions& options);

// path:line:column: severity: message [rule-id], one line each, severities error/warning/note
// as GCC prints them: for errorformat-based tools (Vim quickfix, Emacs compile).
void print_gcc(std::ostream& out, const FileResult& file, const OutputOptions& options);

// GitHub Actions workflow commands: ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message
void print_github(std::ostream& out, const FileResult& file, const OutputOptions& options);

// {"version": …, "files": [{"path", "pack", "diagnostics": [...]}]}: exactly one document.
// DOCX diagnostics carry a "location" (第12段 / 表2 第5行 第3列). With a baseline (--baseline),
// "baseline_matched" says how many findings it held back.
void print_json(std::ostream& out, const ResultSequence& files, const OutputOptions& options,
                std::optional<std::size_t> baseline_matched = std::nullopt);

// SARIF 2.1.0 (GitHub code scanning): one run, the rules of the catalogue, columnKind
// unicodeCodePoints or utf16CodeUnits (options.unit must be one of those two).
void print_sarif(std::ostream& out, const ResultSequence& files, const OutputOptions& options);

// reviewdog's rdjson (Reviewdog Diagnostic Format): columns in UTF-8 bytes, 1-based.
void print_rdjson(std::ostream& out, const ResultSequence& files, const OutputOptions& options);

// The parsed model of one report, for `nblint tree`: title, dates, metadata, the section tree,
// prose facts, data period claims and bound tables (one line per row). `verbose` adds the
// binder's notes on what it could not bind.
void print_tree(std::ostream& out, const SourceText& source, const Report& report, Lang lang, bool verbose = false);

// The whole model as one JSON document, for `nblint tree --format json` (docs/model.md).
// `choice` (may be null) gives the pack, which names the tables' columns.
void print_tree_json(std::ostream& out, const SourceText& source, const Report& report, const PackChoice* choice,
                     Lang lang);

}  // namespace nblint
