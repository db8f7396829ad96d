#include "parse/web_chrome.h"

#include <array>

#include "parse/text_scan.h"

namespace nblint {

namespace {

// Phrases that appear only in page furniture, never in a report's own sentences.
constexpr std::array<std::u32string_view, 9> kShareOrQr = {
    U"扫一扫在手机打开当前页", U"扫一扫在手机上查看", U"用手机扫描二维码", U"手机扫一扫",
    U"微信扫一扫", U"扫描二维码分享", U"分享到:", U"在手机上打开", U"打开手机扫一扫"};
constexpr std::array<std::u32string_view, 3> kLeaving = {U"您访问的链接即将离开", U"即将离开本网站",
                                                          U"您即将离开"};
constexpr std::array<std::u32string_view, 7> kCounters = {U"浏览量", U"浏览次数", U"点击次数", U"阅读次数",
                                                           U"访问量", U"点击量", U"阅读量"};
constexpr std::array<std::u32string_view, 11> kToolbar = {
    U"打印本页", U"关闭窗口", U"【打印】", U"【关闭】", U"[打印]", U"[关闭]", U"打印此页", U"收藏本页",
    U"无障碍", U"长者助手", U"我的收藏"};
constexpr std::array<std::u32string_view, 7> kBreadcrumb = {U"当前位置", U"您的位置", U"您现在的位置", U"当前页面",
                                                            U"所在位置", U"现在位置", U"位置:首页"};

constexpr std::array<std::u32string_view, 4> kFontSize = {U"字体:大中小", U"【大中小】", U"[大中小]", U"字号:大"};

// Characters that every phrase of a list contains at least one of: a line without any of them
// needs no search for that list's phrases (classify_web_chrome sees every line of a document,
// and nearly none is furniture).
constexpr char32_t kLeavingKey = U'离';
constexpr char32_t kShareKeys[] = U"扫手享";
constexpr char32_t kToolbarKeys[] = U"大印闭藏障者";
// The first characters of the phrases a line must start with (breadcrumbs, 首页, 上一篇/下一篇,
// counters): a line starting otherwise needs none of those comparisons.
constexpr std::u32string_view kStartKeys = U"当您所现位首上下浏点阅访";

constexpr bool every_phrase_has_key(auto const& phrases, std::u32string_view keys) {
  for (auto p : phrases)
    if (p.find_first_of(keys) == std::u32string_view::npos) return false;
  return true;
}
constexpr bool every_phrase_starts_with_key(auto const& phrases) {
  for (auto p : phrases)
    if (kStartKeys.find(p.front()) == std::u32string_view::npos) return false;
  return true;
}
static_assert(every_phrase_has_key(kLeaving, std::u32string_view(&kLeavingKey, 1)));
static_assert(every_phrase_has_key(kShareOrQr, kShareKeys));
static_assert(every_phrase_has_key(kToolbar, kToolbarKeys) && every_phrase_has_key(kFontSize, kToolbarKeys));
static_assert(every_phrase_starts_with_key(kBreadcrumb) && every_phrase_starts_with_key(kCounters));
static_assert(every_phrase_starts_with_key(std::array<std::u32string_view, 3>{U"首页", U"上一篇", U"下一篇"}));

template <std::size_t N>
bool has_any(std::u32string_view line, const char32_t (&keys)[N]) {
  return find_any_of(line, keys) != std::u32string_view::npos;
}

// Furniture is a short line that is not a sentence: one mentioning 浏览量 or 无障碍 as part of
// the year's work is longer or has sentence punctuation.
constexpr std::size_t kFurnitureMaxChars = 40;

bool is_sentence(std::u32string_view line) { return has_any(line, U"。,;"); }

bool starts_with_any(std::u32string_view line, auto const& phrases) {
  for (auto p : phrases)
    if (line.starts_with(p)) return true;
  return false;
}

bool contains_any(std::u32string_view line, auto const& phrases) {
  for (auto p : phrases)
    if (contains(line, p)) return true;
  return false;
}

std::u32string_view without_bullet(std::u32string_view line) {
  while (!line.empty() && (line[0] == U'•' || line[0] == U'·' || line[0] == U'*' || line[0] == U'-' || is_blank(line[0])))
    line.remove_prefix(1);
  return line;
}

}  // namespace

std::optional<ChromeKind> classify_web_chrome(std::u32string_view line) {
  line = without_bullet(line);
  if (line.empty()) return std::nullopt;
  const bool may_start_a_phrase = kStartKeys.find(line.front()) != std::u32string_view::npos;
  if (may_start_a_phrase) {
    if (starts_with_any(line, kBreadcrumb) && (contains(line, U">") || contains(line, U"首页") || contains(line, U"»")))
      return ChromeKind::Breadcrumb;
    if (line.starts_with(U"首页") && contains(line, U">")) return ChromeKind::Breadcrumb;
    if (line.starts_with(U"上一篇") || line.starts_with(U"下一篇")) return ChromeKind::PrevNext;
  }
  if (find_code_point(line, kLeavingKey) != std::u32string_view::npos && contains_any(line, kLeaving))
    return ChromeKind::LeavingSite;
  if (line.size() > kFurnitureMaxChars || is_sentence(line)) return std::nullopt;
  if (has_any(line, kShareKeys) && contains_any(line, kShareOrQr)) return ChromeKind::Share;
  if (may_start_a_phrase && starts_with_any(line, kCounters)) return ChromeKind::Counter;
  if (line.starts_with(U"字号") ||
      (has_any(line, kToolbarKeys) && (contains_any(line, kFontSize) || contains_any(line, kToolbar))))
    return ChromeKind::Toolbar;
  return std::nullopt;
}

bool is_comment_line(std::u32string_view line) { return line.starts_with(U"<!--") && line.ends_with(U"-->"); }

}  // namespace nblint
