// Placeholder until the ICU-based decoder lands: UTF-8 only.
#include "ingest/decode.h"

#include "util/utf8.h"

namespace nblint {

std::variant<Decoded, DecodeError> decode_bytes(std::string_view raw, std::string_view forced) {
  if (!forced.empty()) return DecodeError{DecodeError::Kind::UnknownEncoding, std::string(forced)};
  Decoded d;
  d.encoding = "UTF-8";
  d.detected_by = "UTF-8 check";
  d.text.assign(raw);
  return d;
}

}  // namespace nblint
