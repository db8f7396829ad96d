#include "cli/i18n.h"

#include <cstdlib>
#include <string_view>

namespace nblint {

std::string read_error_reason(const ReadError& e, Lang lang) {
  using K = ReadError::Kind;
  switch (e.kind) {
    case K::NotFound: return tr(lang, "文件不存在", "no such file");
    case K::PermissionDenied: return tr(lang, "没有读取权限", "permission denied");
    case K::NotAFile: return tr(lang, "不是普通文件", "not a regular file");
    case K::TooLarge:
      return std::string(tr(lang, "文件超过大小上限（", "file exceeds the size limit (")) + e.detail +
             tr(lang, " 字节，可用 --max-file-size 调整）", " bytes; see --max-file-size)");
    case K::Empty: return tr(lang, "文件为空", "file is empty");
    case K::IoError: return std::string(tr(lang, "读取失败：", "read failed: ")) + e.detail;
  }
  return e.detail;
}

Lang detect_lang(int argc, char** argv) {
  Lang lang = Lang::Zh;
  if (const char* env = std::getenv("NBLINT_LANG"); env && std::string_view(env) == "en") lang = Lang::En;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--lang" && i + 1 < argc) lang = std::string_view(argv[i + 1]) == "en" ? Lang::En : Lang::Zh;
    if (a.starts_with("--lang=")) lang = a.substr(7) == "en" ? Lang::En : Lang::Zh;
  }
  return lang;
}

}  // namespace nblint
