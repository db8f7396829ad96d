// The comparable form of a table label: "（二）部分公开（区分处理的，只计这一情形）" and
// "(二)部分公开(区分处理的,只计这一情形)" both read "部分公开区分处理的只计这一情形".
#pragma once
#include <string>
#include <string_view>

namespace nblint {

// Folded text in; the leading numbering marker (一、 （一） 1. …), blanks and punctuation out.
std::u32string label_key(std::u32string_view folded_label);

// Blanks and punctuation out, numbering kept: for pack keywords ("第二十条第(一)项" →
// "第二十条第一项", where 第二十条 is not numbering but the caption's words).
std::u32string keyword_key(std::u32string_view folded_keyword);

}  // namespace nblint
