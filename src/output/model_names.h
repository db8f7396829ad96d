// Stable names and short descriptions of model values, shared by the tree printers
// (`nblint tree` as text and as JSON). The names are part of the JSON schema (docs/model.md).
#pragma once
#include <cstdint>
#include <string>

#include "model/kind_names.h"
#include "model/report.h"
#include "util/lang.h"

namespace nblint::model_names {

inline const char* style_id(NumberingStyle style) {
  switch (style) {
    case NumberingStyle::Part: return "part";
    case NumberingStyle::ChineseComma: return "chinese_comma";
    case NumberingStyle::ChineseDot: return "chinese_dot";
    case NumberingStyle::ParenChinese: return "paren_chinese";
    case NumberingStyle::ArabicDot: return "arabic_dot";
    case NumberingStyle::ArabicComma: return "arabic_comma";
    case NumberingStyle::ParenArabic: return "paren_arabic";
    case NumberingStyle::Circled: return "circled";
    case NumberingStyle::MarkdownOnly: return "markdown";
  }
  return "unknown";
}

inline const char* chrome_kind(ChromeKind kind) { return chrome_kind_name(kind); }

inline const char* noise_kind(NoiseKind kind) { return noise_kind_name(kind); }

inline const char* cell_state(CellState state) {
  switch (state) {
    case CellState::Missing: return "missing";
    case CellState::Number: return "number";
    case CellState::Blank: return "blank";
    case CellState::NotANumber: return "not_a_number";
  }
  return "unknown";
}

inline const char* bind_issue(BindIssue issue) {
  switch (issue) {
    case BindIssue::CaptionNotFound: return "caption_not_found";
    case BindIssue::HeaderNotFound: return "header_not_found";
    case BindIssue::RowNotFound: return "row_not_found";
    case BindIssue::ShortRow: return "short_row";
    case BindIssue::ExtraCells: return "extra_cells";
    case BindIssue::Unreadable: return "unreadable";
    case BindIssue::NoTable: return "no_table";
  }
  return "unknown";
}

// Why the binder is unsure, in words: "行 granted 只有 5 个单元格，应有 7 个".
inline std::string bind_note_message(const BindNote& note, Lang lang) {
  const bool en = lang == Lang::En;
  const std::string row = en ? "row '" + note.row + "'" : "行 " + note.row;
  const std::string expected = std::to_string(note.expected), found = std::to_string(note.found);
  switch (note.issue) {
    case BindIssue::CaptionNotFound:
      return en ? "the table's caption was not found; its section was searched instead"
                : "未找到表格的标题行，改在所属章节中查找";
    case BindIssue::HeaderNotFound:
      return en ? "the header of column '" + note.column + "' was not found; columns assumed in template order"
                : "未找到列 " + note.column + " 的表头，按模板顺序假定各列";
    case BindIssue::RowNotFound:
      return en ? row + " of the template was not found in the table" : "表格中没有模板的" + row;
    case BindIssue::ShortRow:
      return en ? row + " has " + found + " cell(s), " + expected + " expected"
                : row + " 只有 " + found + " 个单元格，应有 " + expected + " 个";
    case BindIssue::ExtraCells:
      return en ? row + " has " + found + " number cells, more than its " + expected + " columns"
                : row + " 有 " + found + " 个数字单元格，多于 " + expected + " 列";
    case BindIssue::Unreadable:
      // Without a row: the whole table ran together (a crawler's run-on line).
      if (note.row.empty())
        return en ? "the cells of this table ran together (digit runs or codes); no values were taken"
                  : "该表格的单元格连在一起（数字串或编码），无法读取，未取其值";
      return en ? "cells of " + row + " ran together (digit runs or codes); its values were not taken"
                : row + " 的单元格连在一起（数字串或编码），无法读取，未取其值";
    case BindIssue::NoTable:
      return en ? "no cell of this table was found" : "未找到该表格的任何单元格";
  }
  return {};
}

}  // namespace nblint::model_names
