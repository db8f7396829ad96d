#include "lsp/utf16_position.h"

#include <algorithm>

#include "util/utf8.h"

namespace nblint::lsp {

Utf16Lines::Utf16Lines(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (text[i] == '\n' || text[i] == '\r') starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
}

LspPosition Utf16Lines::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  const auto line = std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin() - 1;
  LspPosition p;
  p.line = static_cast<std::uint32_t>(line);
  for (std::size_t i = starts_[line]; i < offset;) {
    const utf8::Decoded d = utf8::decode(text_, i);
    p.character += d.cp >= 0x10000 ? 2 : 1;  // a surrogate pair (invalid bytes count one each)
    i += d.length;
  }
  return p;
}

}  // namespace nblint::lsp
