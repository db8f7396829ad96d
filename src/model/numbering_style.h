// How a heading is numbered. Plain data shared by the grammar facade and the model.
#pragma once
#include <cstdint>

namespace nblint {

enum class NumberingStyle : std::uint8_t {
  Part,          // 第一部分 / 第一章
  ChineseComma,  // 一、
  ChineseDot,    // 一．
  ParenChinese,  // （一）, optionally followed by 、 or ．
  ArabicDot,     // 1.
  ArabicComma,   // 1、
  ParenArabic,   // （1）
  Circled,       // ①
  MarkdownOnly,  // "## Title" without a numbering marker
};

// Conventional depth of a numbering style in Chinese official documents:
// 第一部分 > 一、 > （一） > 1. > （1） > ①. Lower is outer.
int numbering_rank(NumberingStyle style, int markdown_level);

const char* numbering_style_name(NumberingStyle style);

}  // namespace nblint
