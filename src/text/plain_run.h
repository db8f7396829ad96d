// The normaliser's fast path over the runs of three-byte UTF-8 characters that make up nearly all
// of a Chinese text. Such a character folds to itself, or (the full-width comma, a traditional
// character) to one other character; a run goes on through both, and through the ASCII between
// them (digits, spaces, line ends). Decoded eight characters a block with AVX2 where the
// processor has it.
#pragma once
#include <cstddef>
#include <cstdint>

namespace nblint::plain_run {

// Where the folded characters of a run go, and the source offset of each.
struct Output {
  char32_t* text;
  std::uint32_t* origin;
  std::size_t room;                 // characters that fit
  std::uint32_t offset;             // the source offset of the run's first byte, when map is null
  const std::uint32_t* map;         // else map[j] is the source offset of the run's byte j
};

struct Folded {
  std::size_t chars = 0;  // characters written
  std::size_t bytes = 0;  // bytes of the run read
};

// Folds the run at p (`bytes` readable) while its characters are ASCII other than '\r' (line
// breaks are folded) and '(' (the writer records each), or well-formed three-byte sequences
// whose fold is exactly one character other than '(', and while they fit in out.room. Stops
// before anything else, which the caller takes.
Folded fold_run(const unsigned char* p, std::size_t bytes, const Output& out);

}  // namespace nblint::plain_run
