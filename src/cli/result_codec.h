// A checked file's result as bytes, so that a run over many reports can keep its results on disk
// (cli/result_spool) instead of in memory. Every field of FileResult round-trips; its
// cross-report record is stored on its own (encode_record), since the checks across reports
// read records back without the rest of the result.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cli/lint_file.h"

namespace nblint {

// `bytes` were not written by encode_result (a truncated or damaged spool).
class ResultCodecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Appends `result` (without result.record) to `out`.
void encode_result(const FileResult& result, std::string& out);

// The result encode_result wrote into `bytes`; its record is empty.
FileResult decode_result(std::string_view bytes);

// A list of findings as bytes (the checks across reports spool theirs until they are merged).
void encode_diagnostics(const std::vector<Diagnostic>& diagnostics, std::string& out);
std::vector<Diagnostic> decode_diagnostics(std::string_view bytes);

// A cross-report record as bytes, read back in the same process (packs are kept by address).
void encode_record(const ReportRecord& record, std::string& out);
ReportRecord decode_record(std::string_view bytes);
// The record's name alone (its first field), without decoding the rest: findings that name
// another report need only that.
std::string decode_record_name(std::string_view bytes);

}  // namespace nblint
