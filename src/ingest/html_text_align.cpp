// Aligning gumbo's decoded text with the raw source slice it came from (see html_text_align.h).
#include "ingest/html_text_align.h"

#include <algorithm>
#include <cctype>

#include "ingest/html_chars.h"

namespace nblint {
namespace {

using html::is_ascii_alnum;
using html::utf8_len;

constexpr std::size_t npos = std::string_view::npos;

// Compares d[i..] with o[j..] over the literal stretch that follows an entity: up to 12 bytes,
// stopping (consistent) where the source has another entity, a CR or a NUL, or markup where the
// decoded text ends too.
bool consistent(std::string_view d, std::size_t i, std::string_view o, std::size_t j) {
  for (int k = 0; k < 12; ++k, ++i, ++j) {
    if (j >= o.size()) return i >= d.size();
    const char c = o[j];
    if (c == '&' || c == '\r' || c == '\0') return true;
    if (c == '<') return i >= d.size() || d[i] == '<';  // markup, or a literal '<'
    if (i >= d.size() || d[i] != c) return false;
  }
  return true;
}

struct EntityMatch {
  std::size_t dlen;  // decoded bytes produced
  std::size_t oend;  // source offset after the entity (relative to the slice)
};

std::size_t cps_bytes(std::string_view d, std::size_t i, int count) {
  std::size_t k = i;
  for (int c = 0; c < count && k < d.size(); ++c) k += std::min(utf8_len(static_cast<unsigned char>(d[k])), d.size() - k);
  return k - i;
}

// o[j] == '&'. Returns how much of d and o the character reference covers, or dlen 0 when the
// '&' is a literal ampersand.
EntityMatch match_entity(std::string_view d, std::size_t i, std::string_view o, std::size_t j) {
  if (d[i] == '&' && consistent(d, i + 1, o, j + 1)) return {0, 0};
  std::size_t k = j + 1;
  if (k < o.size() && o[k] == '#') {
    std::size_t q = k + 1;
    const bool hex = q < o.size() && (o[q] == 'x' || o[q] == 'X');
    if (hex) ++q;
    const std::size_t digits = q;
    while (q < o.size() && (hex ? std::isxdigit(static_cast<unsigned char>(o[q])) != 0 : (o[q] >= '0' && o[q] <= '9'))) ++q;
    if (q == digits) return {0, 0};
    if (q < o.size() && o[q] == ';') ++q;
    return {cps_bytes(d, i, 1), q};
  }
  std::size_t run = 0;
  while (k + run < o.size() && run < 40 && is_ascii_alnum(static_cast<unsigned char>(o[k + run]))) ++run;
  if (run == 0) return {0, 0};
  for (int m = 1; m <= 2; ++m) {
    const std::size_t dl = cps_bytes(d, i, m);
    for (std::size_t len = run; len >= 1; --len) {
      const std::size_t e = k + len;
      if (e < o.size() && o[e] == ';' && consistent(d, i + dl, o, e + 1)) return {dl, e + 1};
      if (consistent(d, i + dl, o, e)) return {dl, e};
    }
  }
  if (d[i] == '&') return {0, 0};
  std::size_t e = k + run;
  if (e < o.size() && o[e] == ';') ++e;
  return {cps_bytes(d, i, 1), e};
}

}  // namespace

void align_html_text(std::string_view d, std::string_view o, std::uint32_t base, std::uint32_t limit,
                     const AlignedCharFn& emit) {
  const auto at = [&](std::size_t j) { return static_cast<std::uint32_t>(std::min<std::uint64_t>(base + j, limit)); };
  std::size_t i = 0, j = 0;
  while (i < d.size()) {
    const std::size_t n = std::min(utf8_len(static_cast<unsigned char>(d[i])), d.size() - i);
    if (j >= o.size()) {
      emit(d.data() + i, n, at(o.size()), at(o.size()));
      i += n;
      continue;
    }
    const char c = o[j];
    if (c == '&') {
      const EntityMatch m = match_entity(d, i, o, j);
      if (m.dlen > 0) {
        for (std::size_t k = i; k < i + m.dlen;) {
          const std::size_t cn = std::min(utf8_len(static_cast<unsigned char>(d[k])), i + m.dlen - k);
          emit(d.data() + k, cn, at(j), at(m.oend));
          k += cn;
        }
        i += m.dlen;
        j = m.oend;
        continue;
      }
    }
    if (c == '\r' && d[i] == '\n') {
      const std::size_t end = (j + 1 < o.size() && o[j + 1] == '\n') ? j + 2 : j + 1;
      emit(d.data() + i, 1, at(j), at(end));
      i += 1;
      j = end;
      continue;
    }
    if (j + n <= o.size() && o.compare(j, n, d.substr(i, n)) == 0) {
      emit(d.data() + i, n, at(j), at(j + n));
      i += n;
      j += n;
      continue;
    }
    if (c == '\0') {  // dropped, or replaced by U+FFFD
      if (d.compare(i, 3, "\xEF\xBF\xBD") == 0) {
        emit(d.data() + i, 3, at(j), at(j + 1));
        i += 3;
      }
      ++j;
      continue;
    }
    if (c == '<') {  // a tag the tree builder ignored, inside a run of text
      const std::size_t gt = o.find('>', j);
      if (gt != npos) {
        j = gt + 1;
        continue;
      }
    }
    if (d.compare(i, 3, "\xEF\xBF\xBD") == 0) {  // an invalid byte sequence in the source
      emit(d.data() + i, 3, at(j), at(j + 1));
      i += 3;
      ++j;
      while (j < o.size() && (static_cast<unsigned char>(o[j]) & 0xC0) == 0x80) ++j;
      continue;
    }
    // Anything else: look a little ahead in the source for this character, else map it here.
    const std::size_t found = o.substr(0, std::min(o.size(), j + 64)).find(d.substr(i, n), j);
    if (found != npos) {
      j = found;
      continue;
    }
    emit(d.data() + i, n, at(j), at(j));
    i += n;
  }
}

}  // namespace nblint
