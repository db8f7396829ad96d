// Bytes to UTF-8. Order of decisions (see decode.h):
//   --encoding → BOM → NUL-byte pattern of BOM-less UTF-16 → strict UTF-8 → mostly UTF-8
//   → binary check → ICU charset detection (ucsdet) with a confidence floor.
// UTF-8 input is validated and decoded here (one pass plus a copy when valid); everything else
// goes through an ICU converter whose `offsets` output maps every UTF-16 unit back to its raw
// byte, which becomes raw_offsets. Nothing here throws; ICU failures degrade to U+FFFD.
#include "ingest/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>

#include "ingest/file_reader.h"
#include "ingest/utf8_blocks.h"
#include "util/spare_buffers.h"
#include "util/utf8.h"

namespace nblint {
namespace {

// The binary and UTF-16 heuristics look at the first 64 KiB only: enough to judge, and it keeps
// their cost independent of the file size.
constexpr std::size_t kSampleBytes = 64 * 1024;
// ucsdet is ~35 MB/s; 64 KiB of text (from the first non-ASCII byte on) takes ~3 ms and is
// plenty for its statistics.
constexpr std::size_t kDetectBytes = 64 * 1024;
// ICU's multi-byte recognisers (GB18030, Big5, EUC-*) report 0 for malformed input and 10 for
// well-formed input that is either too short to judge (≤ 10 double-byte characters) or has not
// one of the language's common characters (then it is garbage that happens to be well-formed:
// random high bytes are mostly valid GBK). Real Chinese text scores 60–100. So the floor is 10
// while the sample has at most 40 non-ASCII bytes (a short title must still be read), 20 above.
constexpr int kConfidenceFloor = 10;
constexpr int kLongConfidenceFloor = 20;
constexpr std::size_t kShortNonAscii = 40;
// Encodings outside the ones Chinese reports use must be clearly recognised.
constexpr int kOtherConfidenceFloor = 50;

using u8 = unsigned char;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// ---------------------------------------------------------------------------------------------
// UTF-8

// Bytes from p on that are ASCII, eight at a time.
inline const u8* skip_ascii(const u8* p, const u8* end) {
  while (end - p >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    if (w & 0x8080808080808080ULL) break;
    p += 8;
  }
  while (p < end && *p < 0x80) ++p;
  return p;
}

// The non-ASCII sequence at p (p < end, *p >= 0x80). Returns its length when well-formed;
// otherwise 0, with `bad` set to the length of its maximal ill-formed subpart (Unicode 15,
// §3.9 "U+FFFD substitution of maximal subparts"), at least 1.
inline int utf8_sequence(const u8* p, const u8* end, int& bad) {
  const u8 b0 = *p;
  int need;
  u8 lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    bad = 1;
    return 0;
  }
  const std::ptrdiff_t avail = end - p - 1;
  for (int k = 1; k <= need; ++k) {
    if (k > avail) {
      bad = k;
      return 0;
    }
    const u8 b = p[k];
    const bool ok = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    if (!ok) {
      bad = k;
      return 0;
    }
  }
  return need + 1;
}

// A well-formed three-byte sequence at p (U+0800–U+FFFF without surrogates): nearly every
// character of a Chinese report, so it is tried before the general case.
inline bool three_byte_sequence(const u8* p, const u8* end) {
  if (end - p < 3 || (p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return false;
  return !(p[0] == 0xE0 && p[1] < 0xA0) && !(p[0] == 0xED && p[1] > 0x9F);
}

bool utf8_valid(std::string_view s) {
  if (utf8_blocks_available()) return utf8_valid_blocks(s);
  const u8* p = reinterpret_cast<const u8*>(s.data());
  const u8* end = p + s.size();
  for (;;) {
    p = skip_ascii(p, end);
    if (p == end) return true;
    while (three_byte_sequence(p, end)) p += 3;
    if (p == end || *p < 0x80) continue;
    int bad = 0;
    const int n = utf8_sequence(p, end, bad);
    if (n == 0) return false;
    p += n;
  }
}

struct Utf8Stats {
  std::size_t good_bytes = 0;  // non-ASCII bytes in well-formed sequences
  std::size_t bad_bytes = 0;   // bytes in ill-formed subparts
  std::size_t good_sequences = 0;
};

Utf8Stats utf8_stats(std::string_view s) {
  Utf8Stats st;
  const u8* p = reinterpret_cast<const u8*>(s.data());
  const u8* end = p + s.size();
  for (;;) {
    p = skip_ascii(p, end);
    if (p == end) return st;
    int bad = 0;
    const int n = utf8_sequence(p, end, bad);
    if (n) {
      st.good_bytes += n, ++st.good_sequences, p += n;
    } else {
      st.bad_bytes += bad, p += bad;
    }
  }
}

// "Mostly UTF-8": at least 90% of the non-ASCII bytes sit in well-formed sequences, and there
// are at least 8 of those. GBK and Big5 text read as UTF-8 has well under half of its non-ASCII
// bytes in well-formed sequences, so 90% leaves a wide margin while still keeping a UTF-8
// report with a pasted-in garbled paragraph as UTF-8 (its readable part stays readable).
bool mostly_utf8(const Utf8Stats& st) {
  return st.good_sequences >= 8 && st.good_bytes >= 9 * st.bad_bytes;
}

// `owner`, when given, holds `raw` and is given up for the text: no copy of a large file.
Decoded identity_utf8(std::string_view raw, std::string* owner, std::uint32_t bom, std::string detected_by) {
  Decoded d;
  d.encoding = "UTF-8";
  d.detected_by = std::move(detected_by);
  d.bom_bytes = bom;
  if (owner) {
    d.text = std::move(*owner);
    d.text.erase(0, bom);
  } else {
    d.text.assign(raw.substr(bom));
  }
  return d;
}

// UTF-8 with ill-formed sequences: each maximal ill-formed subpart becomes one U+FFFD.
Decoded lenient_utf8(std::string_view raw, std::uint32_t bom, std::string detected_by) {
  Decoded d;
  d.encoding = "UTF-8";
  d.detected_by = std::move(detected_by);
  d.bom_bytes = bom;
  d.text.reserve(raw.size() + raw.size() / 8);
  d.raw_offsets.reserve(raw.size() + raw.size() / 8 + 1);
  const u8* const begin = reinterpret_cast<const u8*>(raw.data());
  const u8* const end = begin + raw.size();
  const u8* p = begin + bom;
  while (p < end) {
    const u8* q = skip_ascii(p, end);
    if (q != p) {
      d.text.append(reinterpret_cast<const char*>(p), q - p);
      for (auto off = static_cast<std::uint32_t>(p - begin); p < q; ++p, ++off) d.raw_offsets.push_back(off);
      if (p == end) break;
    }
    const auto off = static_cast<std::uint32_t>(p - begin);
    int bad = 0;
    const int n = utf8_sequence(p, end, bad);
    if (n) {
      d.text.append(reinterpret_cast<const char*>(p), n);
      d.raw_offsets.insert(d.raw_offsets.end(), n, off);
      p += n;
    } else {
      d.invalid_offsets.push_back(static_cast<std::uint32_t>(d.text.size()));
      d.text += "\xEF\xBF\xBD";
      d.raw_offsets.insert(d.raw_offsets.end(), 3, off);
      p += bad;
    }
  }
  d.raw_offsets.push_back(static_cast<std::uint32_t>(raw.size()));
  return d;
}

Decoded decode_utf8(std::string_view raw, std::uint32_t bom, std::string detected_by, std::string* owner = nullptr) {
  if (utf8_valid(raw.substr(bom))) return identity_utf8(raw, owner, bom, std::move(detected_by));
  return lenient_utf8(raw, bom, std::move(detected_by));
}

// ---------------------------------------------------------------------------------------------
// ICU converters

std::string canonical_name(const char* icu_name) {
  const std::string_view n = icu_name;
  if (n == "UTF-8" || n == "UTF-16LE" || n == "UTF-16BE" || n == "UTF-32LE" || n == "UTF-32BE") return std::string(n);
  if (n == "UTF-16") return "UTF-16BE";  // ICU's BOM-less default
  if (n == "UTF-32") return "UTF-32BE";
  if (n == "gb18030") return "GB18030";
  if (n == "windows-950-2000") return "Big5";
  if (n == "windows-936-2000") return "GBK";
  UErrorCode e = U_ZERO_ERROR;
  if (const char* mime = ucnv_getStandardName(icu_name, "MIME", &e); U_SUCCESS(e) && mime) return mime;
  e = U_ZERO_ERROR;
  if (const char* iana = ucnv_getStandardName(icu_name, "IANA", &e); U_SUCCESS(e) && iana) return iana;
  return std::string(n);
}

// Substitutes U+FFFD for every illegal, irregular or unassigned sequence (ICU's own SUBSTITUTE
// callback writes U+001A for converters whose substitution character is a single byte).
void U_CALLCONV to_unicode_fffd(const void*, UConverterToUnicodeArgs* args, const char*, int32_t,
                                UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to write
  *err = U_ZERO_ERROR;
  static const UChar kFffd = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kFffd, 1, 0, err);
}

ConverterPtr open_converter(const char* name) {
  UErrorCode e = U_ZERO_ERROR;
  ConverterPtr c(ucnv_open(name, &e));
  if (U_FAILURE(e)) return nullptr;
  ucnv_setToUCallBack(c.get(), to_unicode_fffd, nullptr, nullptr, nullptr, &e);
  if (U_FAILURE(e)) return nullptr;
  return c;
}

// Builds text and raw_offsets from UTF-16 units and their raw offsets, a batch at a time
// (writing through pointers: per-character push_back ran at ~30 MB/s).
class Utf16Sink {
 public:
  Utf16Sink(std::string_view raw, UConverter* cnv, Decoded& d) : raw_(raw), cnv_(cnv), d_(d) {}

  void units(const UChar* u, const std::uint32_t* off, std::size_t n) {
    // At most 3 bytes per unit, plus a U+FFFD for a lead surrogate left from the last batch.
    open(3 * n + 3);
    for (std::size_t i = 0; i < n; ++i) {
      const UChar c = u[i];
      if (c < 0x80 && !high_) {
        out_[pos_] = static_cast<char>(c);
        ro_[pos_++] = off[i];
      } else {
        unit(c, off[i]);
      }
    }
    close();
  }

  void finish() {
    open(3);
    if (high_) put(0xFFFD, high_off_, true);
    high_ = 0;
    close();
    d_.raw_offsets.push_back(static_cast<std::uint32_t>(raw_.size()));
  }

 private:
  void open(std::size_t room) {
    pos_ = d_.text.size();
    d_.text.resize(pos_ + room);
    d_.raw_offsets.resize(pos_ + room);
    out_ = d_.text.data();
    ro_ = d_.raw_offsets.data();
  }
  void close() {
    d_.text.resize(pos_);
    d_.raw_offsets.resize(pos_);
  }

  void unit(UChar u, std::uint32_t off) {
    if (high_) {
      if (U16_IS_TRAIL(u)) {
        put(U16_GET_SUPPLEMENTARY(high_, u), high_off_, false);
        high_ = 0;
        return;
      }
      put(0xFFFD, high_off_, true);
      high_ = 0;
    }
    if (U16_IS_LEAD(u)) {
      high_ = u, high_off_ = off;
    } else if (U16_IS_TRAIL(u)) {
      put(0xFFFD, off, true);
    } else {
      put(u, off, u == 0xFFFD && !genuine_fffd(off));
    }
  }

  void put(char32_t cp, std::uint32_t off, bool invalid) {
    if (invalid) d_.invalid_offsets.push_back(static_cast<std::uint32_t>(pos_));
    char* o = out_ + pos_;
    int n;
    if (cp < 0x80) {
      o[0] = static_cast<char>(cp), n = 1;
    } else if (cp < 0x800) {
      o[0] = static_cast<char>(0xC0 | (cp >> 6)), o[1] = static_cast<char>(0x80 | (cp & 0x3F)), n = 2;
    } else if (cp < 0x10000) {
      o[0] = static_cast<char>(0xE0 | (cp >> 12)), o[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      o[2] = static_cast<char>(0x80 | (cp & 0x3F)), n = 3;
    } else {
      o[0] = static_cast<char>(0xF0 | (cp >> 18)), o[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      o[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), o[3] = static_cast<char>(0x80 | (cp & 0x3F)), n = 4;
    }
    for (int k = 0; k < n; ++k) ro_[pos_ + k] = off;
    pos_ += n;
  }

  // A U+FFFD in the converter's output is genuine when the raw bytes at its offset are the
  // encoding of U+FFFD (e.g. 84 31 A4 37 in GB18030); otherwise our callback inserted it.
  bool genuine_fffd(std::uint32_t off) {
    if (!fffd_known_) {
      fffd_known_ = true;
      UErrorCode e = U_ZERO_ERROR;
      ConverterPtr c(ucnv_open(ucnv_getName(cnv_, &e), &e));
      if (U_SUCCESS(e)) {
        ucnv_setFromUCallBack(c.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &e);
        char buf[32];
        static const UChar kFffd = 0xFFFD;
        const int32_t n = ucnv_fromUChars(c.get(), buf, sizeof buf, &kFffd, 1, &e);
        if (U_SUCCESS(e) && n > 0 && n <= static_cast<int32_t>(sizeof buf)) fffd_.assign(buf, n);
      }
    }
    return !fffd_.empty() && off < raw_.size() && raw_.substr(off).starts_with(fffd_);
  }

  std::string_view raw_;
  UConverter* cnv_;
  Decoded& d_;
  char* out_ = nullptr;
  std::uint32_t* ro_ = nullptr;
  std::size_t pos_ = 0;
  UChar high_ = 0;
  std::uint32_t high_off_ = 0;
  bool fffd_known_ = false;
  std::string fffd_;
};

// Converts raw[start..] with `cnv` (which has the U+FFFD callback). The source goes to ICU in
// 64 KiB slices with an output buffer twice as large, so the output practically never overflows
// and every unit gets its offset: ICU reports -1 for output of a character that began in an
// earlier slice, which then starts at (slice start − bytes pending in the converter).
struct ConversionTag;
struct RawOffsetsTag;

void convert_icu(std::string_view raw, std::uint32_t start, UConverter* cnv, Decoded& d) {
  constexpr std::size_t kSlice = 64 * 1024;
  // Sized for this input: a short file does not need the full 1.3 MB of buffers.
  // The last conversion's buffers: at 1.3 MB, fresh ones were fresh pages for every large file
  // (faulted in and zeroed by the kernel: 320 faults a file).
  const std::size_t units = 2 * std::min<std::size_t>(kSlice, raw.size() - start) + 64;
  std::vector<UChar> ubuf = spare_buffers::take<ConversionTag, std::vector<UChar>>();
  std::vector<int32_t> obuf = spare_buffers::take<ConversionTag, std::vector<int32_t>>();
  std::vector<std::uint32_t> abs = spare_buffers::take<ConversionTag, std::vector<std::uint32_t>>();
  ubuf.resize(units);
  obuf.resize(units);
  abs.resize(units);
  d.text.reserve(raw.size() + raw.size() / 2);
  // The offsets (four bytes a text byte) take the last document's, given back when it was done
  // with them (give_back_raw_offsets).
  d.raw_offsets = spare_buffers::take_room<RawOffsetsTag, std::vector<std::uint32_t>>(d.text.capacity() + 1);
  Utf16Sink sink(raw, cnv, d);
  const char* const begin = raw.data();
  const char* const end = begin + raw.size();
  const char* src = begin + start;
  std::uint32_t last = start;
  bool stop = false;
  while (!stop) {
    const char* slice_end = static_cast<std::size_t>(end - src) > kSlice ? src + kSlice : end;
    const bool flush = slice_end == end;
    bool overflowed = false;
    for (;;) {
      UErrorCode e = U_ZERO_ERROR;
      const int32_t pending = overflowed ? 0 : std::max<int32_t>(0, ucnv_toUCountPending(cnv, &e));
      e = U_ZERO_ERROR;
      const char* call_base = src;
      UChar* target = ubuf.data();
      ucnv_toUnicode(cnv, &target, ubuf.data() + ubuf.size(), &src, slice_end, obuf.data(), flush, &e);
      const std::size_t produced = static_cast<std::size_t>(target - ubuf.data());
      const auto base_off = static_cast<std::uint32_t>(call_base - begin);
      bool seen_offset = false;
      for (std::size_t i = 0; i < produced; ++i) {
        std::uint32_t off;
        if (obuf[i] >= 0) {
          off = base_off + static_cast<std::uint32_t>(obuf[i]);
          seen_offset = true;
        } else if (!seen_offset && !overflowed) {
          off = base_off - std::min<std::uint32_t>(base_off, static_cast<std::uint32_t>(pending));
        } else {
          off = last;
        }
        off = std::clamp<std::uint32_t>(off, last, static_cast<std::uint32_t>(raw.size()));
        abs[i] = off;
        last = off;
      }
      sink.units(ubuf.data(), abs.data(), produced);
      if (e == U_BUFFER_OVERFLOW_ERROR) {
        overflowed = true;
        continue;
      }
      if (U_FAILURE(e)) {
        // Should not happen with a substituting callback; keep what we have, mark the rest.
        static const UChar kFffd = 0xFFFD;
        const std::uint32_t at = std::clamp<std::uint32_t>(static_cast<std::uint32_t>(src - begin), last,
                                                           static_cast<std::uint32_t>(raw.size()));
        sink.units(&kFffd, &at, 1);
        stop = true;
      }
      break;
    }
    if (flush) break;
  }
  sink.finish();
  spare_buffers::give_back<ConversionTag>(std::move(ubuf));
  spare_buffers::give_back<ConversionTag>(std::move(obuf));
  spare_buffers::give_back<ConversionTag>(std::move(abs));
}

std::variant<Decoded, DecodeError> decode_with(std::string_view raw, std::uint32_t bom, const char* icu_name,
                                               std::string detected_by) {
  ConverterPtr cnv = open_converter(icu_name);
  if (!cnv) return DecodeError{DecodeError::Kind::UnknownEncoding, icu_name};
  UErrorCode e = U_ZERO_ERROR;
  const char* name = ucnv_getName(cnv.get(), &e);
  const std::string canonical = canonical_name(U_SUCCESS(e) && name ? name : icu_name);
  if (canonical == "UTF-8") return decode_utf8(raw, bom, std::move(detected_by));
  Decoded d;
  d.encoding = canonical;
  d.detected_by = std::move(detected_by);
  d.bom_bytes = bom;
  convert_icu(raw, bom, cnv.get(), d);
  return d;
}

// ---------------------------------------------------------------------------------------------
// Byte-order marks

struct Bom {
  const char* encoding;
  std::uint32_t length;
};

std::optional<Bom> find_bom(std::string_view raw) {
  if (raw.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) return Bom{"UTF-32LE", 4};
  if (raw.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) return Bom{"UTF-32BE", 4};
  if (raw.starts_with("\xEF\xBB\xBF")) return Bom{"UTF-8", 3};
  if (raw.starts_with("\xFF\xFE")) return Bom{"UTF-16LE", 2};
  if (raw.starts_with("\xFE\xFF")) return Bom{"UTF-16BE", 2};
  return std::nullopt;
}

// --encoding: the BOM of the forced encoding (U+FEFF encoded in it) is skipped.
std::uint32_t forced_bom(std::string_view raw, std::string_view encoding) {
  if (encoding == "UTF-8") return raw.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  if (encoding == "UTF-16LE") return raw.starts_with("\xFF\xFE") ? 2 : 0;
  if (encoding == "UTF-16BE") return raw.starts_with("\xFE\xFF") ? 2 : 0;
  if (encoding == "UTF-32LE") return raw.starts_with(std::string_view("\xFF\xFE\x00\x00", 4)) ? 4 : 0;
  if (encoding == "UTF-32BE") return raw.starts_with(std::string_view("\x00\x00\xFE\xFF", 4)) ? 4 : 0;
  if (encoding == "GB18030") return raw.starts_with("\x84\x31\x95\x33") ? 4 : 0;
  return 0;
}

std::variant<Decoded, DecodeError> decode_forced(std::string_view raw, std::string_view forced) {
  const std::string name(forced);
  if (name.find('\0') != std::string::npos) return DecodeError{DecodeError::Kind::UnknownEncoding, name};
  ConverterPtr probe = open_converter(name.c_str());
  if (!probe) return DecodeError{DecodeError::Kind::UnknownEncoding, name};
  UErrorCode e = U_ZERO_ERROR;
  const char* icu_name = ucnv_getName(probe.get(), &e);
  if (U_FAILURE(e) || !icu_name) return DecodeError{DecodeError::Kind::UnknownEncoding, name};
  std::string icu(icu_name);
  // The generic UTF-16/UTF-32 converters read the BOM themselves; pick the byte order here so
  // that bom_bytes and the reported encoding are right (no BOM: big-endian, as ICU does).
  if (icu == "UTF-16") {
    icu = raw.starts_with("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE";
  } else if (icu == "UTF-32") {
    icu = raw.starts_with(std::string_view("\xFF\xFE\x00\x00", 4)) ? "UTF-32LE" : "UTF-32BE";
  }
  const std::string canonical = canonical_name(icu.c_str());
  return decode_with(raw, forced_bom(raw, canonical), icu.c_str(), "--encoding");
}

// ---------------------------------------------------------------------------------------------
// Binary files and BOM-less UTF-16

struct SampleStats {
  std::size_t size = 0;
  std::size_t nul = 0;
  std::size_t controls = 0;   // C0 controls except \t \n \f \r (NUL included)
  std::size_t zero_even = 0;  // NUL bytes at even / odd offsets
  std::size_t zero_odd = 0;
  std::size_t high_bytes = 0;  // bytes >= 0x80
};

SampleStats sample_stats(std::string_view s) {
  SampleStats st;
  st.size = s.size();
  // Eight bytes at a time when none is below 0x20 (most words: then only the high bytes count),
  // else those eight one by one.
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  for (std::size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (((w - kOnes * 0x20) & ~w & kHigh) == 0) {
        // The high bits as ones, summed into the top byte by the multiplication (at most 8: no
        // carry between bytes). std::popcount is a call into libgcc on the baseline x86-64.
        st.high_bytes += static_cast<std::size_t>((((w & kHigh) >> 7) * kOnes) >> 56);
        i += 8;
        continue;
      }
    }
    for (const std::size_t stop = std::min(s.size(), i + 8); i < stop; ++i) {
      const u8 b = static_cast<u8>(s[i]);
      if (b >= 0x20) {
        st.high_bytes += b >> 7;
        continue;
      }
      if (b == 0) {
        ++st.nul;
        ++(i % 2 ? st.zero_odd : st.zero_even);
      }
      if (b != '\t' && b != '\n' && b != '\f' && b != '\r') ++st.controls;
    }
  }
  return st;
}

// Code units a Chinese report in UTF-16 is made of.
bool plausible_unit(UChar u) {
  if (u >= 0x20 && u <= 0x7E) return true;
  if (u == '\t' || u == '\n' || u == '\r' || u == '\f') return true;
  return (u >= 0x00A0 && u <= 0x024F) ||  // Latin-1, Latin extended
         (u >= 0x0370 && u <= 0x03FF) ||  // Greek
         (u >= 0x2000 && u <= 0x26FF) ||  // punctuation, letterlike, number forms, arrows, math, ①, boxes, shapes
         (u >= 0x3000 && u <= 0x9FFF) ||  // CJK punctuation, kana, ㈠, ㎡, CJK ideographs
         (u >= 0xF900 && u <= 0xFAFF) ||  // CJK compatibility ideographs
         (u >= 0xFE30 && u <= 0xFE4F) ||  // CJK compatibility forms
         (u >= 0xFF00 && u <= 0xFFEF) ||  // full-width forms
         u == 0xFEFF || u == 0xFFFD;
}

struct Utf16Reading {
  std::size_t units = 0;
  std::size_t ascii = 0;      // units 0x01–0x7F
  std::size_t plausible = 0;  // plausible units, well-formed surrogate pairs included
};

Utf16Reading read_utf16(std::string_view s, bool le) {
  Utf16Reading r;
  const std::size_t n = s.size() / 2;
  auto at = [&](std::size_t i) -> UChar {
    const u8 a = static_cast<u8>(s[2 * i]), b = static_cast<u8>(s[2 * i + 1]);
    return static_cast<UChar>(le ? (a | b << 8) : (a << 8 | b));
  };
  r.units = n;
  for (std::size_t i = 0; i < n; ++i) {
    const UChar u = at(i);
    if (u >= 0x01 && u <= 0x7F) ++r.ascii;
    if (U16_IS_LEAD(u) && i + 1 < n && U16_IS_TRAIL(at(i + 1))) {
      r.plausible += 2;
      ++i;
    } else if (plausible_unit(u)) {
      ++r.plausible;
    }
  }
  return r;
}

// BOM-less UTF-16 (ICU's detector gets this wrong). Only asked when the sample has NUL bytes.
// 1. At least 90% of the units must be characters a report is made of, in the byte order
//    chosen; random binary data reads as about half plausible units.
// 2. When both byte orders pass (ASCII read in the wrong order turns into CJK ideographs, "Bush
//    hid the facts"), the order whose high-byte positions hold more of the NULs wins.
// 3. The NULs at the high-byte positions must be at least 0.5% of the units: Chinese text has
//    few ASCII characters (common ideographs such as 一 U+4E00 and 开 U+5F00 put NULs at the
//    other parity too, so no parity ratio is required); a text file with a few stray NULs fails.
// 4. A sample with no byte ≥ 0x80 (ASCII and NULs only) must look like ASCII in UTF-16: at least
//    30% of the high bytes zero, at most 10% of the low bytes; otherwise ASCII text with a few
//    NULs would pass 1–3 as CJK.
std::optional<const char*> guess_utf16(std::string_view sample, const SampleStats& st) {
  if (sample.size() < 2) return std::nullopt;
  const Utf16Reading le = read_utf16(sample, true), be = read_utf16(sample, false);
  const auto plausible = [](const Utf16Reading& r) { return r.plausible * 10 >= r.units * 9; };
  const bool le_ok = plausible(le), be_ok = plausible(be);
  if (!le_ok && !be_ok) return std::nullopt;
  bool use_le = le_ok;
  if (le_ok && be_ok) {
    if (st.zero_odd != st.zero_even) {
      use_le = st.zero_odd > st.zero_even;
    } else {
      use_le = le.ascii >= be.ascii;
    }
  }
  const std::size_t units = sample.size() / 2;
  const std::size_t high_zeros = use_le ? st.zero_odd : st.zero_even;
  const std::size_t low_zeros = use_le ? st.zero_even : st.zero_odd;
  if (high_zeros == 0 || high_zeros * 200 < units) return std::nullopt;
  if (st.high_bytes == 0 && (high_zeros * 10 < units * 3 || low_zeros * 10 > units)) return std::nullopt;
  return use_le ? "UTF-16LE" : "UTF-16BE";
}

// Binary: control characters over 10% of the sample, or NUL bytes that UTF-16 did not explain.
// For text that is (mostly) valid UTF-8 a few stray NULs (≤ 1%) are tolerated; for anything
// else a single NUL means binary (no GBK or Big5 text contains one).
std::optional<std::string> binary_reason(const SampleStats& st, bool utf8) {
  const bool nul_binary = utf8 ? st.nul * 100 > st.size : st.nul > 0;
  if (nul_binary) return std::to_string(st.nul) + " NUL bytes in the first " + std::to_string(st.size) + " bytes";
  if (st.controls * 10 > st.size)
    return std::to_string(st.controls * 100 / st.size) + "% control characters in the first " +
           std::to_string(st.size) + " bytes";
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// ICU charset detection

bool chinese_candidate(std::string_view name) { return name == "GB18030" || name == "Big5" || name == "UTF-8"; }

int preference(std::string_view name) {
  if (name == "GB18030") return 3;
  if (name == "Big5") return 2;
  if (name == "UTF-8") return 1;
  return 0;
}

std::variant<Decoded, DecodeError> decode_detected(std::string_view raw) {
  // Sample from the first non-ASCII byte on (whatever precedes it is ASCII and says nothing).
  const u8* b = reinterpret_cast<const u8*>(raw.data());
  const std::size_t first = static_cast<std::size_t>(skip_ascii(b, b + raw.size()) - b);
  const std::size_t from = first > 1024 ? first - 1024 : 0;
  const std::string_view sample = raw.substr(from, kDetectBytes);

  UErrorCode e = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&e));
  if (U_FAILURE(e)) return DecodeError{DecodeError::Kind::Undetectable, std::string("ICU detector: ") + u_errorName(e)};
  ucsdet_enableInputFilter(det.get(), true);  // ignore <markup> in HTML pages
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &e);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &e);
  if (U_FAILURE(e) || !matches) count = 0;

  std::size_t non_ascii = 0;
  for (char c : sample) non_ascii += static_cast<u8>(c) >> 7;
  const int floor = non_ascii <= kShortNonAscii ? kConfidenceFloor : kLongConfidenceFloor;

  const char* best = nullptr;
  int best_conf = -1;
  std::string seen;
  for (int32_t i = 0; i < count; ++i) {
    UErrorCode me = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[i], &me);
    const int conf = ucsdet_getConfidence(matches[i], &me);
    if (U_FAILURE(me) || !name) continue;
    if (i < 4) seen += (seen.empty() ? "" : ", ") + std::string(name) + " " + std::to_string(conf);
    const bool chinese = chinese_candidate(name);
    if (conf < (chinese ? floor : kOtherConfidenceFloor)) continue;
    if (!chinese && std::string_view(name).starts_with("UTF-")) continue;  // UTF-16/32 were judged above
    if (!best || conf > best_conf || (conf == best_conf && preference(name) > preference(best))) {
      ConverterPtr probe = open_converter(name);
      if (!probe) continue;
      best = name, best_conf = conf;
    }
  }
  if (!best)
    return DecodeError{DecodeError::Kind::Undetectable,
                       seen.empty() ? std::string("ICU detection found no candidate")
                                    : "ICU detection: " + seen + "; floor " + std::to_string(floor)};
  const std::string by = "ICU detection, confidence " + std::to_string(best_conf);
  // Copy the name: it belongs to the detector.
  const std::string chosen = best;
  if (chosen == "UTF-8") return lenient_utf8(raw, 0, by);
  return decode_with(raw, 0, chosen.c_str(), by);
}

