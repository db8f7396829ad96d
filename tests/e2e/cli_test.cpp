// The command line as users meet it: formats, languages, exit codes, stdin, directories.
#include <doctest/doctest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "support/run.h"

using namespace nblint::test;
namespace fs = std::filesystem;

namespace {

const std::string kEmptyThree =
    "青山县2021年政府信息公开工作年度报告\n"
    "一、总体情况\n正文。\n"
    "二、主动公开政府信息情况\n正文。\n"
    "三、收到和处理政府信息公开申请情况\n"
    "四、政府信息公开行政复议、行政诉讼情况\n正文。\n"
    "五、存在的主要问题及改进情况\n正文。\n"
    "六、其他需要报告的事项\n无。\n";

fs::path temp_dir(const std::string& name) { return fresh_temp_dir("cli", name); }

}  // namespace

TEST_CASE("cli: text output is path:line:column: severity: message [rule-id], in Chinese") {
  const RunResult r = run_nblint({"check", "-"}, kEmptyThree);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("<stdin>:6:1: error: 章节“三、收到和处理政府信息公开申请情况”没有内容") != std::string::npos);
  CHECK(r.out.find("[structure/empty-section]\n") != std::string::npos);
  CHECK(r.out.find("<stdin>:1:4: info: 报告年度 2021") != std::string::npos);
  // The errors: one empty section, no tables in sections 二 and 四 (table/missing); the warnings:
  // no statistical period (date/period-missing), 五 is one word (structure/thin-section).
  CHECK(r.err.find("已检查 1 个文件：3 个错误，2 个警告") != std::string::npos);
}

TEST_CASE("cli: --lang en and NBLINT_LANG=en switch messages to English") {
  const RunResult r = run_nblint({"check", "--lang", "en", "-"}, kEmptyThree);
  CHECK(r.out.find("error: section “三、收到和处理政府信息公开申请情况” is empty") != std::string::npos);
  const RunResult env = run_nblint({"check", "-"}, kEmptyThree, "NBLINT_LANG=en");
  CHECK(env.out.find("is empty") != std::string::npos);
}

TEST_CASE("cli: JSON output is one document with the documented fields") {
  const RunResult r = run_nblint({"check", "--format", "json", "-"}, kEmptyThree);
  CHECK(r.exit_code == 1);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["version"].is_string());
  REQUIRE(doc["files"].size() == 1);
  const auto& file = doc["files"][0];
  CHECK(file["path"] == "<stdin>");
  CHECK(file["pack"] == "fmt2021");
  const auto& all = file["diagnostics"];
  const auto found = std::find_if(all.begin(), all.end(), [](const auto& d) { return d["rule"] == "structure/empty-section"; });
  REQUIRE(found != all.end());
  const auto& d = *found;
  CHECK(d["severity"] == "error");
  CHECK(d["line"] == 6);
  CHECK(d["column"] == 1);
  CHECK(d["end_line"] == 6);
  CHECK(d["end_column"] == 18);  // 三、 + 15 characters; the end is exclusive
}

TEST_CASE("cli: --fail-on moves the threshold, --pack forces a pack") {
  const std::string order_only =
      "2022年度政府信息公开工作年度报告\n一、总体情况\n正文。\n三、收到和处理政府信息公开申请情况\n正文。\n"
      "二、主动公开政府信息情况\n正文。\n四、政府信息公开行政复议、行政诉讼情况\n正文。\n"
      "五、存在的主要问题及改进情况\n正文。\n六、其他需要报告的事项\n无。\n";
  // Blank table cells are warnings only.
  const std::string warnings_only = (source_dir() / "tests" / "fixtures" / "tables" / "pipe-cells-padded.txt").string();
  CHECK(run_nblint({"check", warnings_only}).exit_code == 0);
  CHECK(run_nblint({"check", "--fail-on", "warning", warnings_only}).exit_code == 1);
  CHECK(run_nblint({"check", "--fail-on", "never", "-"}, kEmptyThree).exit_code == 0);
  const RunResult forced = run_nblint({"check", "--pack", "reg2008", "--format", "json", "-"}, order_only);
  CHECK(nlohmann::json::parse(forced.out)["files"][0]["pack"] == "reg2008");
  const RunResult unknown = run_nblint({"check", "--pack", "fmt1999", "-"}, order_only);
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("fmt1999") != std::string::npos);
}

