#include "overview/html_writer.h"

#include <string>

#include "cli/i18n.h"
#include "output/doc_links.h"
#include "overview/html_escape.h"
#include "overview/labels.h"
#include "overview/svg_charts.h"

namespace nblint::overview {

namespace {

constexpr std::string_view kStyle = R"CSS(
:root{--err:#c62828;--warn:#e08a00;--info:#1e88e5;--ok:#2e7d32;--line:#d0d4da;--muted:#5f6670}
body{font-family:system-ui,"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#1c1f23;background:#f6f7f9}
header{background:#263238;color:#fff;padding:16px 24px}header h1{margin:0 0 4px;font-size:22px}header p{margin:0;color:#cfd8dc;font-size:13px}
nav{padding:8px 24px;background:#eceff1;font-size:14px}nav a{margin-right:16px}
main{padding:8px 24px 40px;max-width:1400px}section{margin:24px 0;content-visibility:auto;contain-intrinsic-size:auto 800px}h2{font-size:18px;border-bottom:2px solid var(--line);padding-bottom:4px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 16px;min-width:110px}
.card b{display:block;font-size:24px}.card span{color:var(--muted);font-size:13px}
table{border-collapse:collapse;background:#fff;font-size:13px}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eceff1}
table.reports{table-layout:fixed;width:100%;max-width:1350px}table.reports td{overflow-wrap:anywhere}.rows{content-visibility:auto;contain-intrinsic-size:auto 4400px}.rows table{margin-top:-1px}td.n{text-align:right;font-variant-numeric:tabular-nums}
.status-errors{color:var(--err);font-weight:bold}.status-warnings{color:var(--warn)}.status-passed{color:var(--ok)}.status-unreadable{color:var(--muted);font-weight:bold}
.late{color:var(--err);font-weight:bold}.intime{color:var(--ok)}.muted{color:var(--muted)}.differ{background:#fdecea}
svg.chart{background:#fff;border:1px solid var(--line);display:block;margin:8px 0;font-size:11px}
svg .error{fill:var(--err)}svg .warning{fill:var(--warn)}svg .info{fill:var(--info)}svg .in-time{fill:var(--ok)}svg .late{fill:var(--err)}
svg .axis{stroke:#90a4ae}svg .tick{stroke:#eceff1}svg .deadline{stroke:var(--err);stroke-dasharray:4 3}svg text{fill:#37474f}
.legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}
details{background:#fff;border:1px solid var(--line);border-radius:4px;margin:4px 0;padding:4px 8px;content-visibility:auto;contain-intrinsic-size:auto 30px}summary{cursor:pointer}
details ol{margin:6px 0;padding-left:28px;font-size:13px}details li{margin:2px 0}.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}.sev-info{color:var(--info)}
code{font-size:12px}
)CSS";

// A followed link to a report's findings opens its <details>.
constexpr std::string_view kScript = R"JS(
function nblintOpen(){var id=decodeURIComponent(location.hash.slice(1));var d=id&&document.getElementById(id);if(d&&d.tagName==='DETAILS'){d.open=true;d.scrollIntoView();}}
window.addEventListener('hashchange',nblintOpen);window.addEventListener('DOMContentLoaded',nblintOpen);
)JS";

std::string cell(const std::string& text, const char* cls = nullptr) {
  return cls ? "<td class=\"" + std::string(cls) + "\">" + text + "</td>" : "<td>" + text + "</td>";
}

std::string number(std::size_t n) { return cell(std::to_string(n), "n"); }

std::string or_dash(const std::string& text) { return text.empty() ? "<span class=\"muted\">—</span>" : html_escape(text); }

void write_card(std::ostream& out, std::size_t value, const char* label) {
  out << "<div class=\"card\"><b>" << value << "</b><span>" << label << "</span></div>";
}

std::string days_late_cell(const ReportRow& r, Lang lang) {
  if (!r.days_late) return cell("<span class=\"muted\">—</span>", "n");
  if (*r.days_late > 0) return cell(std::to_string(*r.days_late), "n late");
  return cell(tr(lang, "按期", "in time"), "n intime");
}

// The report table is written in blocks of rows, each its own fixed-layout table with the same
// column widths inside a content-visibility:auto box: the browser lays out only the blocks on
// screen, so a page of 10,000 reports opens about as fast as one of a few hundred.
constexpr std::size_t kRowsPerBlock = 200;
constexpr std::string_view kReportColumns =
    "<colgroup><col style=\"width:4%\"><col style=\"width:27%\"><col style=\"width:14%\"><col style=\"width:5%\">"
    "<col style=\"width:6%\"><col style=\"width:5%\"><col style=\"width:5%\"><col style=\"width:8%\">"
    "<col style=\"width:10%\"><col style=\"width:7%\"><col style=\"width:9%\"></colgroup>";

void write_reports(std::ostream& out, const Overview& o, Lang lang) {
  out << "<section id=\"reports\"><h2>" << tr(lang, "各机关报告合规情况", "Compliance per report") << "</h2>"
      << "<table class=\"reports\">" << kReportColumns << "<thead><tr><th>#</th><th>" << tr(lang, "文件", "File")
      << "</th><th>" << tr(lang, "机关", "Organ") << "</th><th>" << tr(lang, "年度", "Year") << "</th><th>"
      << tr(lang, "规则包", "Pack") << "</th><th>" << tr(lang, "错误", "Errors") << "</th><th>"
      << tr(lang, "警告", "Warnings") << "</th><th>" << tr(lang, "发布日期", "Published") << "</th><th>"
      << tr(lang, "发布期限", "Deadline") << "</th><th>" << tr(lang, "逾期天数", "Days late") << "</th><th>"
      << tr(lang, "状态", "Status") << "</th></tr></thead></table>\n";
  for (std::size_t i = 0; i < o.reports.size(); ++i) {
    if (i % kRowsPerBlock == 0)
      out << (i ? "</tbody></table></div>\n" : "") << "<div class=\"rows\"><table class=\"reports\">" << kReportColumns
          << "<tbody>\n";
    const ReportRow& r = o.reports[i];
    std::string deadline = r.deadline ? iso_date(*r.deadline) : std::string();
    if (r.deadline && r.lenient_deadline) deadline += tr(lang, "（层级未知，取最晚）", " (level unknown: the latest)");
    out << "<tr class=\"report\" data-status=\"" << status_name(r.status, Lang::En) << "\">" << number(i + 1)
        << cell("<a href=\"#" + r.anchor + "\">" + html_escape(r.path) + "</a>") << cell(or_dash(r.organ))
        << cell(r.year ? std::to_string(r.year) : or_dash({}), "n") << cell(or_dash(r.pack)) << number(r.errors)
        << number(r.warnings) << cell(or_dash(r.published ? iso_date(*r.published) : std::string()))
        << cell(or_dash(deadline)) << days_late_cell(r, lang)
        << cell(html_escape(status_name(r.status, lang)), r.status == Status::Errors     ? "status-errors"
                                                          : r.status == Status::Warnings ? "status-warnings"
                                                          : r.status == Status::Passed   ? "status-passed"
                                                                                         : "status-unreadable")
        << "</tr>\n";
  }
  if (!o.reports.empty()) out << "</tbody></table></div>";
  out << "</section>\n";
}

void write_rules(std::ostream& out, const Overview& o, Lang lang) {
  out << "<section id=\"rules\"><h2>" << tr(lang, "各规则的问题数", "Findings per rule") << "</h2>";
  if (o.rules.empty()) {
    out << "<p>" << tr(lang, "没有发现问题。", "No findings.") << "</p></section>\n";
    return;
  }
  out << "<p class=\"legend\"><span style=\"background:var(--err)\"></span>" << tr(lang, "错误", "error")
      << "<span style=\"background:var(--warn)\"></span>" << tr(lang, "警告", "warning")
      << "<span style=\"background:var(--info)\"></span>" << tr(lang, "提示", "info") << "</p>"
      << rule_chart_svg(o.rules, lang) << "<table class=\"rules\"><thead><tr><th>"
      << tr(lang, "规则", "Rule") << "</th><th>" << tr(lang, "错误", "Errors") << "</th><th>"
      << tr(lang, "警告", "Warnings") << "</th><th>" << tr(lang, "提示", "Infos") << "</th><th>"
      << tr(lang, "合计", "Total") << "</th><th>" << tr(lang, "涉及报告", "Reports") << "</th></tr></thead><tbody>\n";
  for (const RuleCount& r : o.rules)
    out << "<tr>" << cell("<a href=\"" + html_escape(rule_doc_url(r.rule, "")) + "\"><code>" + html_escape(r.rule) + "</code></a>")
        << number(r.errors) << number(r.warnings) << number(r.infos) << number(r.total()) << number(r.reports)
        << "</tr>\n";
  out << "</tbody></table></section>\n";
}

void write_worst(std::ostream& out, const Overview& o, Lang lang) {
  out << "<section id=\"worst\"><h2>" << tr(lang, "问题最多的报告", "Reports that fail most") << "</h2>";
  if (o.worst.empty()) {
    out << "<p>" << tr(lang, "没有报告有错误或警告。", "No report has errors or warnings.") << "</p></section>\n";
    return;
  }
  out << "<ol class=\"worst\">";
  for (std::size_t i : o.worst) {
    const ReportRow& r = o.reports[i];
    out << "<li><a href=\"#" << r.anchor << "\">" << html_escape(r.path) << "</a> — " << r.errors
        << tr(lang, " 个错误，", " errors, ") << r.warnings << tr(lang, " 个警告", " warnings");
    if (!r.organ.empty()) out << "（" << html_escape(r.organ) << (r.year ? " " + std::to_string(r.year) : "") << "）";
    out << "</li>";
  }
  out << "</ol></section>\n";
}

void write_timeline(std::ostream& out, const Overview& o, Lang lang) {
  out << "<section id=\"timeline\"><h2>" << tr(lang, "发布日期与发布期限", "Publication dates against the deadlines")
      << "</h2>";
  std::size_t undated = 0;
  for (const ReportRow& r : o.reports) undated += r.status != Status::Unreadable && !r.published;
  const std::string svg = timeline_svg(o.reports, lang);
  if (svg.empty()) {
    out << "<p>" << tr(lang, "没有报告写明发布日期。", "No report states its publication date.") << "</p>";
  } else {
    out << "<p class=\"legend\"><span style=\"background:var(--ok)\"></span>" << tr(lang, "按期发布", "in time")
        << "<span style=\"background:var(--err)\"></span>" << tr(lang, "逾期发布", "late")
        << tr(lang, "；虚线为发布期限（每个年度一行，柱高为当天发布的报告数）",
              "; dashed lines are the deadlines (one lane per report year; bar height: reports published that day)")
        << "</p>" << svg;
  }
  if (undated)
    out << "<p class=\"muted\">" << undated << tr(lang, " 份报告未写明可识别的发布日期。", " report(s) state no readable publication date.")
        << "</p>";
  out << "</section>\n";
}

void write_carry_over(std::ostream& out, const Overview& o, Lang lang) {
  if (o.carry_over.empty()) return;
  out << "<section id=\"carry-over\"><h2>" << tr(lang, "跨年度结转核对", "Carry-over between years") << "</h2><p>"
      << tr(lang, "同一机关相邻年度：第 N 年“结转下年度继续办理”应等于第 N+1 年“上年结转”。",
            "Consecutive years of one organ: year N's carried forward (结转下年度继续办理) should equal year N+1's brought forward (上年结转).")
      << "</p><table class=\"carry\"><thead><tr><th>" << tr(lang, "机关", "Organ") << "</th><th>"
      << tr(lang, "年度", "Years") << "</th><th>" << tr(lang, "各列：结转 → 上年结转", "Columns: carried forward → brought forward")
      << "</th><th>" << tr(lang, "状态", "Status") << "</th></tr></thead><tbody>\n";
  for (const CarryOver& c : o.carry_over) {
    const ReportRow& before = o.reports[c.before];
    const ReportRow& after = o.reports[c.after];
    std::string columns;
    for (const CarryOverColumn& col : c.columns)
      columns += std::string(columns.empty() ? "" : tr(lang, "；", "; ")) + "<span" + (col.agree ? "" : " class=\"differ\"") +
                 ">" + html_escape(col.label) + " " + or_dash(col.carried_out) + " → " + or_dash(col.carried_in) + "</span>";
    if (columns.empty()) columns = "<span class=\"muted\">" + std::string(tr(lang, "缺少结转行，无法核对", "a carry-over row is missing: not compared")) + "</span>";
    const std::size_t differing = c.differing();
    out << "<tr class=\"carry\">" << cell(html_escape(c.organ))
        << cell("<a href=\"#" + before.anchor + "\">" + std::to_string(c.year) + "</a> → <a href=\"#" + after.anchor + "\">" +
                std::to_string(c.year + 1) + "</a>")
        << cell(columns)
        << (c.columns.empty() ? cell("—", "muted")
            : differing      ? cell(std::to_string(differing) + tr(lang, " 列不一致", " column(s) differ"), "late")
                             : cell(tr(lang, "一致", "consistent"), "intime"))
        << "</tr>\n";
  }
  out << "</tbody></table></section>\n";
}

void write_findings(std::ostream& out, const Overview& o, Lang lang) {
  out << "<section id=\"findings\"><h2>" << tr(lang, "各报告的问题", "Findings per report") << "</h2><p class=\"muted\">"
      << tr(lang, "点击文件名展开；每个问题以 file: 链接打开原文件，行号:列号（列按字符计）标明位置。",
            "Click a file to expand it; each finding links to the report itself (file:) and gives line:column (columns in characters).")
      << "</p>\n";
  for (const ReportRow& r : o.reports) {
    const std::string path = html_escape(r.path);
    const std::string href = html_escape(r.uri);
    out << "<details id=\"" << r.anchor << "\"><summary><b>" << path << "</b> — "
        << html_escape(status_name(r.status, lang));
    if (r.status != Status::Unreadable)
      out << tr(lang, "，错误 ", ", errors ") << r.errors << tr(lang, "，警告 ", ", warnings ") << r.warnings
          << tr(lang, "，提示 ", ", infos ") << r.infos;
    out << "</summary>";
    if (!href.empty()) out << "<a class=\"file\" href=\"" << href << "\">" << tr(lang, "打开文件", "open the file") << "</a>";
    if (r.status == Status::Unreadable) out << "<p>" << html_escape(r.error_message) << "</p>";
    if (!r.findings.empty()) {
      out << "<ol>";
      for (const Finding& f : r.findings) {
        const std::string place = std::to_string(f.line) + ':' + std::to_string(f.column);  // the summary names the file
        out << "<li class=\"sev-" << severity_name(f.severity) << "\">";
        if (href.empty()) out << "<code>" << place << "</code>";
        else out << "<a class=\"finding\" href=\"" << href << "\"><code>" << place << "</code></a>";
        if (!f.where.empty()) out << " (" << html_escape(f.where) << ')';
        out << " [" << severity_label(f.severity, lang) << "] <code>" << html_escape(f.rule) << "</code> "
            << html_escape(f.message) << "</li>";
      }
      out << "</ol>";
    }
    out << "</details>\n";
  }
  out << "</section>\n";
}

}  // namespace

void write_html(std::ostream& out, const Overview& o, Lang lang) {
  out << "<!DOCTYPE html>\n<html lang=\"" << tr(lang, "zh-CN", "en") << "\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      << "<meta name=\"generator\" content=\"nblint report " << NBLINT_VERSION << "\"><title>"
      << tr(lang, "政府信息公开工作年度报告检查概览", "Annual report overview") << "</title><style>" << kStyle
      << "</style><script>" << kScript << "</script></head><body>\n<header><h1>"
      << tr(lang, "政府信息公开工作年度报告检查概览", "Government information disclosure annual reports: overview")
      << "</h1><p>" << tr(lang, "由 nblint report 生成，", "Made by nblint report ") << NBLINT_VERSION << "</p></header>\n"
      << "<nav><a href=\"#reports\">" << tr(lang, "合规情况", "Compliance") << "</a><a href=\"#rules\">"
      << tr(lang, "规则统计", "Rules") << "</a><a href=\"#worst\">" << tr(lang, "问题最多", "Worst") << "</a><a href=\"#timeline\">"
      << tr(lang, "发布时间", "Timeline") << "</a>";
  if (!o.carry_over.empty()) out << "<a href=\"#carry-over\">" << tr(lang, "跨年度结转", "Carry-over") << "</a>";
  out << "<a href=\"#findings\">" << tr(lang, "问题明细", "Findings") << "</a></nav>\n<main><div class=\"cards\">";
  write_card(out, o.reports.size(), tr(lang, "份报告", "reports"));
  write_card(out, o.failing, tr(lang, "份不合格（有错误）", "with errors"));
  write_card(out, o.late, tr(lang, "份逾期发布", "published late"));
  write_card(out, o.errors, tr(lang, "个错误", "errors"));
  write_card(out, o.warnings, tr(lang, "个警告", "warnings"));
  if (o.unreadable) write_card(out, o.unreadable, tr(lang, "份无法读取", "unreadable"));
  out << "</div>\n";
  write_reports(out, o, lang);
  write_rules(out, o, lang);
  write_worst(out, o, lang);
  write_timeline(out, o, lang);
  write_carry_over(out, o, lang);
  write_findings(out, o, lang);
  out << "</main></body></html>\n";
}

}  // namespace nblint::overview
