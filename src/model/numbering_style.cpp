#include "model/numbering_style.h"

#include <algorithm>

namespace nblint {

int numbering_rank(NumberingStyle style, int markdown_level) {
  switch (style) {
    case NumberingStyle::Part: return 0;
    case NumberingStyle::ChineseComma:
    case NumberingStyle::ChineseDot: return 1;
    case NumberingStyle::ParenChinese: return 2;
    case NumberingStyle::ArabicDot:
    case NumberingStyle::ArabicComma: return 3;
    case NumberingStyle::ParenArabic: return 4;
    case NumberingStyle::Circled: return 5;
    case NumberingStyle::MarkdownOnly: return std::clamp(markdown_level - 1, 0, 5);
  }
  return 5;
}

const char* numbering_style_name(NumberingStyle style) {
  switch (style) {
    case NumberingStyle::Part: return "第一部分";
    case NumberingStyle::ChineseComma: return "一、";
    case NumberingStyle::ChineseDot: return "一．";
    case NumberingStyle::ParenChinese: return "（一）";
    case NumberingStyle::ArabicDot: return "1.";
    case NumberingStyle::ArabicComma: return "1、";
    case NumberingStyle::ParenArabic: return "（1）";
    case NumberingStyle::Circled: return "①";
    case NumberingStyle::MarkdownOnly: return "#";
  }
  return "?";
}

}  // namespace nblint
