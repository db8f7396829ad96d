// label_key: the key a table label is matched by, without its heading marker, blanks and marks.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <ios>

#include "bind/label_key.h"
#include "support/u32_printing.h"

using namespace nblint;

TEST_CASE("label_key drops the heading marker, blanks and punctuation, and keeps words and numbers") {
  CHECK(label_key(U"(一)本年新收政府信息公开申请数量:") == U"本年新收政府信息公开申请数量");
  CHECK(label_key(U"1.“申请人”　逾期 未按收费通知要求缴纳费用") == U"申请人逾期未按收费通知要求缴纳费用");
  CHECK(label_key(U"《条例》第十六条=10") == U"条例第十六条=10");
  CHECK(keyword_key(U"【行政复议】") == U"行政复议");
}

TEST_CASE("label_key drops exactly the CJK marks, whatever the code point") {
  // Written out again here, on purpose: the code answers most characters without its list.
  const std::u32string_view marks = U"“”‘’《》〈〉【】〔〕、，。：；！？（）…—–·「」『』￥";
  for (char32_t c = 0x80; c < 0x30000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    if (c == U'\u00A0' || c == U'\u3000') continue;  // blanks: dropped too
    const std::u32string label = std::u32string(U"甲") + c + U"乙";
    const bool dropped = keyword_key(label) == U"甲乙";
    if (dropped != (marks.find(c) != std::u32string_view::npos)) {
      INFO("code point U+" << std::hex << static_cast<unsigned>(c));
      CHECK(dropped == (marks.find(c) != std::u32string_view::npos));
    }
  }
}
