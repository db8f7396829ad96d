// `nblint lsp` as an editor meets it: the real binary, spawned with pipes, driven by a scripted
// JSON-RPC client (tests/support/lsp_client.h). The report lives in a temporary directory with
// a .nblint.yaml, so the server must discover the configuration as `nblint check` does.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "util/file_uri.h"
#include "support/lsp_client.h"
#include "support/run.h"

using namespace nblint::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A 2023 report (pack fmt2021) without section 六. Line 10 (0-based) has CJK and 𠀋 (outside
// the BMP: two UTF-16 units, four UTF-8 bytes) before a template placeholder "XX".
const std::string kReport =
    "青山县交通运输局2023年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "2023年，本局围绕农村公路建设养护和道路运输管理确定年度公开重点，全年主动公开政府信息652条。\n"
    "二、主动公开政府信息情况\n"
    "本局在县政府门户网站本局专栏主动公开政府信息652条，其中行政执法结果信息223条。\n"
    "三、收到和处理政府信息公开申请情况\n"
    "本局新收政府信息公开申请24件，上年结转2件，均已按期办结。\n"
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。\n"
    "五、存在的主要问题及改进情况\n"
    "本机关𠀋共收到XX件建议，主要问题是栏目更新不够及时、解读材料偏少。下一年度将建立栏目更新台账，每月通报，并增加图解和视频解读。\n";
constexpr int kPlaceholderLine = 10;
constexpr int kPlaceholderCharacter = 8;  // 本机关 (3) + 𠀋 (2) + 共收到 (3); 7 code points, 22 bytes

const json* find_code(const json& diagnostics, const std::string& code) {
  for (const json& d : diagnostics)
    if (d.value("code", "") == code) return &d;
  return nullptr;
}

json position(int line, int character) { return {{"line", line}, {"character", character}}; }

// Applies one LSP TextEdit to `text` (positions converted independently of the server).
std::string apply_edit(std::string text, const json& edit) {
  const json& r = edit["range"];
  const std::size_t begin = utf16_position_to_offset(text, r["start"]["line"], r["start"]["character"]);
  const std::size_t end = utf16_position_to_offset(text, r["end"]["line"], r["end"]["character"]);
  return text.replace(begin, end - begin, edit["newText"].get<std::string>());
}

void initialize(LspClient& client) {
  REQUIRE(client.started());
  REQUIRE(client.request(1, "initialize", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}}));
  const auto init = client.response(1);
  REQUIRE(init);
  const json& caps = (*init)["result"]["capabilities"];
  CHECK(caps["positionEncoding"] == "utf-16");
  CHECK(caps["textDocumentSync"]["openClose"] == true);
  CHECK(caps["textDocumentSync"]["change"] == 1);
  CHECK(caps["textDocumentSync"]["save"].is_object());
  CHECK(caps["codeActionProvider"]["codeActionKinds"] == json::array({"quickfix"}));
  REQUIRE(client.notify("initialized", json::object()));
}

void shutdown_and_exit(LspClient& client, int id) {
  REQUIRE(client.request(id, "shutdown", nullptr));
  const auto done = client.response(id);
  REQUIRE(done);
  CHECK((*done)["result"].is_null());
  REQUIRE(client.notify("exit", nullptr));
  CHECK(client.wait_exit() == 0);
}

}  // namespace

