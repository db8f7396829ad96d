// Bytes to UTF-8: byte-order marks, strict UTF-8, ICU charset detection, ICU converters.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace nblint {

struct Decoded {
  std::string text;             // UTF-8; undecodable input replaced by U+FFFD
  std::string encoding;         // canonical name: UTF-8, UTF-16LE, UTF-16BE, GB18030, Big5, …
  std::string detected_by;      // "BOM", "UTF-8 check", "ICU detection, confidence N", "--encoding"
  std::uint32_t bom_bytes = 0;  // byte-order mark skipped at the start of the raw bytes
  std::vector<std::uint32_t> invalid_offsets;  // offsets in `text` of each U+FFFD inserted
  // raw_offsets[i] = offset in the raw bytes of the input behind text byte i (size
  // text.size() + 1). Empty when text is the raw bytes minus the BOM (valid UTF-8 input).
  std::vector<std::uint32_t> raw_offsets;
};

struct DecodeError {
  enum class Kind { UnknownEncoding, Binary, Undetectable };
  Kind kind;
  std::string detail;  // the encoding name asked for, or what detection saw
};

// `forced` is the --encoding value (any name ICU knows, e.g. "gbk", "big5", "utf-16le"); empty
// means detect: BOM → strict UTF-8 → mostly-UTF-8 with a few bad sequences → ICU detection
// with a confidence floor. Never throws.
std::variant<Decoded, DecodeError> decode_bytes(std::string_view raw, std::string_view forced = {});
// The same, taking over `raw`'s buffer for the text when it is valid UTF-8 (no copy); `raw` is
// left unspecified.
std::variant<Decoded, DecodeError> decode_buffer(std::string&& raw, std::string_view forced = {});

// A document's raw offsets once it is done with them: the next file decoded takes
// their memory (util/spare_buffers) instead of fresh pages.
void give_back_raw_offsets(std::vector<std::uint32_t>&& offsets);

}  // namespace nblint
