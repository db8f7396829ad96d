// decode_bytes: BOMs, strict and lenient UTF-8, BOM-less UTF-16, ICU detection of GBK and Big5,
// --encoding, binary files, and the raw-offset map. Inputs are made from UTF-8 text with ICU
// converters, so every expectation is computed independently of the decoder.
#include <doctest/doctest.h>

#include <unicode/ucnv.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "ingest/decode.h"
#include "support/run.h"
#include "util/utf8.h"

using namespace nblint;

namespace {

const std::string kReport =
    "青山县交通运输局2025年政府信息公开工作年度报告\n"
    "发布日期：2026年1月20日\n"
    "本报告由青山县交通运输局根据《中华人民共和国政府信息公开条例》编制，统计期限为2025年1月1日至12月31日。\n"
    "一、总体情况\n"
    "（一）主动公开\n"
    "2025年，本局主动公开政府信息1,234条，其中规范性文件3件、行政许可事项56项。\n"
    "（二）依申请公开\n"
    "全年收到政府信息公开申请17件，均在法定期限内答复，无逾期答复情况。\n"
    "二、主动公开政府信息情况\n"
    "三、收到和处理政府信息公开申请情况\n"
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "五、存在的主要问题及改进情况\n"
    "六、其他需要报告的事项\n"
    "本年度未收取信息处理费。\n";

const std::string kTraditional =
    "白河鎮人民政府2020年政府資訊公開工作年度報告\n"
    "一、總體情況\n"
    "本年度，本鎮認真貫徹落實《政府資訊公開條例》，主動公開政府資訊二百三十條，"
    "依申請公開辦理十二件，均按時答覆。\n"
    "二、主動公開政府資訊情況\n"
    "三、收到和處理政府資訊公開申請情況\n"
    "四、存在的主要問題及改進情況\n";

// UTF-8 → `charset` (no BOM is added for the LE/BE forms).
std::string encode_as(const char* charset, const std::string& text) {
  std::string out(text.size() * 4 + 16, '\0');
  UErrorCode e = U_ZERO_ERROR;
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), text.data(),
                                 static_cast<int32_t>(text.size()), &e);
  REQUIRE_MESSAGE(U_SUCCESS(e), "ucnv_convert to ", charset, ": ", u_errorName(e));
  out.resize(n);
  return out;
}

// By value: callers bind the result of decode_bytes(...) directly.
Decoded ok(std::variant<Decoded, DecodeError> r) {
  if (const auto* e = std::get_if<DecodeError>(&r)) FAIL("decode error ", static_cast<int>(e->kind), ": ", e->detail);
  return std::get<Decoded>(std::move(r));
}

DecodeError err(std::variant<Decoded, DecodeError> r) {
  REQUIRE(std::holds_alternative<DecodeError>(r));
  return std::get<DecodeError>(std::move(r));
}

// Raw offset of the text byte at `text_off` (identity when there is no map).
std::uint32_t raw_at(const Decoded& d, std::size_t text_off) {
  if (d.raw_offsets.empty()) return static_cast<std::uint32_t>(text_off + d.bom_bytes);
  return d.raw_offsets.at(text_off);
}

void check_offset_map(const Decoded& d, std::string_view raw) {
  CHECK(utf8::is_valid(d.text));
  if (d.raw_offsets.empty()) {
    CHECK(d.text == raw.substr(d.bom_bytes));
    return;
  }
  REQUIRE(d.raw_offsets.size() == d.text.size() + 1);
  CHECK(d.raw_offsets.back() == raw.size());
  for (std::size_t i = 1; i < d.raw_offsets.size(); ++i) {
    if (d.raw_offsets[i] < d.raw_offsets[i - 1]) {
      FAIL_CHECK("raw_offsets decrease at ", i);
      break;
    }
  }
  for (std::uint32_t off : d.invalid_offsets) {
    REQUIRE(off + 3 <= d.text.size());
    CHECK(d.text.compare(off, 3, "\xEF\xBF\xBD") == 0);
  }
}

