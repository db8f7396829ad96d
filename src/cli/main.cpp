// nblint: a linter for Chinese government information disclosure annual reports.
#include <CLI/CLI.hpp>

#include <iostream>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli/commands.h"
#include "cli/end_process.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/report_command.h"
#include "config/baseline.h"
#include "config/config_file.h"
#include "lsp/server.h"
#include "rules/yaml_read.h"
#include "util/interrupt.h"

using nblint::Lang;
using nblint::tr;

namespace {

nblint::FailOn fail_on_level(const std::string& name) {  // CLI11 has checked the name
  return name == "warning" ? nblint::FailOn::Warning
         : name == "info"  ? nblint::FailOn::Info
         : name == "never" ? nblint::FailOn::Never
                           : nblint::FailOn::Error;
}

// --config and --pack-file, as `tree`, `report` and `new` take them.
void add_config_options(CLI::App* cmd, std::string& config, std::vector<std::string>& pack_files, Lang lang) {
  cmd->add_option("--config", config, tr(lang, "使用这个配置文件，不再查找 .nblint.yaml", "use this configuration file instead of finding .nblint.yaml"))
      ->check(CLI::ExistingFile);
  cmd->add_option("--pack-file", pack_files, tr(lang, "加载自定义规则包（YAML，可重复）", "load a user rule pack (YAML, repeatable)"))
      ->allow_extra_args(false)
      ->check(CLI::ExistingFile);
}

}  // namespace

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // A report's (and the packs') many small blocks grow the heap's top and are freed together;
  // glibc then gives back what lies past the top pad, and the next report faults those pages in
  // again, zeroed. A 1 MB pad keeps them: 4,150 -> 3,210 page faults on the bench's UTF-8 row,
  // for at most 1 MB of RSS.
  mallopt(M_TOP_PAD, 1024 * 1024);
