// The cross-report records of a run (rules/cross_report): each record's digest stays in memory,
// the record itself goes to an unlinked temporary file, read back only for the reports a check
// across reports pairs or reports on. A record's carried rows and headings are most of it.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "cli/result_spool.h"
#include "rules/cross_report.h"

namespace nblint {

class RecordSpool final : public RecordSource {
 public:
  explicit RecordSpool(std::size_t count = 0) : digests_(count), spool_(count) {}

  std::size_t size() const override { return digests_.size(); }
  const RecordDigest& digest(std::size_t i) const override { return digests_.at(i); }
  // Throws ResultCodecError when the record cannot be read back.
  ReportRecord load(std::size_t i) const override;

  // Record i, as its digest and its encoding (cli/result_codec: encode_record). Different
  // indexes may be given their digests from different threads; stores are not thread-safe.
  void set_digest(std::size_t i, RecordDigest digest) { digests_.at(i) = std::move(digest); }
  void store_encoded(std::size_t i, const std::string& bytes) { spool_.store_encoded(i, bytes); }

 private:
  std::vector<RecordDigest> digests_;
  ResultSpool spool_;  // its byte storage: the records' encodings, not results
};

}  // namespace nblint
