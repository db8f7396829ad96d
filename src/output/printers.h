// Turning results into output. Each printer is a function over plain data.
#pragma once
#include <cstddef>
#include <optional>
#include <ostream>
#include <vector>

#include "cli/lint_file.h"
#include "model/report.h"
#include "rules/pack_selector.h"
#include "util/lang.h"

namespace nblint {

// path:line:column: severity: message [rule-id]   (columns count code points, 1-based); for
// DOCX the message ends with where the line is (（第12段）).
void print_text(std::ostream& out, const FileResult& file, Lang lang);

// {"version": …, "files": [{"path", "pack", "diagnostics": [...]}]}: exactly one document.
// DOCX diagnostics carry a "location" (第12段 / 表2 第5行 第3列). With a baseline (--baseline),
// "baseline_matched" says how many findings it held back.
void print_json(std::ostream& out, const std::vector<FileResult>& files, Lang lang,
                std::optional<std::size_t> baseline_matched = std::nullopt);

// The parsed model of one report, for `nblint tree`: title, dates, metadata, the section tree,
// prose facts, data period claims and bound tables (one line per row). `verbose` adds the
// binder's notes on what it could not bind.
void print_tree(std::ostream& out, const SourceText& source, const Report& report, Lang lang, bool verbose = false);

// The whole model as one JSON document, for `nblint tree --format json` (docs/model.md).
// `choice` (may be null) gives the pack, which names the tables' columns.
void print_tree_json(std::ostream& out, const SourceText& source, const Report& report, const PackChoice* choice,
                     Lang lang);

}  // namespace nblint