TEST_CASE("cli: unreadable and missing inputs exit 2 naming the file, other files are still checked") {
  const fs::path dir = temp_dir("unreadable");
  const fs::path good = dir / "good.txt";
  std::ofstream(good) << kEmptyThree;
  const fs::path empty = dir / "empty.txt";
  std::ofstream(empty) << "";
  const RunResult r = run_nblint({"check", (dir / "nope.txt").string(), empty.string(), good.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("nope.txt：路径不存在") != std::string::npos);
  CHECK(r.err.find("empty.txt：无法读取，文件为空") != std::string::npos);
  CHECK(r.out.find("good.txt:6:1: error") != std::string::npos);
}

TEST_CASE("cli: results that cannot be written are an error (exit 2), never a silent success") {
  if (!fs::exists("/dev/full")) {
    MESSAGE("skipped: no /dev/full on this system");
    return;
  }
  const fs::path dir = temp_dir("unwritable-output");
  const fs::path report = dir / "report.txt";
  std::ofstream(report) << kEmptyThree;
  const std::string nblint = shell_quote(NBLINT_BINARY);
  // The same report, written to a file, exits 1 (findings); to a full disk, 2 with the reason.
  for (const char* format : {"text", "json"}) {
    CAPTURE(format);
    const std::string args = std::string(" check --format ") + format + " " + shell_quote(report.string());
    const RunResult written = run_shell(nblint + args);
    CHECK(written.exit_code == 1);
    CHECK(written.out.find("structure/empty-section") != std::string::npos);
    const RunResult full = run_shell(nblint + args + " >/dev/full");
    CHECK(full.exit_code == 2);
    CHECK(full.err.find("nblint: 无法写出结果（标准输出写入失败") != std::string::npos);
  }
  const RunResult en = run_shell(nblint + " --lang en tree " + shell_quote(report.string()) + " >/dev/full");
  CHECK(en.exit_code == 2);
  CHECK(en.err.find("nblint: could not write the results") != std::string::npos);
  // Output that does fit is all there after the exit (flushed before it): the last section's line.
  const RunResult tree = run_shell(nblint + " tree " + shell_quote(report.string()));
  CHECK(tree.exit_code == 0);
  CHECK(tree.out.find("六、其他需要报告的事项") != std::string::npos);
}

TEST_CASE("cli: directories are walked recursively in sorted order, other formats are noted under -v") {
  const fs::path dir = temp_dir("walk");
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "b.txt") << kEmptyThree;
  std::ofstream(dir / "sub" / "a.md") << kEmptyThree;
  std::ofstream(dir / "notes.xlsx") << "PK";
  const RunResult r = run_nblint({"check", "--format", "json", "-v", dir.string()});
  const auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["files"].size() == 2);
  CHECK(doc["files"][0]["path"].get<std::string>().ends_with("b.txt"));
  CHECK(doc["files"][1]["path"].get<std::string>().ends_with("sub/a.md"));
  CHECK(r.err.find("notes.xlsx") != std::string::npos);
  const fs::path none = temp_dir("nothing");
  const RunResult nothing = run_nblint({"check", none.string()});
  CHECK(nothing.exit_code == 2);
  CHECK(nothing.err.find("没有检查任何文件") != std::string::npos);
}

TEST_CASE("cli: the walk sorts by name, a directory before a file it prefixes, and follows links") {
  // The walk keeps each entry's listed type with its name; these are the cases where that could
  // go wrong: a name that is a prefix of another, a link to a file, a link to a directory.
  const fs::path dir = temp_dir("walk-kinds");
  const fs::path outside = temp_dir("walk-kinds-outside");
  fs::create_directories(dir / "a");
  std::ofstream(dir / "a" / "x.txt") << kEmptyThree;
  std::ofstream(dir / "a.txt") << kEmptyThree;
  std::ofstream(outside / "y.txt") << kEmptyThree;
  fs::create_symlink(dir / "a.txt", dir / "b-link.txt");
  fs::create_directory_symlink(outside, dir / "c-dirlink");
  const RunResult r = run_nblint({"check", "--format", "json", dir.string()});
  const auto doc = nlohmann::json::parse(r.out);
  std::vector<std::string> paths;
  for (const auto& f : doc["files"]) paths.push_back(fs::path(f["path"].get<std::string>()).lexically_relative(dir).string());
  CHECK(paths == std::vector<std::string>{"a/x.txt", "a.txt", "b-link.txt", "c-dirlink/y.txt"});
}