#endif
  std::ios::sync_with_stdio(false);
  const Lang lang = nblint::detect_lang(argc, argv);
  CLI::App app{tr(lang,
                  "nblint：政府信息公开工作年度报告检查工具。\n"
                  "检查年报的章节（缺少、为空、顺序、措辞）、统计表（缺表、空格、勾稽关系、与正文不符）、\n"
                  "日期（统计期限、发布期限、错误日期）和模板残留，同次检查的相邻年度报告还核对结转与雷同；\n"
                  "按报告年度自动选用规则包（reg2008 / fmt2019 / fmt2021）。\n"
                  "示例：\n"
                  "  nblint check 年报.txt            检查一个文件\n"
                  "  nblint check reports/ --format json  检查整个目录，输出 JSON\n"
                  "  nblint check --format sarif . > nblint.sarif   供 GitHub 代码扫描\n"
                  "  nblint tree 年报.txt             查看解析出的章节树\n"
                  "  nblint report 年报目录/ -o 概览.html   政务公开办用的概览页面（见 docs/report.md）\n"
                  "  nblint lsp                       编辑器的语言服务器（见 docs/editors.md）\n"
                  "  nblint explain structure/missing-section\n"
                  "  nblint new --organ 青山县交通运输局 --year 2025 -o 年报.md   写出年报框架\n"
                  "配置：从每个文件所在目录向上查找 .nblint.yaml（或用 --config 指定），可调整规则级别、\n"
                  "按路径覆盖、指定机关层级和规则包；报告中可用 <!-- nblint-disable 规则ID --> 等注释抑制；\n"
                  "--write-baseline / --baseline 用基线文件只报告新问题。详见 docs/configuration.md。\n"
                  "退出码：0 无问题；1 有达到 --fail-on 级别的问题（不计被配置、注释或基线排除的）；\n"
                  "2 用法错误、文件无法读取，或配置文件、规则包、基线文件有误。",
                  "nblint: a linter for Chinese government information disclosure annual reports.\n"
                  "Checks sections (missing, empty, order, wording), statistics tables (missing, blank cells,\n"
                  "arithmetic, prose vs table), dates (period, publication deadline, invalid dates) and template\n"
                  "leftovers, and across the reports of one run carry-over and copied text; the rule pack\n"
                  "(reg2008 / fmt2019 / fmt2021) is chosen from the year the report covers.\n"
                  "Examples:\n"
                  "  nblint check report.txt               check one file\n"
                  "  nblint check reports/ --format json   check a directory, JSON output\n"
                  "  nblint check --format sarif . > nblint.sarif   for GitHub code scanning\n"
                  "  nblint tree report.txt                show the parsed section tree\n"
                  "  nblint report reports/ -o overview.html   an overview page for the supervising office\n"
                  "  nblint lsp                            language server for editors (docs/editors.md)\n"
                  "  nblint explain structure/missing-section\n"
                  "  nblint new --organ 青山县交通运输局 --year 2025 -o report.md   write a report skeleton\n"
                  "Configuration: .nblint.yaml, found by walking up from each file (or --config), sets rule\n"
                  "severities, per-path overrides, the organ level and the pack; comments such as\n"
                  "<!-- nblint-disable RULE-ID --> suppress findings in a report; --write-baseline and\n"
                  "--baseline report only new findings. See docs/configuration.md.\n"
                  "Exit codes: 0 clean; 1 findings at or above --fail-on (not counting those the configuration,\n"
                  "comments or baseline hold back); 2 usage error, unreadable input, or a broken configuration,\n"
                  "rule pack or baseline."),
               "nblint"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("nblint ") + NBLINT_VERSION);
  app.set_help_flag("-h,--help", tr(lang, "显示帮助", "show this help"));
  std::string lang_name = lang == Lang::En ? "en" : "zh";
  app.add_option("--lang", lang_name, tr(lang, "输出语言：zh（默认）或 en；也可设环境变量 NBLINT_LANG", "output language: zh (default) or en; or set NBLINT_LANG"))
      ->check(CLI::IsMember({"zh", "en"}));
  app.fallthrough();

  nblint::CheckOptions check;
  check.lang = lang;
  std::string fail_on = "error";
  auto* check_cmd = app.add_subcommand("check", tr(lang, "检查报告文件或目录（目录中递归查找 .txt .md .html .htm .docx .pdf）", "check report files or directories (directories: .txt .md .html .htm .docx .pdf, recursively)"));
  check_cmd->add_option("paths", check.paths, tr(lang, "文件、目录，或 - 表示标准输入", "files, directories, or - for standard input"))->required();
  check_cmd->add_option("--format", check.format,
                        tr(lang,
                           "输出格式：text（默认，带源码行和标记）、json、sarif（GitHub 代码扫描）、github（Actions 注释）、"
                           "gcc（编辑器 quickfix）、rdjson（reviewdog）",
                           "output format: text (default, with the source line and a caret), json, sarif (GitHub code "
                           "scanning), github (Actions annotations), gcc (editor quickfix), rdjson (reviewdog)"))
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "gcc", "rdjson"}));
  check_cmd->add_option("--column-unit", check.column_unit,
                        tr(lang,
                           "列号的计数单位：codepoint（默认，字符）、utf16、byte（UTF-8 字节，如 Vim）、display（显示宽度，"
                           "汉字计 2，如 GCC）；rdjson 固定用 byte",
                           "what columns count: codepoint (default), utf16, byte (UTF-8 bytes, as Vim), display (terminal "
                           "width, CJK counts 2, as GCC); rdjson always uses byte"))
      ->check(CLI::IsMember({"codepoint", "utf16", "byte", "display"}));
  check_cmd->add_option("--color", check.color,
                        tr(lang, "颜色：auto（默认，输出到终端且未设 NO_COLOR 时）、always、never",
                           "colour: auto (default: when stdout is a terminal and NO_COLOR is unset), always, never"))
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check_cmd->add_flag("--no-excerpt", check.no_excerpt,
                      tr(lang, "text 格式不显示问题所在的源码行", "text format: no source line under each finding"));
  check_cmd->add_flag("-q,--quiet", check.quiet, tr(lang, "只报告错误（error）", "report errors only"));
  check_cmd->add_option("--max-warnings", check.max_warnings,
                        tr(lang, "警告多于 N 个时以 1 退出", "exit 1 when there are more than N warnings"))
      ->check(CLI::NonNegativeNumber);
  check_cmd->add_option("--doc-url", check.doc_url,
                        tr(lang, "docs/ 发布的网址，SARIF、rdjson 中的规则链接以此为前缀（默认：安装的文档）",
                           "where docs/ is published; SARIF and rdjson link rule pages under it (default: the installed docs)"));
  check_cmd->add_option("--pack", check.pack, tr(lang, "强制使用规则包：reg2008、fmt2019、fmt2021 或 --pack-file 加载的规则包（默认按报告年度选择）", "force a rule pack: reg2008, fmt2019, fmt2021 or one loaded with --pack-file (default: chosen by report year)"));
  check_cmd->add_option("--fail-on", fail_on, tr(lang, "达到该级别即以 1 退出：error（默认）、warning、info、never", "exit 1 on findings at or above: error (default), warning, info, never"))
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  check_cmd->add_option("--encoding", check.encoding, tr(lang, "指定文本编码（如 gbk、big5、utf-16le），默认自动识别", "text encoding (e.g. gbk, big5, utf-16le); detected by default"));
  check_cmd->add_option("--max-file-size", check.max_file_size, tr(lang, "单个文件大小上限（字节，默认 64 MiB）", "largest file to read, in bytes (default 64 MiB)"));
  check_cmd->add_flag("-v,--verbose", check.verbose, tr(lang, "说明每个文件的编码、规则包和配置文件，以及跳过的文件", "say each file's encoding, pack and configuration file, and which files were skipped"));
  check_cmd->add_option("--config", check.config, tr(lang, "使用这个配置文件，不再查找 .nblint.yaml", "use this configuration file instead of finding .nblint.yaml"))
      ->check(CLI::ExistingFile);
  check_cmd->add_option("--pack-file", check.pack_files, tr(lang, "加载自定义规则包（YAML，可重复）；与内置规则包同名时替换之", "load a user rule pack (YAML, repeatable); one with a built-in pack's id replaces it"))
      ->allow_extra_args(false)  // one file per --pack-file, so the paths after it stay paths
      ->check(CLI::ExistingFile);
  check_cmd->add_option("-j,--jobs", check.jobs, tr(lang, "同时检查的文件数（默认 0：每个 CPU 核心一个）；输出与顺序不受影响", "files checked at once (default 0: one per CPU core); the output does not change"))
      ->check(CLI::Range(0u, 1024u));
  auto* baseline_opt = check_cmd->add_option("--baseline", check.baseline, tr(lang, "只报告不在这个基线文件中的问题", "report only findings that are not in this baseline file"));
  check_cmd->add_option("--write-baseline", check.write_baseline, tr(lang, "把当前的问题写入基线文件（退出码 0）", "record the current findings in a baseline file (exit code 0)"))
      ->excludes(baseline_opt);

  nblint::TreeOptions tree;
  tree.lang = lang;
  auto* tree_cmd = app.add_subcommand("tree", tr(lang, "显示解析出的报告模型：标题、日期、章节树、正文数字和表格", "print the parsed report model: title, dates, section tree, prose facts and tables"));
  tree_cmd->add_option("file", tree.path, tr(lang, "报告文件，或 - 表示标准输入", "report file, or - for standard input"))->required();
  tree_cmd->add_option("--format", tree.format, tr(lang, "输出格式：text（默认）或 json（完整模型，见 docs/model.md）", "output format: text (default) or json (the whole model, see docs/model.md)"))
      ->check(CLI::IsMember({"text", "json"}));
  tree_cmd->add_option("--pack", tree.pack, tr(lang, "强制使用规则包", "force a rule pack"));
  tree_cmd->add_option("--encoding", tree.encoding, tr(lang, "指定文本编码，默认自动识别", "text encoding; detected by default"));
  tree_cmd->add_flag("-v,--verbose", tree.verbose, tr(lang, "说明表格中未能绑定的内容及原因", "say what in the tables could not be bound, and why"));
  add_config_options(tree_cmd, tree.config, tree.pack_files, lang);

  nblint::ReportOptions report;
  report.lang = lang;
  std::string report_fail_on = "error";
  auto* report_cmd = app.add_subcommand(
      "report",
      tr(lang,
         "为政务公开办生成一个地区全部年报的概览：单个 HTML 页面（离线可用，无外部资源），含各机关合规表、各规则问题数图、"
         "问题最多的报告、发布日期与期限时间线、跨年度结转核对，以及每个问题的文件和行列号；或用 --format csv 输出"
         "各报告一行的表格（UTF-8 带 BOM，Excel 可直接打开）。详见 docs/report.md。\n"
         "示例：nblint report 各部门年报/ -o 概览.html    nblint report 各部门年报/ --format csv -o 概览.csv\n"
         "退出码同 check：0 无问题；1 有达到 --fail-on 级别的问题；2 用法错误、文件无法读取、配置有误或无法写入输出。",
         "An overview of every annual report of an area, for the office that supervises them: one self-contained HTML "
         "page (works offline, no external resources) with compliance per report, findings per rule as a chart, the "
         "reports that fail most, a timeline of publication dates against the deadlines, the carry-over between years, "
         "and every finding with its file, line and column; or with --format csv the per-report table (UTF-8 with a "
         "BOM, opens in Excel). See docs/report.md.\n"
         "Examples: nblint report reports/ -o overview.html    nblint report reports/ --format csv -o overview.csv\n"
         "Exit codes as check: 0 clean; 1 findings at or above --fail-on; 2 usage error, unreadable input, broken "
         "configuration, or the output could not be written."));
  report_cmd->add_option("paths", report.paths, tr(lang, "报告文件或目录", "report files or directories"))->required();
  report_cmd->add_option("-o,--output", report.output,
                         tr(lang, "写入这个文件（原子写入：先写临时文件再改名；不会覆盖被检查的报告）；默认输出到标准输出",
                            "write to this file (atomically: a temporary file renamed over it; never a report being checked); default: standard output"));
  report_cmd->add_option("--format", report.format, tr(lang, "html（默认，概览页面）或 csv（各报告一行）", "html (default, the overview page) or csv (one row per report)"))
      ->check(CLI::IsMember({"html", "csv"}));
  report_cmd->add_option("--fail-on", report_fail_on, tr(lang, "达到该级别即以 1 退出：error（默认）、warning、info、never", "exit 1 on findings at or above: error (default), warning, info, never"))
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  report_cmd->add_option("--pack", report.pack, tr(lang, "强制使用规则包（默认按报告年度选择）", "force a rule pack (default: chosen by report year)"));
  report_cmd->add_option("--encoding", report.encoding, tr(lang, "指定文本编码，默认自动识别", "text encoding; detected by default"));
  report_cmd->add_option("--max-file-size", report.max_file_size, tr(lang, "单个文件大小上限（字节，默认 64 MiB）", "largest file to read, in bytes (default 64 MiB)"));
  add_config_options(report_cmd, report.config, report.pack_files, lang);
  report_cmd->add_option("-j,--jobs", report.jobs, tr(lang, "同时检查的文件数（默认 0：每个 CPU 核心一个）", "files checked at once (default 0: one per CPU core)"))
      ->check(CLI::Range(0u, 1024u));
  report_cmd->add_flag("-v,--verbose", report.verbose, tr(lang, "说明每个文件的编码、规则包和配置文件", "say each file's encoding, pack and configuration file"));

  std::string rules_pack;
  auto* rules_cmd = app.add_subcommand("rules", tr(lang, "列出各规则包的规则（编号、级别、说明）", "list each pack's rules (id, severity, summary)"));
  rules_cmd->add_option("--pack", rules_pack, tr(lang, "只列出这个规则包", "list only this pack"));

  std::string explain_id;
  auto* explain_cmd = app.add_subcommand("explain", tr(lang, "显示规则的说明文档", "print a rule's documentation page"));
  explain_cmd->add_option("rule", explain_id, tr(lang, "规则编号，如 structure/missing-section", "rule id, e.g. structure/missing-section"))->required();

  nblint::NewOptions new_opts;
  new_opts.lang = lang;
  auto* new_cmd = app.add_subcommand("new", tr(lang, "写出一份年报框架（Markdown）：标题、统计期限、各部分标题和全部统计表（单元格留空）",
                                               "write a report skeleton (Markdown, in Chinese): title, period, section headings, every table with empty cells"));
  new_cmd->footer(tr(lang,
                     "示例：\n"
                     "  nblint new --organ 青山县交通运输局 --year 2025 -o 年报.md\n"
                     "按报告年度选用规则包（与 check 相同），写出标题、统计期限语句、各部分标题（附填写提示）和全部统计表。\n"
                     "然后填写各部分和表格，用 nblint check 年报.md 检查；框架本身只会报告空白单元格。详见 docs/new.md。",
                     "Example:\n"
                     "  nblint new --organ 青山县交通运输局 --year 2025 -o report.md\n"
                     "The pack is the one for the report year (as check chooses it); the skeleton holds the title, the\n"
                     "statistical period, the section headings (with a line of guidance) and every table. Write the\n"
                     "sections, fill in the tables and run nblint check report.md; the skeleton itself gives only\n"
                     "blank-cell findings. See docs/new.md."));
  new_cmd->add_option("--organ", new_opts.organ, tr(lang, "机关名称，写入标题，如 青山县交通运输局", "the organ's name, for the title, e.g. 青山县交通运输局"))->required();
  new_cmd->add_option("--year", new_opts.year, tr(lang, "报告年度（报告总结的年度，2026 年初发布的报告为 2025）", "the report year (the year covered: 2025 for a report published early in 2026)"))->required();
  new_cmd->add_option("--pack", new_opts.pack, tr(lang, "规则包（默认：配置文件指定的，否则按报告年度选择，与 check 相同）", "rule pack (default: the configuration's, else chosen by the report year, as check does)"));
  new_cmd->add_option("-o,--output", new_opts.output, tr(lang, "写入这个文件（默认：标准输出）；已存在时不覆盖", "write to this file (default: standard output); an existing file is left alone"));
  new_cmd->add_flag("--force", new_opts.force, tr(lang, "允许 -o 覆盖已有文件", "let -o replace an existing file"));
  add_config_options(new_cmd, new_opts.config, new_opts.pack_files, lang);

  nblint::lsp::ServerOptions lsp;
  auto* lsp_cmd = app.add_subcommand("lsp", tr(lang, "以语言服务器（LSP，标准输入输出）方式运行，供编辑器使用；见 docs/editors.md",
                                               "run as a language server (LSP over standard input and output) for editors; see docs/editors.md"));
  lsp_cmd->add_option("--doc-url", lsp.doc_base, tr(lang, "规则说明链接的前缀（docs/ 发布的网址；默认：安装的文档）",
                                                     "where docs/ is published, for the rule page links (default: the installed docs)"));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return nblint::kExitTrouble;
  }

  nblint::install_interrupt_handlers(
      tr(lang, "nblint: 运行被中断，已停止（不会留下写了一半的基线文件，原有文件不变）",
         "nblint: interrupted, stopped (no half-written baseline is left; existing files are unchanged)"));
  // The command's exit status; end_process then flushes and checks the output and exits.
  const int code = [&] {
    try {
      if (*check_cmd) {
        check.fail_on = fail_on_level(fail_on);
        return nblint::run_check(check);
      }
      if (*report_cmd) {
        report.fail_on = fail_on_level(report_fail_on);
        return nblint::run_report(report);
      }
      if (*tree_cmd) return nblint::run_tree(tree);
      if (*rules_cmd) return nblint::run_rules(rules_pack, lang);
      if (*explain_cmd) return nblint::run_explain(explain_id, lang);
      if (*new_cmd) return nblint::run_new(new_opts);
      if (*lsp_cmd) {
        lsp.lang = lang;
        return nblint::run_lsp(lsp);
      }
    } catch (const nblint::ConfigError& e) {
      std::cerr << "nblint: " << tr(lang, "配置文件有误：", "broken configuration: ") << e.what() << '\n';
      return nblint::kExitTrouble;
    } catch (const nblint::BaselineError& e) {
      std::cerr << "nblint: " << tr(lang, "基线文件有误：", "broken baseline: ") << e.what() << '\n';
      return nblint::kExitTrouble;
    } catch (const nblint::PackError& e) {
      std::cerr << "nblint: " << tr(lang, "规则包有误：", "broken rule pack: ") << e.what() << '\n';
      return nblint::kExitTrouble;
    } catch (const std::exception& e) {
      std::cerr << "nblint: " << tr(lang, "内部错误：", "internal error: ") << e.what() << '\n';
      return nblint::kExitTrouble;
    }
    return nblint::kExitTrouble;
  }();
  if (*lsp_cmd) return code;  // the language server's exit status is the protocol's (0 after shutdown)
  nblint::end_process(code, lang);
}
