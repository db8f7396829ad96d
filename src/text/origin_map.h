// The source offset behind each character of a folded text (text/normalizer), in a little over a
// byte a character instead of four.
//
// The folded text of a large report is most of a check's fresh memory, and each fresh page is
// a fault of a microsecond or two on a virtual machine (docs/benchmarks.md, fourteenth round).
// Origins never decrease and step by one to four bytes a character, so each block of 16 keeps
// the origin of its first character and, for each character, a byte: how far its origin is past
// that. A block whose origins span 256 bytes or more (an HTML tag or a removed annotation
// between two characters) keeps them whole instead, and marks its first byte kWide.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace nblint {

class OriginMap {
 public:
  static constexpr std::size_t kBlock = 16;

  OriginMap() = default;
  // Takes buffers (emptied) to write into: their capacity is kept (util/spare_buffers).
  OriginMap(std::vector<std::uint8_t> steps, std::vector<std::uint32_t> firsts);
  // The buffers, for the next text's map.
  std::pair<std::vector<std::uint8_t>, std::vector<std::uint32_t>> release() &&;

  std::size_t size() const { return steps_.size(); }
  bool empty() const { return steps_.empty(); }
  std::uint32_t operator[](std::size_t i) const {
    const std::size_t block = i / kBlock;
    if (steps_[block * kBlock] == kWide) [[unlikely]] return wide_origin(block, i % kBlock);
    return firsts_[block] + steps_[i];
  }
  // The first index whose origin is `offset` or more (size() when none): origins never decrease.
  std::size_t lower_bound(std::uint32_t offset) const;

  void push_back(std::uint32_t origin);
  // Appends origins[0, n).
  void append(const std::uint32_t* origins, std::size_t n);
  void assign(std::span<const std::uint32_t> origins);
  void clear();
  std::vector<std::uint32_t> to_vector() const;

  friend bool operator==(const OriginMap& a, const OriginMap& b) { return a.to_vector() == b.to_vector(); }

 private:
  // Marks a wide block in the step of its first character, which is otherwise always 0.
  static constexpr std::uint8_t kWide = 0xFF;

  std::uint32_t wide_origin(std::size_t block, std::size_t k) const;
  void widen_last_block();

  std::vector<std::uint8_t> steps_;      // one a character: its size is the map's
  std::vector<std::uint32_t> firsts_;    // one a block: the origin of its first character
  std::vector<std::uint32_t> wide_blocks_;   // the wide blocks, in order
  std::vector<std::uint32_t> wide_origins_;  // their origins, kBlock a block (the last may be short)
};

}  // namespace nblint
