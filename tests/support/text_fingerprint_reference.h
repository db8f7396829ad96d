// The prose fingerprint as it was before the shingle dedup and the wording table (commit 31121c7),
// kept verbatim as the oracle: the faster one must give the same signature bit for bit, since
// similarities appear in messages and decide findings.
#pragma once
#include <algorithm>
#include <functional>
#include <string>
#include <string_view>

#include <unicode/uchar.h>

#include "rules/text_fingerprint.h"

namespace nblint::reference::text_fingerprint {
namespace {

constexpr std::size_t kShingle = 4;  // four characters: about two Chinese words

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

std::u32string wording_of(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (char32_t c : text)
    if (u_isalpha(static_cast<UChar32>(c))) out += c;  // ideographs are alphabetic in ICU
  return out;
}

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

TextFingerprint fingerprint(std::u32string_view wording) {
  TextFingerprint f;
  f.minhash.fill(UINT32_MAX);
  f.chars = static_cast<std::uint32_t>(wording.size());
  add_shingles(wording, f.minhash.data());
  return f;
}

}  // namespace
}  // namespace nblint::reference::text_fingerprint