// The same report must come back, with the heading "一、总体情况" mapped to its raw offset.
void check_report(const Decoded& d, std::string_view raw, const std::string& expected_text, std::uint32_t heading_raw,
                  const std::string& heading = "一、总体情况") {
  CHECK(d.text == expected_text);
  CHECK(d.invalid_offsets.empty());
  check_offset_map(d, raw);
  const auto at = d.text.find(heading);
  REQUIRE(at != std::string::npos);
  CHECK(raw_at(d, at) == heading_raw);
}

}  // namespace

TEST_CASE("decode: valid UTF-8 without a BOM is the raw bytes, with no offset map") {
  const auto r = decode_bytes(kReport);
  const Decoded& d = ok(r);
  CHECK(d.encoding == "UTF-8");
  CHECK(d.detected_by == "UTF-8 check");
  CHECK(d.bom_bytes == 0);
  CHECK(d.text == kReport);
  CHECK(d.raw_offsets.empty());
  CHECK(d.invalid_offsets.empty());

  const Decoded& ascii = ok(decode_bytes("plain ASCII report\n"));
  CHECK(ascii.encoding == "UTF-8");
  CHECK(ascii.text == "plain ASCII report\n");
}

TEST_CASE("decode: the UTF-8 check accepts exactly the well-formed three-byte sequences") {
  // Every lead byte E0–EF with every second byte and the third bytes at the edges of the range,
  // between Chinese text: the input is the raw bytes exactly when utf8::decode_any accepts it.
  const std::string before = "本年度共收到申请", after = "件，均已办结。\n";
  std::size_t disagreements = 0;
  for (int b0 = 0xE0; b0 <= 0xEF; ++b0)
    for (int b1 = 0; b1 < 256; ++b1)
      for (const int b2 : {0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF}) {
        const std::string sequence{static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2)};
        const bool well_formed = utf8::decode_any(sequence, 0).valid;
        const auto r = decode_bytes(before + sequence + after, "UTF-8");
        const Decoded* d = std::get_if<Decoded>(&r);
        disagreements += !d || d->invalid_offsets.empty() != well_formed;
      }
  CHECK(disagreements == 0);
}

TEST_CASE("decode: empty input is empty UTF-8") {
  const Decoded& d = ok(decode_bytes(""));
  CHECK(d.encoding == "UTF-8");
  CHECK(d.text.empty());
  CHECK(d.raw_offsets.empty());
}

TEST_CASE("decode: a UTF-8 BOM is skipped and counted") {
  const std::string raw = "\xEF\xBB\xBF" + kReport;
  const Decoded& d = ok(decode_bytes(raw));
  CHECK(d.encoding == "UTF-8");
  CHECK(d.detected_by == "BOM");
  CHECK(d.bom_bytes == 3);
  check_report(d, raw, kReport, static_cast<std::uint32_t>(3 + kReport.find("一、总体情况")));
  CHECK(d.raw_offsets.empty());

  const Decoded& only_bom = ok(decode_bytes("\xEF\xBB\xBF"));
  CHECK(only_bom.text.empty());
  CHECK(only_bom.bom_bytes == 3);
}

TEST_CASE("decode: a buffer taken over keeps its text, without the UTF-8 BOM") {
  // Large enough to be a real file's buffer; the BOM is dropped from the buffer in place.
  std::string big;
  while (big.size() < 300 * 1024) big += kReport;
  for (const std::string& raw : {big, "\xEF\xBB\xBF" + big, std::string("\xEF\xBB\xBF") + "公开"}) {
    const bool bom = raw.starts_with("\xEF\xBB\xBF");
    std::string owned = raw;
    const auto r = decode_buffer(std::move(owned));
    const auto* d = std::get_if<Decoded>(&r);
    REQUIRE(d);
    CHECK(d->bom_bytes == (bom ? 3u : 0u));
    CHECK(d->text == std::string_view(raw).substr(d->bom_bytes));
    CHECK(d->raw_offsets.empty());
  }
}

TEST_CASE("decode: UTF-16LE and UTF-16BE with a BOM") {
  const auto prefix_units = encode_as("UTF-16LE", kReport.substr(0, kReport.find("一、总体情况"))).size();
  for (const char* cs : {"UTF-16LE", "UTF-16BE"}) {
    CAPTURE(cs);
    const std::string bom = std::string(cs) == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
    const std::string raw = bom + encode_as(cs, kReport);
    const Decoded& d = ok(decode_bytes(raw));
    CHECK(d.encoding == cs);
    CHECK(d.detected_by == "BOM");
    CHECK(d.bom_bytes == 2);
    check_report(d, raw, kReport, static_cast<std::uint32_t>(2 + prefix_units));
  }
}

