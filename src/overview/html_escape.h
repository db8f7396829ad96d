// Text placed in HTML or SVG: element content and attribute values alike.
#pragma once
#include <string>
#include <string_view>

namespace nblint::overview {

// & < > " ' replaced by character references, so file names and report text (which may hold
// any of them) are shown as written and never read as markup.
std::string html_escape(std::string_view text);

}  // namespace nblint::overview
