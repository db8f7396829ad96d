#include "overview/csv_writer.h"

#include "cli/i18n.h"
#include "overview/labels.h"

namespace nblint::overview {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kEnd = "\r\n";

std::string quoted_if_needed(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace

std::string csv_text_field(std::string_view text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@'))
    return quoted_if_needed("'" + std::string(text));
  return quoted_if_needed(text);
}

void write_csv(std::ostream& out, const Overview& o, Lang lang) {
  out << kBom;
  const char* const headers[] = {
      tr(lang, "文件", "file"),          tr(lang, "机关", "organ"),          tr(lang, "年度", "year"),
      tr(lang, "规则包", "pack"),        tr(lang, "错误", "errors"),         tr(lang, "警告", "warnings"),
      tr(lang, "提示", "infos"),         tr(lang, "发布日期", "published"),  tr(lang, "发布期限", "deadline"),
      tr(lang, "逾期天数", "days_late"), tr(lang, "状态", "status")};
  bool first = true;
  for (const char* h : headers) {
    out << (first ? "" : ",") << h;
    first = false;
  }
  out << kEnd;
  for (const ReportRow& r : o.reports) {
    out << csv_text_field(r.path) << ',' << csv_text_field(r.organ) << ',' << (r.year ? std::to_string(r.year) : "")
        << ',' << csv_text_field(r.pack) << ',' << r.errors << ',' << r.warnings << ',' << r.infos << ','
        << (r.published ? iso_date(*r.published) : "") << ',' << (r.deadline ? iso_date(*r.deadline) : "") << ','
        << (r.days_late ? std::to_string(*r.days_late) : "") << ',' << csv_text_field(status_name(r.status, lang))
        << kEnd;
  }
}

}  // namespace nblint::overview