TEST_CASE("decode: UTF-32 byte-order marks are checked before UTF-16's") {
  const std::string text = "一、总体情况\n😀 non-BMP\n";
  for (const char* cs : {"UTF-32LE", "UTF-32BE"}) {
    CAPTURE(cs);
    const std::string bom = std::string(cs) == "UTF-32LE" ? std::string("\xFF\xFE\x00\x00", 4)
                                                          : std::string("\x00\x00\xFE\xFF", 4);
    const std::string raw = bom + encode_as(cs, text);
    const Decoded& d = ok(decode_bytes(raw));
    CHECK(d.encoding == cs);
    CHECK(d.bom_bytes == 4);
    CHECK(d.text == text);
    check_offset_map(d, raw);
    CHECK(raw_at(d, d.text.find("😀")) == 4 + 4 * 7);
  }
}

TEST_CASE("decode: BOM-less UTF-16 is recognised by its NUL bytes, not by ICU") {
  const std::uint32_t heading_units =
      static_cast<std::uint32_t>(encode_as("UTF-16LE", kReport.substr(0, kReport.find("一、总体情况"))).size());
  SUBCASE("Chinese report, little-endian") {
    const std::string raw = encode_as("UTF-16LE", kReport);
    const Decoded& d = ok(decode_bytes(raw));
    CHECK(d.encoding == "UTF-16LE");
    CHECK(d.detected_by == "UTF-16 check");
    check_report(d, raw, kReport, heading_units);
  }
  SUBCASE("Chinese report, big-endian") {
    const std::string raw = encode_as("UTF-16BE", kReport);
    const Decoded& d = ok(decode_bytes(raw));
    CHECK(d.encoding == "UTF-16BE");
    check_report(d, raw, kReport, heading_units);
  }
  SUBCASE("almost no ASCII: only the line breaks have NUL bytes") {
    const std::string text = "政府信息公开工作年度报告\n一、总体情况\n本机关全年主动公开政府信息，依申请公开办理及时。\n";
    const Decoded& d = ok(decode_bytes(encode_as("UTF-16LE", text)));
    CHECK(d.encoding == "UTF-16LE");
    CHECK(d.text == text);
  }
  SUBCASE("ASCII text: the wrong byte order would read as CJK ideographs") {
    const std::string text = "Annual report on government information disclosure, 2025\nSection 1\n";
    const Decoded& le = ok(decode_bytes(encode_as("UTF-16LE", text)));
    CHECK(le.encoding == "UTF-16LE");
    CHECK(le.text == text);
    const Decoded& be = ok(decode_bytes(encode_as("UTF-16BE", text)));
    CHECK(be.encoding == "UTF-16BE");
    CHECK(be.text == text);
  }
}

TEST_CASE("decode: GBK is detected as GB18030 and round-trips, offsets in GBK bytes") {
  const std::string raw = encode_as("GBK", kReport);
  const Decoded& d = ok(decode_bytes(raw));
  CHECK(d.encoding == "GB18030");
  CHECK(d.detected_by.starts_with("ICU detection, confidence "));
  const auto heading_raw = static_cast<std::uint32_t>(encode_as("GBK", kReport.substr(0, kReport.find("一、总体情况"))).size());
  check_report(d, raw, kReport, heading_raw);
  // Every text byte of one character maps to that character's first raw byte.
  const auto at = d.text.find("一、总体情况");
  CHECK(d.raw_offsets[at + 1] == heading_raw);
  CHECK(d.raw_offsets[at + 3] == heading_raw + 2);  // 、
}

TEST_CASE("decode: a short GBK title is still GB18030 (confidence at the floor)") {
  const std::string text = "政府信息公开工作年度报告";
  const Decoded& d = ok(decode_bytes(encode_as("GBK", text)));
  CHECK(d.encoding == "GB18030");
  CHECK(d.text == text);
}

