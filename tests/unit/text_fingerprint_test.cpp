#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include <unicode/uchar.h>

#include "rules/text_fingerprint.h"
#include "support/run.h"
#include "support/text_fingerprint_reference.h"
#include "util/bmp_letters.h"
#include "util/utf8.h"

using namespace nblint;

namespace {
const std::u32string kProse =
    U"本局围绕农村公路建设养护、道路运输管理、客运班线调整和交通执法四个方面确定年度公开重点，"
    U"全年在县政府门户网站本局专栏主动公开政府信息652条。其中，农村公路项目招标和施工进展信息87条，"
    U"客运班线和公交线路调整公告41条，交通运输行政执法结果信息223条。";
}

TEST_CASE("text fingerprint: the wording drops digits, punctuation and blanks, keeps ideographs and letters") {
  CHECK(wording_of(U"2024年，本局（ABC）公开 652 条。") == U"年本局ABC公开条");
}

TEST_CASE("text fingerprint: texts differing only in their figures and dates are the same") {
  std::u32string other = kProse;
  for (char32_t& c : other)
    if (c >= U'0' && c <= U'9') c = c == U'9' ? U'0' : c + 1;
  CHECK(similarity(fingerprint(wording_of(kProse)), fingerprint(wording_of(other))) == 1.0);
}

TEST_CASE("text fingerprint: a light edit stays similar, unrelated prose does not") {
  std::u32string edited = kProse;
  edited.replace(edited.find(U"道路运输管理"), 6, U"航道疏浚整治");
  const double light = similarity(fingerprint(wording_of(kProse)), fingerprint(wording_of(edited)));
  CHECK(light > 0.6);
  CHECK(light < 1.0);
  const std::u32string unrelated =
      U"上一年度报告提出的两个问题已经整改：一是执法结果信息延迟发布，本年度改为作出决定后七个工作日内上网；"
      U"二是专栏检索功能不便，已按文号、发布日期和信息类别设置了组合查询。";
  CHECK(similarity(fingerprint(wording_of(kProse)), fingerprint(wording_of(unrelated))) < 0.1);
}

TEST_CASE("text fingerprint: equal fingerprints share every band key, unrelated ones none") {
  const TextFingerprint a = fingerprint(wording_of(kProse));
  CHECK(band_keys(a) == band_keys(fingerprint(wording_of(kProse))));
  const auto other = band_keys(fingerprint(wording_of(U"专栏检索功能不便，已按文号、发布日期和信息类别设置了组合查询")));
  int shared = 0;
  for (auto k : band_keys(a)) shared += std::find(other.begin(), other.end(), k) != other.end();
  CHECK(shared == 0);
}

namespace {

std::u32string decode_all(std::string_view bytes) {
  std::u32string text;
  for (std::size_t i = 0; i < bytes.size();) {
    const utf8::Decoded d = utf8::decode(bytes, i);
    text += d.cp;
    i += d.length;
  }
  return text;
}

// The fingerprint and wording must equal the pre-dedup ones (tests/support) bit for bit.
void check_same_as_reference(std::u32string_view text) {
  const std::u32string wording = wording_of(text);
  REQUIRE(wording == reference::text_fingerprint::wording_of(text));
  const TextFingerprint now = fingerprint(wording), before = reference::text_fingerprint::fingerprint(wording);
  CHECK(now.chars == before.chars);
  CHECK(now.minhash == before.minhash);
  // Given piece by piece (cut at random places, as paragraphs are), the builder gives the
  // fingerprint of the whole wording; and again after clear().
  static std::mt19937 cuts(5);
  FingerprintBuilder builder;
  for (int pass = 0; pass < 2; ++pass) {
    builder.clear();
    for (std::size_t from = 0; from < text.size();) {
      const std::size_t n = std::uniform_int_distribution<std::size_t>(0, 300)(cuts);
      builder.add(text.substr(from, n));
      from += n;
    }
    CHECK(builder.chars() == wording.size());
    const TextFingerprint pieces = builder.finish();
    CHECK(pieces.chars == before.chars);
    CHECK(pieces.minhash == before.minhash);
  }
}

}  // namespace

TEST_CASE("text fingerprint: same wording and signature as the reference on every example, fixture and corpus text") {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const fs::path& dir : {test::source_dir() / "examples", test::source_dir() / "tests/fixtures"})
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.path().extension() == ".txt") files.push_back(e.path());
  if (test::have_shared_corpus()) {
    for (const auto& e : fs::recursive_directory_iterator(test::shared_dir() / "corpus"))
      if (e.path().extension() == ".txt") files.push_back(e.path());
  } else {
    MESSAGE("../shared/corpus absent: checked on the examples and fixtures only");
  }
  REQUIRE(files.size() > 10);
  for (const fs::path& f : files) {
    CAPTURE(f);
    const std::u32string text = decode_all(test::read_file(f));
    check_same_as_reference(text);
    // Prefixes too: short wordings (under one shingle) and every table size.
    for (std::size_t n : {0, 1, 3, 4, 5, 70, 300, 5000, 40000})
      if (n < text.size()) check_same_as_reference(std::u32string_view(text).substr(0, n));
  }
}

TEST_CASE("text fingerprint: same as the reference on random texts, repetitive and not, over all of Unicode") {
  std::mt19937 random(20261129);
  const std::u32string_view common = U"本局政府信息公开工作年度报告依申请主动abcXYZ，。、 0123（）|\t";
  for (int round = 0; round < 300; ++round) {
    const std::size_t length = std::uniform_int_distribution<std::size_t>(0, round < 200 ? 400 : 60000)(random);
    const int kind = round % 3;
    std::u32string text;
    for (std::size_t i = 0; i < length; ++i) {
      if (kind == 0) {  // any code point, surrogates and unassigned ones included
        text += static_cast<char32_t>(std::uniform_int_distribution<std::uint32_t>(0, 0x10FFFF)(random));
      } else if (kind == 1) {  // a small alphabet: many repeated shingles
        text += common[std::uniform_int_distribution<std::size_t>(0, common.size() - 1)(random)];
      } else {  // the BMP, mostly CJK
        const bool han = std::uniform_int_distribution<int>(0, 3)(random) != 0;
        text += static_cast<char32_t>(han ? std::uniform_int_distribution<std::uint32_t>(0x4E00, 0x9FFF)(random)
                                          : std::uniform_int_distribution<std::uint32_t>(0, 0xFFFF)(random));
      }
    }
    CAPTURE(round);
    check_same_as_reference(text);
  }
}

TEST_CASE("text fingerprint: the letter test is u_isalpha on every code point") {
  std::u32string all;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) all += c;
  std::u32string expected;
  for (char32_t c : all)
    if (u_isalpha(static_cast<UChar32>(c))) expected += c;
  CHECK(wording_of(all) == expected);
}

TEST_CASE("text fingerprint: the generated BMP letter table is u_isalpha on every code point") {
  int letters = 0;
  for (char32_t c = 0; c < 0x10000; ++c) {
    const bool icu = u_isalpha(static_cast<UChar32>(c));
    if (is_bmp_letter(c) != icu) FAIL_CHECK("U+" << std::hex << static_cast<unsigned>(c));
    letters += icu;
  }
  CHECK(letters > 40000);  // the Han ideographs alone are over 20,000
}
