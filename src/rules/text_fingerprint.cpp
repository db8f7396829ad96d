#include "rules/text_fingerprint.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <functional>
#include <vector>

#include "rules/letter_filter.h"

namespace nblint {

namespace {

constexpr std::size_t kShingle = 4;  // four characters: about two Chinese words
constexpr int kMaxTableBits = 14;    // of a fingerprint's table of recent shingles: 128 KB

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

std::u32string wording_of(std::u32string_view text) {
  std::u32string out;
  for (const char32_t c : text)
    if (is_letter(c)) out += c;
  return out;
}

namespace {

// Slot i hashes a shingle to h1 + i * h2 (mod 2^32), h1 and h2 the halves of one full mix of
// the shingle (double hashing): every slot alone is a uniform hash, so an unbiased MinHash, and
// the slots are computed with additions instead of a mix each (a quarter of a run's time went
// there). Tried against the mix per slot on texts of known Jaccard similarity: same error.
// The slot loop is most of a run's fingerprinting and vectorises; the baseline x86-64 target
// has no unsigned 32-bit min (SSE4.1), so AVX2 and AVX-512 variants are compiled alongside and
// the processor's is chosen when the program loads. Same results on every variant.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define NBLINT_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define NBLINT_VECTOR_CLONES
#endif

// Eight slots a vector (an AVX2 register), written with the GCC vector extension (GCC and Clang)
// so that the minima stay in registers across the shingles.
using SlotLanes = std::uint32_t __attribute__((vector_size(32)));
constexpr int kLanes = 8;
constexpr int kSlotVectors = TextFingerprint::kHashes / kLanes;

NBLINT_VECTOR_CLONES
void add_shingles(const std::vector<std::uint64_t>& hashes, std::uint32_t* minhash) {
  SlotLanes low[kSlotVectors];
  std::memcpy(low, minhash, sizeof low);
  const SlotLanes lane = {0, 1, 2, 3, 4, 5, 6, 7};
  for (const std::uint64_t h : hashes) {
    const auto h1 = static_cast<std::uint32_t>(h), h2 = static_cast<std::uint32_t>(h >> 32) | 1;
    SlotLanes slot = h1 + lane * h2;  // slots i = h1 + i * h2 (mod 2^32)
    const SlotLanes step = SlotLanes{} + kLanes * h2;
#pragma GCC unroll 16
    for (int v = 0; v < kSlotVectors; ++v, slot += step) low[v] = slot < low[v] ? slot : low[v];
  }
  std::memcpy(minhash, low, sizeof low);
}

}  // namespace

// The mixed hash of each distinct shingle goes to hashes_. A MinHash is the minimum over a set,
// so a shingle seen again changes nothing and is skipped; report prose repeats its phrases (in
// the generated benchmark corpus 97 % of the shingles are repeats, in real reports about 15 %).
// Repeats are caught by a direct-mapped table of recent shingle hashes: a shingle is skipped only
// when its hash is in the table, so a repeat that was evicted is merely added twice, and the
// result is the same as adding every shingle. The table starts small and grows (refilled, every
// entry a hash that is added) as the shingles outnumber it: their count is known only at the end.
void FingerprintBuilder::add_shingle(std::uint64_t h) {
  constexpr int kFirstTableBits = 6;
  ++shingles_;
  if (table_bits_ == 0 || (shingles_ > (std::size_t{2} << table_bits_) && table_bits_ < kMaxTableBits)) [[unlikely]] {
    table_bits_ = table_bits_ == 0 ? kFirstTableBits : table_bits_ + 1;
    seen_.assign(std::size_t{1} << table_bits_, h);
    hashes_.push_back(mix(h));
    return;
  }
  std::uint64_t& entry = seen_[(h * 0x9E3779B97F4A7C15ull) >> (64 - table_bits_)];
  if (entry == h) return;
  entry = h;
  hashes_.push_back(mix(h));
}

namespace {

// FNV-1a over the shingle's code points. Unrolled: at -O2 GCC kept the loop, seven
// instructions a round, a quarter of a run's fingerprinting (-O3 unrolls it anyway). (Four shingles at a time with AVX-512DQ's 64-bit
// multiplication cost half the instructions again and no measurable time: not kept.)
std::uint64_t fnv_shingle(const char32_t* s) {
  std::uint64_t h = 1469598103934665603ull;
#pragma GCC unroll 4
  for (std::size_t k = 0; k < kShingle; ++k) h = (h ^ s[k]) * 1099511628211ull;
  return h;
}

}  // namespace

void FingerprintBuilder::add_wording(std::u32string_view wording) {
  static_assert(kShingle == 4, "last_ holds the kShingle - 1 letters before the next");
  if (wording.empty()) return;
  // The shingles ending at the first three letters begin in the wording before: joined holds
  // those letters (last_, the first min(chars_, 3) of it in use) and the first three.
  const std::size_t held = std::min(chars_, kShingle - 1), head = std::min(wording.size(), kShingle - 1);
  char32_t joined[2 * (kShingle - 1)];
  std::copy_n(last_, held, joined);
  std::copy_n(wording.data(), head, joined + held);
  for (std::size_t end = kShingle; end <= held + head; ++end) add_shingle(fnv_shingle(joined + end - kShingle));
  // The shingles within the wording: while the table need not grow, in a loop of locals.
  for (std::size_t j = kShingle - 1; j < wording.size();) {
    const std::size_t room = (std::size_t{2} << table_bits_) - std::min(shingles_, std::size_t{2} << table_bits_);
    if (table_bits_ == 0 || (room == 0 && table_bits_ < kMaxTableBits)) {
      add_shingle(fnv_shingle(wording.data() + j - (kShingle - 1)));
      ++j;
      continue;
    }
    const std::size_t end = table_bits_ < kMaxTableBits ? std::min(wording.size(), j + room) : wording.size();
    std::uint64_t* const seen = seen_.data();
    const int shift = 64 - table_bits_;
    shingles_ += end - j;
    for (; j < end; ++j) {
      const std::uint64_t h = fnv_shingle(wording.data() + j - (kShingle - 1));
      std::uint64_t& entry = seen[(h * 0x9E3779B97F4A7C15ull) >> shift];
      if (entry == h) continue;
      entry = h;
      hashes_.push_back(mix(h));
    }
  }
  // The last three letters of all the wording so far.
  chars_ += wording.size();
  if (wording.size() >= kShingle - 1) {
    std::copy_n(wording.data() + wording.size() - (kShingle - 1), kShingle - 1, last_);
  } else {
    const std::size_t keep = std::min(held + head, kShingle - 1);
    std::copy_n(joined + held + head - keep, keep, last_);
  }
}

void FingerprintBuilder::add(std::u32string_view text) {
  // The letters of a block, gathered on the stack, then taken as a wording.
  constexpr std::size_t kBlock = 256;
  char32_t block[kBlock + kLetterSlack];
  for (std::size_t from = 0; from < text.size(); from += kBlock)
    add_wording(std::u32string_view(block, keep_letters(text.substr(from, kBlock), block)));
}

TextFingerprint FingerprintBuilder::finish() const {
  TextFingerprint f;
  f.minhash.fill(UINT32_MAX);
  f.chars = static_cast<std::uint32_t>(chars_);
  if (chars_ >= kShingle) {
    add_shingles(hashes_, f.minhash.data());
  } else if (chars_ > 0) {  // too short for a shingle: the whole wording is one
    const std::vector<std::uint64_t> whole = {mix(std::hash<std::u32string_view>{}(std::u32string_view(last_, chars_)))};
    add_shingles(whole, f.minhash.data());
  }
  return f;
}

void FingerprintBuilder::clear() {
  chars_ = shingles_ = 0;
  table_bits_ = 0;
  hashes_.clear();
}

TextFingerprint fingerprint(std::u32string_view wording) {
  FingerprintBuilder builder;
  builder.add_wording(wording);
  return builder.finish();
}

double similarity(const TextFingerprint& a, const TextFingerprint& b) {
  int same = 0;
  for (int i = 0; i < TextFingerprint::kHashes; ++i) same += a.minhash[i] == b.minhash[i];
  return static_cast<double>(same) / TextFingerprint::kHashes;
}

std::array<std::uint64_t, TextFingerprint::kBands> band_keys(const TextFingerprint& f) {
  constexpr int rows = TextFingerprint::kHashes / TextFingerprint::kBands;
  std::array<std::uint64_t, TextFingerprint::kBands> keys{};
  for (int band = 0; band < TextFingerprint::kBands; ++band) {
    std::uint64_t h = mix(static_cast<std::uint64_t>(band));
    for (int r = 0; r < rows; ++r) h = mix(h ^ f.minhash[band * rows + r]);
    keys[band] = h;
  }
  return keys;
}

}  // namespace nblint