TEST_CASE("decode: Big5 is detected and round-trips") {
  const std::string raw = encode_as("Big5", kTraditional);
  const Decoded& d = ok(decode_bytes(raw));
  CHECK(d.encoding == "Big5");
  CHECK(d.detected_by.starts_with("ICU detection, confidence "));
  const auto heading_raw =
      static_cast<std::uint32_t>(encode_as("Big5", kTraditional.substr(0, kTraditional.find("一、總體情況"))).size());
  check_report(d, raw, kTraditional, heading_raw, "一、總體情況");

  const std::string title = "政府資訊公開工作年度報告";
  const Decoded& t = ok(decode_bytes(encode_as("Big5", title)));
  CHECK(t.encoding == "Big5");
  CHECK(t.text == title);
}

TEST_CASE("decode: --encoding overrides detection") {
  SUBCASE("gbk") {
    const std::string raw = encode_as("GBK", kReport);
    const Decoded& d = ok(decode_bytes(raw, "gbk"));
    CHECK(d.encoding == "GBK");
    CHECK(d.detected_by == "--encoding");
    check_report(d, raw, kReport,
                 static_cast<std::uint32_t>(encode_as("GBK", kReport.substr(0, kReport.find("一、总体情况"))).size()));
  }
  SUBCASE("big5 and gb18030 by alias, any case") {
    CHECK(ok(decode_bytes(encode_as("Big5", kTraditional), "BIG5")).text == kTraditional);
    CHECK(ok(decode_bytes(encode_as("Big5", kTraditional), "big5")).encoding == "Big5");
    CHECK(ok(decode_bytes(encode_as("GB18030", kReport), "gb18030")).encoding == "GB18030");
  }
  SUBCASE("a forced encoding wins over what the bytes look like") {
    // Valid UTF-8 read as GBK gives other characters, but no error.
    const Decoded& d = ok(decode_bytes(kReport, "gbk"));
    CHECK(d.text != kReport);
    check_offset_map(d, kReport);
  }
  SUBCASE("the BOM of the forced encoding is skipped") {
    const std::string raw = "\xFF\xFE" + encode_as("UTF-16LE", kReport);
    const Decoded& d = ok(decode_bytes(raw, "utf-16le"));
    CHECK(d.bom_bytes == 2);
    CHECK(d.text == kReport);
    const Decoded& generic = ok(decode_bytes(raw, "utf-16"));
    CHECK(generic.encoding == "UTF-16LE");
    CHECK(generic.bom_bytes == 2);
    CHECK(generic.text == kReport);
    const Decoded& u8 = ok(decode_bytes("\xEF\xBB\xBF" + kReport, "utf-8"));
    CHECK(u8.encoding == "UTF-8");
    CHECK(u8.bom_bytes == 3);
    CHECK(u8.text == kReport);
    const Decoded& gb = ok(decode_bytes("\x84\x31\x95\x33" + encode_as("GB18030", kReport), "GB18030"));
    CHECK(gb.bom_bytes == 4);
    CHECK(gb.text == kReport);
  }
  SUBCASE("unknown names") {
    const DecodeError& e = err(decode_bytes(kReport, "x-no-such-encoding"));
    CHECK(e.kind == DecodeError::Kind::UnknownEncoding);
    CHECK(e.detail == "x-no-such-encoding");
    CHECK(err(decode_bytes(kReport, std::string_view("gbk\0x", 5))).kind == DecodeError::Kind::UnknownEncoding);
  }
}

TEST_CASE("decode: a genuine U+FFFD in GB18030 is text, not an invalid sequence") {
  const std::string text = "一、总体情况\xEF\xBF\xBD（原文如此）\n";
  const Decoded& d = ok(decode_bytes(encode_as("GB18030", text), "gb18030"));
  CHECK(d.text == text);
  CHECK(d.invalid_offsets.empty());
}

