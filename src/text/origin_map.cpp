#include "text/origin_map.h"

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace nblint {

OriginMap::OriginMap(std::vector<std::uint8_t> steps, std::vector<std::uint32_t> firsts)
    : steps_(std::move(steps)), firsts_(std::move(firsts)) {
  steps_.clear();
  firsts_.clear();
}

std::pair<std::vector<std::uint8_t>, std::vector<std::uint32_t>> OriginMap::release() && {
  wide_blocks_.clear();
  wide_origins_.clear();
  return {std::move(steps_), std::move(firsts_)};
}

std::uint32_t OriginMap::wide_origin(std::size_t block, std::size_t k) const {
  const auto it = std::lower_bound(wide_blocks_.begin(), wide_blocks_.end(), block);
  return wide_origins_[static_cast<std::size_t>(it - wide_blocks_.begin()) * kBlock + k];
}

std::size_t OriginMap::lower_bound(std::uint32_t offset) const {
  // Every origin in a block before the last one whose first origin is below `offset` is below it
  // too (they do not exceed that first origin); every origin from the next block on is at or past.
  const std::size_t next = static_cast<std::size_t>(std::lower_bound(firsts_.begin(), firsts_.end(), offset) - firsts_.begin());
  if (next == 0) return 0;
  std::size_t i = (next - 1) * kBlock;
  const std::size_t end = std::min(size(), next * kBlock);
  while (i < end && (*this)[i] < offset) ++i;
  return i;
}

// The open (last) block's origins move to wide_origins_, as the ones still to come will.
void OriginMap::widen_last_block() {
  const std::size_t block = size() / kBlock, start = block * kBlock;
  for (std::size_t i = start; i < size(); ++i) wide_origins_.push_back(firsts_[block] + steps_[i]);
  wide_blocks_.push_back(static_cast<std::uint32_t>(block));
  steps_[start] = kWide;
}

void OriginMap::push_back(std::uint32_t origin) {
  if (size() % kBlock == 0) {
    firsts_.push_back(origin);
    steps_.push_back(0);
    return;
  }
  const std::size_t block = size() / kBlock;
  if (steps_[block * kBlock] != kWide) {
    const std::uint32_t first = firsts_[block];
    if (origin >= first && origin - first <= 0xFF) {
      steps_.push_back(static_cast<std::uint8_t>(origin - first));
      return;
    }
    widen_last_block();
  }
  steps_.push_back(0);  // a wide block's steps are not read
  wide_origins_.push_back(origin);
}

#if defined(__SSE2__)
namespace {

// Writes the steps of the 16 origins at `block` past the first of them to `steps` and says
// whether each fits a byte (none is negative or 256 or more); when not, `steps` is scratch.
bool narrow_block(const std::uint32_t* block, std::uint8_t* steps) {
  static_assert(OriginMap::kBlock == 16, "four vectors of four");
  const __m128i first = _mm_set1_epi32(static_cast<int>(block[0]));
  __m128i v[4];
  for (int q = 0; q < 4; ++q)
    v[q] = _mm_sub_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(block) + q), first);
  const __m128i spread = _mm_or_si128(_mm_or_si128(v[0], v[1]), _mm_or_si128(v[2], v[3]));
  if (_mm_movemask_epi8(_mm_cmpeq_epi32(_mm_srli_epi32(spread, 8), _mm_setzero_si128())) != 0xFFFF) return false;
  // Every step is 0 to 255: the saturating packs keep them as they are.
  const __m128i bytes = _mm_packus_epi16(_mm_packs_epi32(v[0], v[1]), _mm_packs_epi32(v[2], v[3]));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(steps), bytes);
  return true;
}

}  // namespace
#endif

void OriginMap::append(const std::uint32_t* origins, std::size_t n) {
  std::size_t at = 0;
#if defined(__SSE2__)
  while (at < n && size() % kBlock != 0) push_back(origins[at++]);
  // Whole blocks, written in place: this is every character of every report.
  if (const std::size_t whole = (n - at) / kBlock) {
    const std::size_t first_block = size() / kBlock;
    std::size_t written = size();
    steps_.resize(written + whole * kBlock);
    firsts_.resize(first_block + whole);
    for (std::size_t b = 0; b < whole; ++b, at += kBlock, written += kBlock) {
      const std::uint32_t* block = origins + at;
      firsts_[first_block + b] = block[0];
      if (!narrow_block(block, steps_.data() + written)) {
        steps_[written] = kWide;
        wide_blocks_.push_back(static_cast<std::uint32_t>(first_block + b));
        wide_origins_.insert(wide_origins_.end(), block, block + kBlock);
      }
    }
  }
#endif
  while (at < n) push_back(origins[at++]);  // the rest (without SSE2: all) one at a time
}

void OriginMap::assign(std::span<const std::uint32_t> origins) {
  clear();
  append(origins.data(), origins.size());
}

void OriginMap::clear() {
  steps_.clear();
  firsts_.clear();
  wide_blocks_.clear();
  wide_origins_.clear();
}

std::vector<std::uint32_t> OriginMap::to_vector() const {
  std::vector<std::uint32_t> out(size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = (*this)[i];
  return out;
}

}  // namespace nblint
