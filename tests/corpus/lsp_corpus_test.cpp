// The editor and the command line agree on the real reports of ../shared/corpus: every report
// opened in `nblint lsp` gets the findings `nblint check` prints for it (checks across reports
// aside), at the same places once columns are converted (code points from 1 → UTF-16 units from
// 0); and every quick fix the server offers there removes the finding it mends.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <nlohmann/json.hpp>

#include "util/file_uri.h"
#include "support/lsp_client.h"
#include "support/run.h"

using namespace nblint::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Findings that need the whole run (other reports), which the server does not produce.
bool across_reports(const std::string& rule) {
  return rule.starts_with("crossyear/") || rule == "text/copied-from-other";
}

// UTF-16 units before code point `column` (1-based) of line `line` (1-based) of `text`.
std::size_t utf16_character(const std::string& text, std::size_t line, std::size_t column) {
  std::size_t i = 0;
  for (std::size_t l = 1; l < line && i < text.size(); ++i)
    if (text[i] == '\n') ++l;
  std::size_t units = 0;
  for (std::size_t c = 1; c < column && i < text.size(); ++c) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    units += length == 4 ? 2 : 1;
    i += length;
  }
  return units;
}

int lsp_severity(const std::string& name) { return name == "error" ? 1 : name == "warning" ? 2 : 3; }

std::string key(const std::string& rule, int severity, std::size_t line, std::size_t character, const std::string& message) {
  return rule + " " + std::to_string(severity) + " " + std::to_string(line) + ":" + std::to_string(character) + " " + message;
}

std::size_t count_code(const json& diagnostics, const std::string& code) {
  return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                [&](const json& d) { return d["code"] == code; }));
}

}  // namespace

TEST_CASE("corpus lsp: the server's findings are those of nblint check, at the same places") {
  const fs::path corpus = shared_dir() / "corpus";
  if (!fs::is_directory(corpus / "real")) {
    MESSAGE("skipped: " << (corpus / "real").string() << " is absent (the shared corpus is not checked out)");
    return;
  }
  const fs::path dir = fresh_temp_dir("nblint-corpus-lsp", "reports");
  for (const char* sub : {"real", "seeds"})
    if (fs::is_directory(corpus / sub))
      for (const auto& e : fs::directory_iterator(corpus / sub))
        if (e.path().extension() == ".txt" || e.path().extension() == ".md")
          fs::copy_file(e.path(), dir / (std::string(sub) + "-" + e.path().filename().string()));

  const RunResult cli = run_nblint({"check", "--format", "json", dir.string()});
  REQUIRE(cli.exit_code != 2);
  const json checked = json::parse(cli.out);

  LspClient client;
  REQUIRE(client.started());
  REQUIRE(client.request(1, "initialize", {{"processId", nullptr}, {"capabilities", json::object()}}));
  REQUIRE(client.response(1));
  REQUIRE(client.notify("initialized", json::object()));

  int id = 2, files = 0, findings = 0, fixes = 0;
  for (const json& file : checked["files"]) {
    const fs::path path = file["path"].get<std::string>();
    CAPTURE(path.string());
    std::string text = read_file(path);
    std::multiset<std::string> expected, got;
    for (const json& d : file["diagnostics"]) {
      if (across_reports(d["rule"])) continue;
      expected.insert(key(d["rule"], lsp_severity(d["severity"]), d["line"].get<std::size_t>() - 1,
                          utf16_character(text, d["line"], d["column"]), d["message"]));
    }
    const std::string uri = nblint::file_uri(fs::absolute(path).string());
    REQUIRE(client.notify("textDocument/didOpen",
                          {{"textDocument", {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", text}}}}));
    auto published = client.notification("textDocument/publishDiagnostics");
    REQUIRE(published);
    REQUIRE((*published)["params"]["uri"] == uri);
    json diagnostics = (*published)["params"]["diagnostics"];
    for (const json& d : diagnostics)
      got.insert(key(d["code"], d["severity"], d["range"]["start"]["line"], d["range"]["start"]["character"], d["message"]));
    CHECK(got == expected);
    ++files;
    findings += static_cast<int>(got.size());

    // Each offered fix, applied as an editor would, removes one missing-section finding.
    for (;;) {
      const json* fixable = nullptr;
      std::optional<json> actions;
      for (const json& d : diagnostics) {
        if (d["code"] != "structure/missing-section") continue;
        REQUIRE(client.request(id, "textDocument/codeAction",
                               {{"textDocument", {{"uri", uri}}}, {"range", d["range"]}, {"context", {{"diagnostics", {d}}}}}));
        actions = client.response(id++);
        REQUIRE(actions);
        if (!(*actions)["result"].empty()) {
          fixable = &d;
          break;
        }
      }
      if (!fixable) break;
      const json& edit = (*actions)["result"][0]["edit"]["changes"][uri][0];
      const std::size_t begin = utf16_position_to_offset(text, edit["range"]["start"]["line"], edit["range"]["start"]["character"]);
      const std::size_t end = utf16_position_to_offset(text, edit["range"]["end"]["line"], edit["range"]["end"]["character"]);
      text.replace(begin, end - begin, edit["newText"].get<std::string>());
      const std::size_t before = count_code(diagnostics, "structure/missing-section");
      REQUIRE(client.notify("textDocument/didChange",
                            {{"textDocument", {{"uri", uri}, {"version", 2}}}, {"contentChanges", {{{"text", text}}}}}));
      published = client.notification("textDocument/publishDiagnostics");
      REQUIRE(published);
      diagnostics = (*published)["params"]["diagnostics"];
      CHECK(count_code(diagnostics, "structure/missing-section") == before - 1);
      ++fixes;
    }
    REQUIRE(client.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}}));
    published = client.notification("textDocument/publishDiagnostics");
    REQUIRE(published);
    CHECK((*published)["params"]["diagnostics"].empty());
  }
  CHECK(files > 20);
  CHECK(findings > 50);
  MESSAGE(files << " reports, " << findings << " findings agree; " << fixes << " quick fixes applied");
  REQUIRE(client.request(id, "shutdown", nullptr));
  REQUIRE(client.response(id));
  REQUIRE(client.notify("exit", nullptr));
  CHECK(client.wait_exit() == 0);
}
