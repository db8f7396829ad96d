#include "rules/text_fingerprint.h"

#include <algorithm>
#include <functional>

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

}  // namespace

std::u32string wording_of(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (char32_t c : text)
    if (u_isalpha(static_cast<UChar32>(c))) out += c;  // ideographs are alphabetic in ICU
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

NBLINT_VECTOR_CLONES
void add_shingles(std::u32string_view wording, std::uint32_t* minhash) {
  const auto add = [&](std::uint64_t shingle) {
    const std::uint64_t h = mix(shingle);
    const auto h2 = static_cast<std::uint32_t>(h >> 32) | 1;
    auto slot = static_cast<std::uint32_t>(h);
    for (int i = 0; i < TextFingerprint::kHashes; ++i, slot += h2) minhash[i] = std::min(minhash[i], slot);
  };
  if (wording.size() < kShingle) {
    if (!wording.empty()) add(std::hash<std::u32string_view>{}(wording));
    return;
  }
  for (std::size_t i = 0; i + kShingle <= wording.size(); ++i) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a over the shingle's code points
    for (std::size_t k = 0; k < kShingle; ++k) h = (h ^ wording[i + k]) * 1099511628211ull;
    add(h);
  }
}

}  // namespace

TextFingerprint fingerprint(std::u32string_view wording) {
  TextFingerprint f;
  f.minhash.fill(UINT32_MAX);
  f.chars = static_cast<std::uint32_t>(wording.size());
  add_shingles(wording, f.minhash.data());
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
