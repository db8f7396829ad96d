#include "cli/i18n.h"

#include <cstdlib>
#include <string_view>

namespace nblint {

std::string ingest_error_reason(const IngestError& e, Lang lang) {
  using K = IngestError::Kind;
  // The readers' details are technical English; Chinese output keeps to the reason.
  const auto with = [&](const char* zh, const char* en) {
    if (lang == Lang::Zh || e.detail.empty()) return std::string(tr(lang, zh, en));
    return std::string(en) + " (" + e.detail + ")";
  };
  switch (e.kind) {
    case K::NotFound: return tr(lang, "文件不存在", "no such file");
    case K::PermissionDenied: return tr(lang, "没有读取权限", "permission denied");
    case K::NotAFile: return tr(lang, "不是普通文件", "not a regular file");
    case K::TooLarge:
      return std::string(tr(lang, "文件超过大小上限（", "file exceeds the size limit (")) + e.detail +
             tr(lang, " 字节，可用 --max-file-size 调整）", " bytes; see --max-file-size)");
    case K::Empty: return tr(lang, "文件为空", "file is empty");
    case K::IoError: return with("读取失败", "read failed");
    case K::Binary: return with("是二进制文件，不是文本报告", "binary file, not a text report");
    case K::UnknownEncoding:
      return std::string(tr(lang, "--encoding 指定的编码未知：", "unknown encoding given to --encoding: ")) + e.detail;
    case K::Undetectable: return with("无法识别文本编码，请用 --encoding 指定（如 gbk、big5、utf-16le）",
                                      "cannot tell the text encoding; pass --encoding (e.g. gbk, big5, utf-16le)");
    case K::DocxNotZip: return with(".docx 文件已损坏（不是有效的 zip 压缩包）", "damaged .docx (not a valid zip archive)");
    case K::DocxEncrypted: return with(".docx 文件已加密或受密码保护，无法读取", "the .docx is encrypted or password-protected");
    case K::DocxNoDocument: return with(".docx 中没有正文（缺少 word/document.xml）", "the .docx has no body (word/document.xml is missing)");
    case K::DocxTooLarge: return with(".docx 解压后过大，疑为压缩炸弹，已停止读取", "the .docx expands to too much data (a zip bomb?); reading stopped");
    case K::DocxBadXml: return with(".docx 的正文 XML 已损坏", "the .docx body XML is damaged");
    case K::LegacyWord:
      return tr(lang, "是旧版 Word（.doc）文件，不支持；请另存为 .docx", "an old Word (.doc) file, not supported; save it as .docx");
    case K::PdfDamaged: return with("PDF 文件已损坏，无法打开", "damaged PDF, cannot be opened");
    case K::PdfEncrypted: return with("PDF 文件已加密或受密码保护，无法读取", "the PDF is encrypted or password-protected");
    case K::PdfNoText:
      return with("PDF 中没有可提取的文字（可能是扫描图片，需要先做文字识别）",
                  "the PDF has no extractable text (probably a scanned image that needs OCR first)");
    case K::PdfReaderUnavailable:
      // An installation fault, not the file's: the loader's details name the files it tried
      // and why each failed, in Chinese output too, since that is what there is to fix.
      return std::string(tr(lang, "PDF 读取模块 libnblint_pdf.so 加载失败，无法读取 PDF，请检查安装（",
                            "the PDF module libnblint_pdf.so failed to load, so PDFs cannot be read; check the "
                            "installation (")) +
             e.detail + tr(lang, "）", ")");
    case K::DocxReaderUnavailable:
      // Like the PDF module: the loader's reason is what there is to fix, in either language.
      return std::string(tr(lang, "读取 .docx 所需的 libzip 加载失败，无法读取 .docx，请检查安装（",
                            "libzip, which reading .docx needs, failed to load, so .docx files cannot be read; "
                            "check the installation (")) +
             e.detail + tr(lang, "）", ")");
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