TEST_CASE("decode: invalid bytes in UTF-8 become U+FFFD at the right places") {
  // A stray 0xFF after the title, and a 中 cut after its second byte in the body.
  const std::size_t title_end = kReport.find('\n');
  const std::size_t cut = kReport.find("全年");
  std::string raw = kReport.substr(0, title_end) + "\xFF" + kReport.substr(title_end, cut - title_end) + "\xE4\xB8" +
                    kReport.substr(cut);
  const Decoded& d = ok(decode_bytes(raw));
  CHECK(d.encoding == "UTF-8");
  CHECK(d.detected_by == "UTF-8 check");
  const std::string expected = kReport.substr(0, title_end) + "\xEF\xBF\xBD" + kReport.substr(title_end, cut - title_end) +
                               "\xEF\xBF\xBD" + kReport.substr(cut);
  CHECK(d.text == expected);
  REQUIRE(d.invalid_offsets.size() == 2);
  CHECK(d.invalid_offsets[0] == title_end);
  CHECK(d.invalid_offsets[1] == cut + 3);  // one replacement (3 bytes) precedes it
  check_offset_map(d, raw);
  CHECK(raw_at(d, title_end) == title_end);                  // the 0xFF itself
  CHECK(raw_at(d, title_end + 3) == title_end + 1);          // the line break after it
  CHECK(raw_at(d, cut + 3) == cut + 1);                      // the cut 中 (raw has 1 extra byte before it)
  CHECK(raw_at(d, cut + 6) == cut + 3);                      // 全 after the 2 cut bytes
  CHECK(raw_at(d, d.text.find("一、总体情况")) == raw.find("一、总体情况"));
}

TEST_CASE("decode: UTF-8 ill-formed sequences are replaced per maximal subpart") {
  // E0 80: E0 needs A0..BF next, so E0 alone is one subpart and 80 another; F0 9F 98 cut short
  // is one; ED A0 80 (a surrogate) is three.
  std::string raw = kReport + "\xE0\x80" + "A" + "\xF0\x9F\x98" + "B" + "\xED\xA0\x80" + "C";
  const Decoded& d = ok(decode_bytes(raw));
  CHECK(d.encoding == "UTF-8");
  const std::string r = "\xEF\xBF\xBD";
  CHECK(d.text == kReport + r + r + "A" + r + "B" + r + r + r + "C");
  CHECK(d.invalid_offsets.size() == 6);
  check_offset_map(d, raw);
}

TEST_CASE("decode: mostly-UTF-8 stays UTF-8, GBK is not mistaken for it") {
  std::string raw;
  for (int i = 0; i < 20; ++i) raw += kReport;
  // A few stray bytes in a large UTF-8 report.
  raw.insert(raw.size() / 3, "\x81\x82");
  raw.insert(raw.size() / 2, "\xC0");
  const Decoded& d = ok(decode_bytes(raw));
  CHECK(d.encoding == "UTF-8");
  CHECK(d.invalid_offsets.size() == 3);
  check_offset_map(d, raw);

  // A whole GBK paragraph pasted into a UTF-8 report is still garbage inside UTF-8.
  std::string mixed;
  for (int i = 0; i < 10; ++i) mixed += kReport;
  mixed += encode_as("GBK", "本年度未收取信息处理费。\n");
  CHECK(ok(decode_bytes(mixed)).encoding == "UTF-8");

  // GBK with a few characters that happen to be well-formed UTF-8 stays GBK.
  CHECK(ok(decode_bytes(encode_as("GBK", kReport + kReport))).encoding == "GB18030");
}

TEST_CASE("decode: UTF-8 with a stray NUL is still text") {
  std::string raw = kReport;
  raw.insert(kReport.find("二、"), 1, '\0');
  const Decoded& d = ok(decode_bytes(raw));
  CHECK(d.encoding == "UTF-8");
  CHECK(d.text == raw);
  // ASCII with a few NULs: read as UTF-16 it would be "plausible" CJK ideographs.
  std::string ascii;
  for (int i = 0; i < 40; ++i) ascii += "Section " + std::to_string(i) + ": annual report text\n";
  ascii[100] = ascii[301] = ascii[700] = '\0';
  CHECK(ok(decode_bytes(ascii)).encoding == "UTF-8");
}

