#include "cli/record_spool.h"

#include "cli/result_codec.h"

namespace nblint {

ReportRecord RecordSpool::load(std::size_t i) const { return decode_record(spool_.load_encoded(i)); }

}  // namespace nblint