TEST_CASE("cli: tree, rules, explain, --help and --version") {
  const RunResult tree = run_nblint({"tree", "-"}, kEmptyThree);
  CHECK(tree.exit_code == 0);
  CHECK(tree.out.find("    2  一、总体情况    [层级 1 · 一、 · 序号 1]") != std::string::npos);
  CHECK(tree.out.find("规则包：fmt2021（报告年度 2021）") != std::string::npos);

  const RunResult rules = run_nblint({"rules"});
  CHECK(rules.exit_code == 0);
  for (const char* id : {"reg2008", "fmt2019", "fmt2021", "structure/missing-section", "structure/empty-section",
                         "structure/section-order", "meta/pack"})
    CHECK(rules.out.find(id) != std::string::npos);

  const RunResult explain = run_nblint({"explain", "structure/missing-section"});
  CHECK(explain.exit_code == 0);
  CHECK(explain.out.starts_with("# structure/missing-section"));
  CHECK(run_nblint({"explain", "no/such-rule"}).exit_code == 2);

  const RunResult help = run_nblint({"check", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--fail-on") != std::string::npos);
  CHECK(run_nblint({"--version"}).out.starts_with("nblint "));
  CHECK(run_nblint({"check"}).exit_code == 2);
  CHECK(run_nblint({"frobnicate"}).exit_code == 2);
}

TEST_CASE("cli: JSON names an unreadable file and why, and still lists the others") {
  const fs::path dir = temp_dir("json-error");
  const fs::path empty = dir / "empty.txt";
  std::ofstream(empty) << "";
  const RunResult r = run_nblint({"check", "--format", "json", "--lang", "en", empty.string(), "-"}, kEmptyThree);
  CHECK(r.exit_code == 2);
  const auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["files"].size() == 2);
  CHECK(doc["files"][0]["error"] == "file is empty");
  CHECK(doc["files"][0]["pack"].is_null());
  // meta/pack, structure/empty-section, 2 × table/missing, date/period-missing,
  // date/publish-deadline (no date: info), structure/thin-section.
  CHECK(doc["files"][1]["diagnostics"].size() == 7);
}

TEST_CASE("cli: bad inputs each get one line naming the file and the reason, the run goes on") {
  const fs::path dir = temp_dir("bad-inputs");
  std::ofstream(dir / "a-binary.txt", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20);
  std::ofstream(dir / "b-damaged.docx", std::ios::binary) << "PK\x03\x04 this is not really a zip";
  std::ofstream(dir / "c-old.docx", std::ios::binary) << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << "rest";
  std::ofstream(dir / "d-good.txt") << kEmptyThree;
  fs::create_symlink(dir / "nowhere.txt", dir / "e-broken.txt");
  std::ofstream(dir / "f-big.txt") << kEmptyThree;
  const RunResult r = run_nblint({"check", "--max-file-size", "100", dir.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("a-binary.txt：无法读取，是二进制文件") != std::string::npos);
  CHECK(r.err.find("b-damaged.docx：无法读取，.docx 文件已损坏") != std::string::npos);
  CHECK(r.err.find("c-old.docx：无法读取，.docx 文件已加密") != std::string::npos);
  CHECK(r.err.find("e-broken.txt：符号链接指向的文件不存在") != std::string::npos);
  CHECK(r.err.find("f-big.txt：无法读取，文件超过大小上限") != std::string::npos);
  CHECK(r.out.find("d-good.txt") == std::string::npos);  // over 100 bytes as well
  const RunResult good = run_nblint({"check", (dir / "d-good.txt").string()});
  CHECK(good.exit_code == 1);
}

TEST_CASE("cli: a directory nblint may not read is reported, not skipped") {
  if (::geteuid() == 0) {
    MESSAGE("skipped: running as root, which may read any directory");
    return;
  }
  const fs::path dir = temp_dir("no-permission");
  fs::create_directories(dir / "closed");
  std::ofstream(dir / "open.txt") << kEmptyThree;
  fs::permissions(dir / "closed", fs::perms::none);
  const RunResult r = run_nblint({"check", dir.string()});
  fs::permissions(dir / "closed", fs::perms::owner_all);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("closed：无法读取目录") != std::string::npos);
  CHECK(r.out.find("open.txt:6:1: error") != std::string::npos);
}

TEST_CASE("cli: --encoding overrides detection, --verbose names format and encoding") {
  const RunResult v = run_nblint({"check", "-v", "-"}, kEmptyThree);
  CHECK(v.err.find("<stdin>：格式 text，编码 UTF-8（依据：UTF-8 check）") != std::string::npos);
  const RunResult bad = run_nblint({"check", "--encoding", "no-such-charset", "-"}, kEmptyThree);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--encoding 指定的编码未知：no-such-charset") != std::string::npos);
}
