// Recognises web-page furniture that copies of reports carry: breadcrumbs, 上一篇/下一篇,
// 扫一扫在手机打开当前页, 您访问的链接即将离开…, view counters, font-size and print toolbars.
#pragma once
#include <optional>
#include <string_view>

#include "model/report.h"

namespace nblint {

// `line` is one trimmed line of folded text.
std::optional<ChromeKind> classify_web_chrome(std::u32string_view line);

// True when the whole line is an HTML comment (<!-- … -->), as inline suppressions are.
bool is_comment_line(std::u32string_view line);

}  // namespace nblint
