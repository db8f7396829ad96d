// The cross-report records of a run (rules/cross_report): each record's digest goes to a
// SpillArray (in memory up to its budget), the record itself to an unlinked temporary file and
// its prose fingerprints to a FingerprintFile (in memory up to its budget), read back only for
// the reports a check across reports pairs, compares or reports on. A run of any size holds
// the budgets, not an item per report.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/fingerprint_file.h"
#include "cli/result_spool.h"
#include "rules/cross_report.h"
#include "util/spill_array.h"

namespace nblint {

class RecordSpool final : public RecordSource {
 public:
  explicit RecordSpool(std::size_t count = 0) : spool_(count) { digests_.resize(count); }

  std::size_t size() const override { return digests_.size(); }
  // Not thread-safe (SpillArray).
  RecordDigest digest(std::size_t i) const override { return digests_.get(i); }
  // From the fingerprint file: not thread-safe. Throws ResultCodecError when it cannot be read.
  TextFingerprint fingerprint(std::size_t i, std::size_t section) const override;
  // Throws ResultCodecError when the record cannot be read back.
  ReportRecord load(std::size_t i) const override;
  // Record i's name, the rest of it left undecoded (the same errors as load).
  std::string name(std::size_t i) const override;

  // Stores record i: its digest, its encoding and its fingerprints.
  void store(std::size_t i, const ReportRecord& record);

 private:
  // first_print: the index of the first fingerprint in prints_. The checks across reports read
  // digests in no useful order (LSH candidates): 4 MB holds 100,000 reports' before the file.
  SpillArray<RecordDigest> digests_{4u << 20};
  ResultSpool spool_;                       // its byte storage: the records' encodings, not results
  FingerprintFile prints_;
};

}  // namespace nblint
