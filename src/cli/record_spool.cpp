#include "cli/record_spool.h"

#include <stdexcept>

#include "cli/result_codec.h"

namespace nblint {

TextFingerprint RecordSpool::fingerprint(std::size_t i, std::size_t section) const {
  const RecordDigest d = digest(i);
  if (section >= d.section_count()) throw std::out_of_range("no such section in the record");
  return prints_.at(d.first_print + static_cast<std::uint32_t>(section));
}

ReportRecord RecordSpool::load(std::size_t i) const { return decode_record(spool_.load_encoded(i)); }

std::string RecordSpool::name(std::size_t i) const { return decode_record_name(spool_.load_encoded(i)); }

void RecordSpool::store(std::size_t i, const ReportRecord& record) {
  std::string encoded;
  encode_record(record, encoded);
  spool_.store_encoded(i, encoded);
  RecordDigest digest = digest_of(record);
  digest.first_print = prints_.size();
  digests_.set(i, digest);
  for (const SectionProse& s : record.sections) prints_.append(s.fingerprint);
}

}  // namespace nblint