TEST_CASE("decode: truncated UTF-16 ends in one U+FFFD") {
  SUBCASE("with BOM") {
    std::string raw = "\xFF\xFE" + encode_as("UTF-16LE", kReport);
    raw.pop_back();  // half of the final line break
    const Decoded& d = ok(decode_bytes(raw));
    CHECK(d.encoding == "UTF-16LE");
    CHECK(d.text == kReport.substr(0, kReport.size() - 1) + "\xEF\xBF\xBD");
    REQUIRE(d.invalid_offsets.size() == 1);
    CHECK(d.invalid_offsets[0] == kReport.size() - 1);
    check_offset_map(d, raw);
    CHECK(raw_at(d, d.invalid_offsets[0]) == raw.size() - 1);
  }
  SUBCASE("without BOM, and an unpaired surrogate") {
    std::string raw = encode_as("UTF-16LE", kReport);
    raw.insert(10, std::string("\x00\xD8", 2));  // lone high surrogate before the 6th unit
    raw += '\x41';
    const Decoded& d = ok(decode_bytes(raw));
    CHECK(d.encoding == "UTF-16LE");
    CHECK(d.invalid_offsets.size() == 2);
    check_offset_map(d, raw);
    CHECK(raw_at(d, d.invalid_offsets[0]) == 10);
  }
  SUBCASE("a lone byte after a BOM") {
    const std::string raw = "\xFE\xFF\x4E";
    const Decoded& d = ok(decode_bytes(raw));
    CHECK(d.text == "\xEF\xBF\xBD");
    check_offset_map(d, raw);
  }
}

TEST_CASE("decode: binary files are refused") {
  SUBCASE("a fake PNG") {
    static const char kHeader[] = "\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00";
    std::string png(kHeader, sizeof kHeader - 1);
    std::mt19937 rng(7);
    for (int i = 0; i < 4000; ++i) png += static_cast<char>(rng() & 0xFF);
    const DecodeError& e = err(decode_bytes(png));
    CHECK(e.kind == DecodeError::Kind::Binary);
    CHECK_FALSE(e.detail.empty());
  }
  SUBCASE("all zeros") { CHECK(err(decode_bytes(std::string(1000, '\0'))).kind == DecodeError::Kind::Binary); }
  SUBCASE("control characters without NULs") {
    std::string raw;
    for (int i = 0; i < 500; ++i) raw += (i % 4 == 0) ? '\x01' : static_cast<char>('a' + i % 26);
    CHECK(err(decode_bytes(raw)).kind == DecodeError::Kind::Binary);
  }
  SUBCASE("GBK text with a NUL in it") {
    std::string raw = encode_as("GBK", kReport);
    raw.insert(20, 1, '\0');
    CHECK(err(decode_bytes(raw)).kind == DecodeError::Kind::Binary);
  }
}

TEST_CASE("decode: what cannot be recognised is Undetectable, not guessed") {
  // Latin-1: ICU says ISO-8859-1 at a confidence far below what a non-Chinese encoding needs.
  const DecodeError& e = err(decode_bytes("caf\xE9 na\xEFve r\xE9sum\xE9 fa\xE7" "ade"));
  CHECK(e.kind == DecodeError::Kind::Undetectable);
  CHECK(e.detail.find("ISO-8859-1") != std::string::npos);
  // Well-formed GBK without a single common character (here the user-defined area, 40 times)
  // gets ICU's "cannot judge" 10, which is accepted only for short samples.
  std::string pua;
  for (int i = 0; i < 40; ++i) pua += "\xFE\xFE";
  const DecodeError& p = err(decode_bytes(pua));
  CHECK(p.kind == DecodeError::Kind::Undetectable);
  CHECK(p.detail.find("GB18030 10") != std::string::npos);
  // ... and --encoding gets it read.
  CHECK(ok(decode_bytes("caf\xE9", "latin1")).text == "café");
}