TEST_CASE("lsp: diagnostics in UTF-16, the missing-section quick fix, didChange and didClose") {
  const fs::path dir = fresh_temp_dir("nblint-lsp", "session");
  const fs::path file = dir / "年报 2023.txt";  // a blank and CJK in the URI: percent-encoded
  write_file(file, kReport);
  // The editor must read the same configuration as `nblint check`: placeholders become warnings.
  write_file(dir / ".nblint.yaml", "rules:\n  text/placeholder: warning\n");
  const std::string uri = nblint::file_uri(file.string());
  REQUIRE(uri.find("%20") != std::string::npos);

  LspClient client;
  initialize(client);
  REQUIRE(client.notify("textDocument/didOpen",
                        {{"textDocument", {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", kReport}}}}));
  auto published = client.notification("textDocument/publishDiagnostics");
  REQUIRE(published);
  const json& params = (*published)["params"];
  CHECK(params["uri"] == uri);
  CHECK(params["version"] == 1);

  const json* placeholder = find_code(params["diagnostics"], "text/placeholder");
  REQUIRE(placeholder);
  // UTF-16 units, not code points (7) nor bytes (22).
  CHECK((*placeholder)["range"]["start"] == position(kPlaceholderLine, kPlaceholderCharacter));
  CHECK((*placeholder)["range"]["end"] == position(kPlaceholderLine, kPlaceholderCharacter + 2));
  CHECK((*placeholder)["severity"] == 2);  // error in fmt2021, warning by .nblint.yaml
  CHECK((*placeholder)["source"] == "nblint");

  const json* missing = find_code(params["diagnostics"], "structure/missing-section");
  REQUIRE(missing);
  CHECK((*missing)["severity"] == 1);
  CHECK((*missing)["source"] == "nblint");
  CHECK((*missing)["message"].get<std::string>().find("六、其他需要报告的事项") != std::string::npos);
  CHECK((*missing)["codeDescription"]["href"] ==
        nblint::file_uri(NBLINT_DOC_DIR) + "/rules/structure/missing-section.md");
  const json missing_range = (*missing)["range"];

  // The quick fix for the missing section, asked for at the diagnostic.
  REQUIRE(client.request(2, "textDocument/codeAction",
                         {{"textDocument", {{"uri", uri}}},
                          {"range", missing_range},
                          {"context", {{"diagnostics", {*missing}}, {"only", {"quickfix"}}}}}));
  const auto actions = client.response(2);
  REQUIRE(actions);
  REQUIRE((*actions)["result"].size() == 1);
  const json& action = (*actions)["result"][0];
  CHECK(action["kind"] == "quickfix");
  CHECK(action["title"].get<std::string>().find("六、其他需要报告的事项") != std::string::npos);
  CHECK(action["diagnostics"][0]["code"] == "structure/missing-section");
  const json& edits = action["edit"]["changes"][uri];
  REQUIRE(edits.size() == 1);
  const std::string fixed = apply_edit(kReport, edits[0]);
  CHECK(fixed.ends_with("下一年度将建立栏目更新台账，每月通报，并增加图解和视频解读。\n六、其他需要报告的事项\n无。\n"));

  // No quick fix where none is certain: the placeholder's range.
  REQUIRE(client.request(3, "textDocument/codeAction",
                         {{"textDocument", {{"uri", uri}}}, {"range", (*placeholder)["range"]}, {"context", {{"diagnostics", json::array()}}}}));
  const auto none = client.response(3);
  REQUIRE(none);
  CHECK((*none)["result"] == json::array());

  // The edited text: section 六 is there, the placeholder is still reported.
  REQUIRE(client.notify("textDocument/didChange",
                        {{"textDocument", {{"uri", uri}, {"version", 2}}}, {"contentChanges", {{{"text", fixed}}}}}));
  published = client.notification("textDocument/publishDiagnostics");
  REQUIRE(published);
  CHECK((*published)["params"]["version"] == 2);
  CHECK(find_code((*published)["params"]["diagnostics"], "structure/missing-section") == nullptr);
  CHECK(find_code((*published)["params"]["diagnostics"], "text/placeholder") != nullptr);

  // Saving re-lints (and re-reads the configuration): placeholders off now.
  write_file(dir / ".nblint.yaml", "rules:\n  text/placeholder: off\n");
  REQUIRE(client.notify("textDocument/didSave", {{"textDocument", {{"uri", uri}}}}));
  published = client.notification("textDocument/publishDiagnostics");
  REQUIRE(published);
  CHECK(find_code((*published)["params"]["diagnostics"], "text/placeholder") == nullptr);

  REQUIRE(client.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}}));
  published = client.notification("textDocument/publishDiagnostics");
  REQUIRE(published);
  CHECK((*published)["params"]["uri"] == uri);
  CHECK((*published)["params"]["diagnostics"] == json::array());

  shutdown_and_exit(client, 4);
}

TEST_CASE("lsp: --doc-url sets the rule page links, Markdown headings keep their #, no fix inside HTML") {
  const fs::path dir = fresh_temp_dir("nblint-lsp", "markdown");
  std::string markdown, html = "<html><body>\n";
  for (std::size_t at = 0; at < kReport.size();) {  // "## " before each heading; <p> around each line
    const std::size_t nl = kReport.find('\n', at);
    const std::string line = kReport.substr(at, nl - at);
    markdown += (line.find("、") == 3 && line.size() < 80 ? "## " : "") + line + "\n";
    html += "<p>" + line + "</p>\n";
    at = nl + 1;
  }
  html += "</body></html>\n";

  LspClient client({"--doc-url", "https://example.org/nblint/docs"});
  initialize(client);
  int id = 2;
  // The missing-section finding of a document just opened, and the code actions offered at it.
  const auto missing_and_actions = [&](const std::string& uri, const std::string& language, const std::string& text) {
    REQUIRE(client.notify("textDocument/didOpen",
                          {{"textDocument", {{"uri", uri}, {"languageId", language}, {"version", 1}, {"text", text}}}}));
    const auto published = client.notification("textDocument/publishDiagnostics");
    REQUIRE(published);
    const json* missing = find_code((*published)["params"]["diagnostics"], "structure/missing-section");
    REQUIRE(missing);
    REQUIRE(client.request(id, "textDocument/codeAction",
                           {{"textDocument", {{"uri", uri}}}, {"range", (*missing)["range"]}, {"context", {{"diagnostics", {*missing}}}}}));
    const auto actions = client.response(id++);
    REQUIRE(actions);
    return std::pair(*missing, (*actions)["result"]);
  };

  const std::string uri = nblint::file_uri((dir / "report.md").string());
  const auto [missing, actions] = missing_and_actions(uri, "markdown", markdown);
  CHECK(missing["codeDescription"]["href"] == "https://example.org/nblint/docs/rules/structure/missing-section.md");
  REQUIRE(actions.size() == 1);
  const std::string fixed = apply_edit(markdown, actions[0]["edit"]["changes"][uri][0]);
  CHECK(fixed.ends_with("视频解读。\n## 六、其他需要报告的事项\n无。\n"));

  // The same report as HTML: the finding, but no plain-text fix inside markup.
  const auto [html_missing, html_actions] = missing_and_actions(nblint::file_uri((dir / "report.html").string()), "html", html);
  CHECK(html_missing["code"] == "structure/missing-section");
  CHECK(html_actions == json::array());
  shutdown_and_exit(client, id);
}

TEST_CASE("lsp: protocol errors get JSON-RPC errors and the server keeps running") {
  LspClient client;
  REQUIRE(client.started());
  // Before initialize, requests are refused.
  REQUIRE(client.request(1, "textDocument/codeAction", json::object()));
  auto r = client.response(1);
  REQUIRE(r);
  CHECK((*r)["error"]["code"] == -32002);
  initialize(client);  // its `initialized` notification gets no answer: the next message is the ParseError
  // Malformed JSON: ParseError with a null id.
  REQUIRE(client.send_raw("Content-Length: 9\r\n\r\n{\"id\": 2,"));
  auto m = client.receive();
  REQUIRE(m);
  CHECK((*m)["error"]["code"] == -32700);
  CHECK((*m)["id"].is_null());
  // Well-formed JSON with a number too large for a double (fuzz_lsp: the parser throws
  // out_of_range, not parse_error, and the server died): a ParseError as well.
  const std::string huge = "{\"jsonrpc\": \"2.0\", \"id\": 4e862023, \"method\": \"x\"}";
  REQUIRE(client.send_raw("Content-Length: " + std::to_string(huge.size()) + "\r\n\r\n" + huge));
  m = client.receive();
  REQUIRE(m);
  CHECK((*m)["error"]["code"] == -32700);
  CHECK((*m)["id"].is_null());
  // An unknown request: MethodNotFound; an unknown notification: nothing at all.
  REQUIRE(client.notify("workspace/didChangeWatchedFiles", {{"changes", json::array()}}));
  REQUIRE(client.request(3, "textDocument/hover", {{"textDocument", {{"uri", "file:///x.txt"}}}}));
  m = client.receive();
  REQUIRE(m);
  CHECK((*m)["id"] == 3);
  CHECK((*m)["error"]["code"] == -32601);
  // Still serving.
  shutdown_and_exit(client, 4);
}

TEST_CASE("lsp: exit without shutdown ends with 1, a bad header or the end of input ends it") {
  SUBCASE("exit without shutdown") {
    LspClient client;
    initialize(client);
    REQUIRE(client.notify("exit", nullptr));
    CHECK(client.wait_exit() == 1);
  }
  SUBCASE("a Content-Length that is not a number") {
    LspClient client;
    initialize(client);
    client.send_raw("Content-Length: many\r\n\r\n{}");
    CHECK(client.wait_exit() == 1);
  }
  SUBCASE("the input ends after shutdown") {
    LspClient client;
    initialize(client);
    REQUIRE(client.request(2, "shutdown", nullptr));
    REQUIRE(client.response(2));
    client.close_input();
    CHECK(client.wait_exit() == 0);
  }
}

TEST_CASE("lsp: a broken .nblint.yaml is shown once as an error and gives no findings") {
  const fs::path dir = fresh_temp_dir("nblint-lsp", "broken-config");
  write_file(dir / ".nblint.yaml", "rules:\n  structure/no-such-rule: off\n");
  const std::string uri = nblint::file_uri((dir / "report.txt").string());
  LspClient client;
  initialize(client);
  REQUIRE(client.notify("textDocument/didOpen",
                        {{"textDocument", {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", kReport}}}}));
  const auto shown = client.receive();
  REQUIRE(shown);
  CHECK((*shown)["method"] == "window/showMessage");
  CHECK((*shown)["params"]["type"] == 1);
  CHECK((*shown)["params"]["message"].get<std::string>().find("structure/no-such-rule") != std::string::npos);
  const auto published = client.receive();
  REQUIRE(published);
  CHECK((*published)["method"] == "textDocument/publishDiagnostics");
  CHECK((*published)["params"]["diagnostics"] == json::array());
  // Mended: the findings come back on the next change.
  write_file(dir / ".nblint.yaml", "rules:\n  text/placeholder: off\n");
  REQUIRE(client.notify("textDocument/didChange",
                        {{"textDocument", {{"uri", uri}, {"version", 2}}}, {"contentChanges", {{{"text", kReport}}}}}));
  const auto again = client.receive();
  REQUIRE(again);
  CHECK((*again)["method"] == "textDocument/publishDiagnostics");
  CHECK(find_code((*again)["params"]["diagnostics"], "structure/missing-section") != nullptr);
  shutdown_and_exit(client, 2);
}
