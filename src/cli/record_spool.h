// The cross-report records of a run (rules/cross_report): each record's digest stays in memory;
// the record itself goes to an unlinked temporary file and its prose fingerprints to a
// FingerprintFile (in memory up to its budget), read back only for the reports a check across
// reports pairs, compares or reports on.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/fingerprint_file.h"
#include "cli/result_spool.h"
#include "rules/cross_report.h"

namespace nblint {

class RecordSpool final : public RecordSource {
 public:
  explicit RecordSpool(std::size_t count = 0) : digests_(count), first_print_(count), spool_(count) {}

  std::size_t size() const override { return digests_.size(); }
  const RecordDigest& digest(std::size_t i) const override { return digests_.at(i); }
  // From the fingerprint file: not thread-safe. Throws ResultCodecError when it cannot be read.
  TextFingerprint fingerprint(std::size_t i, std::size_t section) const override;
  // Throws ResultCodecError when the record cannot be read back.
  ReportRecord load(std::size_t i) const override;

  // Stores record i: its digest, its encoding and its fingerprints.
  void store(std::size_t i, const ReportRecord& record);

 private:
  StringArena strings_;                     // the digests' strings
  std::vector<RecordDigest> digests_;
  std::vector<std::uint32_t> first_print_;  // the index of record i's first fingerprint in prints_
  ResultSpool spool_;                       // its byte storage: the records' encodings, not results
  FingerprintFile prints_;
};

}  // namespace nblint