TEST_CASE("decode: encoded fixtures decode to the UTF-8 report they were made from") {
  namespace fs = std::filesystem;
  const fs::path dir = test::source_dir() / "tests" / "fixtures" / "encodings";
  const std::string utf8 = test::read_file(dir / "qingshan-utf8.txt");
  const std::string big5_source = test::read_file(dir / "traditional-utf8.txt");
  REQUIRE_FALSE(utf8.empty());
  REQUIRE_FALSE(big5_source.empty());
  struct Case {
    const char* file;
    const char* encoding;
    const std::string* text;
  };
  const Case cases[] = {
      {"qingshan-utf8-bom.txt", "UTF-8", &utf8},       {"qingshan-gbk.txt", "GB18030", &utf8},
      {"qingshan-utf16le-bom.txt", "UTF-16LE", &utf8},
      {"qingshan-utf16be-bom.txt", "UTF-16BE", &utf8}, {"qingshan-utf16le.txt", "UTF-16LE", &utf8},
      {"traditional-big5.txt", "Big5", &big5_source},
  };
  for (const Case& c : cases) {
    CAPTURE(c.file);
    const std::string raw = test::read_file(dir / c.file);
    REQUIRE_FALSE(raw.empty());
    const Decoded& d = ok(decode_bytes(raw));
    CHECK(d.encoding == c.encoding);
    CHECK(d.text == *c.text);
    CHECK(d.invalid_offsets.empty());
    check_offset_map(d, raw);
  }
}

TEST_CASE("decode: random bytes never crash and always give valid UTF-8 with a sound offset map") {
  std::mt19937 rng(20250101);
  const std::vector<std::string> seeds = {encode_as("GBK", kReport), encode_as("Big5", kTraditional),
                                          "\xFF\xFE" + encode_as("UTF-16LE", kReport), kReport,
                                          encode_as("UTF-16BE", kReport)};
  const char* forced[] = {"", "", "", "gbk", "big5", "utf-16le", "utf-16", "utf-32", "utf-8", "iso-2022-cn", "utf-7"};
  int decoded = 0;
  for (int round = 0; round < 400; ++round) {
    std::string raw;
    switch (round % 4) {
      case 0: {  // uniformly random bytes of random length, sometimes odd
        const std::size_t n = rng() % 600;
        for (std::size_t i = 0; i < n; ++i) raw += static_cast<char>(rng() & 0xFF);
        break;
      }
      case 1: {  // random high bytes only (no NULs: reaches the detector)
        const std::size_t n = rng() % 300;
        for (std::size_t i = 0; i < n; ++i) raw += static_cast<char>(0x80 | (rng() & 0x7F));
        break;
      }
      default: {  // a real encoded report, mutated and cut
        raw = seeds[rng() % seeds.size()];
        for (int k = rng() % 12; k > 0; --k) raw[rng() % raw.size()] = static_cast<char>(rng() & 0xFF);
        raw.resize(rng() % (raw.size() + 1));
        break;
      }
    }
    const char* enc = forced[rng() % std::size(forced)];
    CAPTURE(round);
    CAPTURE(enc);
    const auto r = decode_bytes(raw, enc);
    const auto* d = std::get_if<Decoded>(&r);
    // Decoding a buffer it may take over gives the same result as decoding a view of it.
    std::string owned = raw;
    const auto taken = decode_buffer(std::move(owned), enc);
    REQUIRE(taken.index() == r.index());
    if (const auto* t = std::get_if<Decoded>(&taken)) {
      CHECK(t->text == d->text);
      CHECK(t->encoding == d->encoding);
      CHECK(t->detected_by == d->detected_by);
      CHECK(t->bom_bytes == d->bom_bytes);
      CHECK(t->raw_offsets == d->raw_offsets);
      CHECK(t->invalid_offsets == d->invalid_offsets);
    }
    if (!d) continue;
    ++decoded;
    CHECK(utf8::is_valid(d->text));
    CHECK(d->bom_bytes <= raw.size());
    if (!d->raw_offsets.empty()) {
      REQUIRE(d->raw_offsets.size() == d->text.size() + 1);
      CHECK(d->raw_offsets.back() == raw.size());
      bool sorted = true;
      for (std::size_t i = 1; i < d->raw_offsets.size(); ++i) sorted = sorted && d->raw_offsets[i - 1] <= d->raw_offsets[i];
      CHECK(sorted);
      CHECK(d->raw_offsets.front() >= d->bom_bytes);
    } else {
      CHECK(d->text == std::string_view(raw).substr(d->bom_bytes));
    }
    for (std::uint32_t off : d->invalid_offsets) {
      REQUIRE(off + 3 <= d->text.size());
      CHECK(d->text.compare(off, 3, "\xEF\xBF\xBD") == 0);
    }
  }
  CHECK(decoded > 100);
}
