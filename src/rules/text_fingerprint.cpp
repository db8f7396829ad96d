#include "rules/text_fingerprint.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstring>
#include <functional>
#include <vector>

#include <unicode/uchar.h>

namespace nblint {

namespace {

constexpr std::size_t kShingle = 4;  // four characters: about two Chinese words

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// u_isalpha over the BMP, one bit a code point, each block of 256 code points asked of ICU the
// first time a text reaches it (a run meets a few dozen blocks; the ICU call per character was a
// quarter of the fingerprint work). Atomics because files are read on several threads; two
// threads filling one block store the same bits.
class BmpLetters {
 public:
  bool contains(char32_t c) {
    const std::size_t block = c >> 8;
    if (!filled_[block].load(std::memory_order_acquire)) fill(block);
    return (bits_[c >> 6].load(std::memory_order_relaxed) >> (c & 63)) & 1;
  }

 private:
  void fill(std::size_t block) {
    for (std::size_t word = block * 4; word < block * 4 + 4; ++word) {
      std::uint64_t bits = 0;
      for (unsigned bit = 0; bit < 64; ++bit)
        if (u_isalpha(static_cast<UChar32>(word * 64 + bit))) bits |= std::uint64_t{1} << bit;
      bits_[word].store(bits, std::memory_order_relaxed);
    }
    filled_[block].store(true, std::memory_order_release);
  }

  std::array<std::atomic<std::uint64_t>, 0x10000 / 64> bits_{};
  std::array<std::atomic<bool>, 0x10000 / 256> filled_{};
};

BmpLetters bmp_letters;  // constant-initialised: no guard on the hot path

bool is_letter(char32_t c) {  // exactly u_isalpha: ideographs are alphabetic in ICU
  return c < 0x10000 ? bmp_letters.contains(c) : u_isalpha(static_cast<UChar32>(c));
}

}  // namespace

void append_wording(std::u32string_view text, std::u32string& out) {
  // Letters are gathered branch-free in a block on the stack and appended block by block, so
  // the string grows only by what it keeps, and no room is zero-filled only to be cut back.
  constexpr std::size_t kBlock = 256;
  char32_t block[kBlock];
  for (std::size_t from = 0; from < text.size(); from += kBlock) {
    const std::u32string_view part = text.substr(from, kBlock);
    std::size_t kept = 0;
    for (const char32_t c : part) {
      block[kept] = c;
      kept += is_letter(c);
    }
    out.append(block, kept);
  }
}

std::u32string wording_of(std::u32string_view text) {
  std::u32string out;
  append_wording(text, out);
  return out;
}

namespace {

// The mixed hash of each distinct shingle of `wording`, into `out`. A MinHash is the minimum
// over a set, so a shingle seen again changes nothing and is skipped; report prose repeats its
// phrases (in the generated benchmark corpus 97 % of the shingles are repeats, in real reports
// about 15 %). Repeats are caught by a direct-mapped table of recent shingle hashes: a shingle
// is skipped only when its hash is in the table, so a repeat that was evicted is merely added
// twice, and the result is the same as adding every shingle.
void distinct_shingle_hashes(std::u32string_view wording, std::vector<std::uint64_t>& out) {
  out.clear();
  if (wording.size() < kShingle) {
    if (!wording.empty()) out.push_back(mix(std::hash<std::u32string_view>{}(wording)));
    return;
  }
  const std::size_t shingles = wording.size() - kShingle + 1;
  constexpr int kMaxTableBits = 14;  // 128 KB, within the L2 cache
  const int table_bits = std::clamp(static_cast<int>(std::bit_width(shingles - 1)), 6, kMaxTableBits);
  thread_local std::vector<std::uint64_t> seen;
  const auto fnv = [&](std::size_t i) {  // FNV-1a over the shingle's code points
    std::uint64_t h = 1469598103934665603ull;
    for (std::size_t k = 0; k < kShingle; ++k) h = (h ^ wording[i + k]) * 1099511628211ull;
    return h;
  };
  // Every entry starts as the first shingle's hash, which is added: no empty marker that a
  // shingle could equal.
  const std::uint64_t first = fnv(0);
  seen.assign(std::size_t{1} << table_bits, first);
  out.push_back(mix(first));
  for (std::size_t i = 1; i < shingles; ++i) {
    const std::uint64_t h = fnv(i);
    std::uint64_t& entry = seen[(h * 0x9E3779B97F4A7C15ull) >> (64 - table_bits)];
    if (entry == h) continue;
    entry = h;
    out.push_back(mix(h));
  }
}

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

TextFingerprint fingerprint(std::u32string_view wording) {
  TextFingerprint f;
  f.minhash.fill(UINT32_MAX);
  f.chars = static_cast<std::uint32_t>(wording.size());
  std::vector<std::uint64_t> hashes;
  distinct_shingle_hashes(wording, hashes);
  add_shingles(hashes, f.minhash.data());
  return f;
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