// `owner`, when given, holds `raw`; valid UTF-8 takes it over instead of copying it.
std::variant<Decoded, DecodeError> decode_any(std::string_view raw, std::string* owner, std::string_view forced) {
  if (!forced.empty()) return decode_forced(raw, forced);

  if (const auto bom = find_bom(raw)) {
    if (std::string_view(bom->encoding) == "UTF-8") return decode_utf8(raw, bom->length, "BOM", owner);
    return decode_with(raw, bom->length, bom->encoding, "BOM");
  }

  const std::string_view sample = raw.substr(0, kSampleBytes);
  const SampleStats st = sample_stats(sample);
  if (st.nul > 0)
    if (const auto utf16 = guess_utf16(sample, st)) return decode_with(raw, 0, *utf16, "UTF-16 check");

  if (utf8_valid(raw)) {
    if (auto why = binary_reason(st, true)) return DecodeError{DecodeError::Kind::Binary, std::move(*why)};
    return identity_utf8(raw, owner, 0, "UTF-8 check");
  }
  if (mostly_utf8(utf8_stats(raw))) {
    if (auto why = binary_reason(st, true)) return DecodeError{DecodeError::Kind::Binary, std::move(*why)};
    return lenient_utf8(raw, 0, "UTF-8 check");
  }
  if (auto why = binary_reason(st, false)) return DecodeError{DecodeError::Kind::Binary, std::move(*why)};
  return decode_detected(raw);
}

}  // namespace

std::variant<Decoded, DecodeError> decode_bytes(std::string_view raw, std::string_view forced) {
  return decode_any(raw, nullptr, forced);
}

std::variant<Decoded, DecodeError> decode_buffer(std::string&& raw, std::string_view forced) {
  std::variant<Decoded, DecodeError> decoded = decode_any(std::string_view(raw), &raw, forced);
  // Not taken over (another encoding, or an error): the next file read takes it.
  give_back_file_buffer(std::move(raw));
  return decoded;
}

void give_back_raw_offsets(std::vector<std::uint32_t>&& offsets) {
  spare_buffers::give_back<RawOffsetsTag>(std::move(offsets));
}

}  // namespace nblint
