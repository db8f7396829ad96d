// The same report in every form nblint reads must give the same findings: re-encoded text
// gives identical diagnostics (rules, lines, columns, messages); HTML and DOCX versions give
// the same structure findings and pack. Inputs: the team's fixtures and examples, and the
// shared corpus seeds when present.
#include <doctest/doctest.h>

#include <unicode/ucnv.h>

#include <nlohmann/json.hpp>
#include <set>

#include "support/docx_writer.h"
#include "support/run.h"

using namespace nblint::test;
namespace fs = std::filesystem;

namespace {

// UTF-8 → `encoding` with ICU; empty when some character cannot be encoded.
std::string encode_as(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  UConverter* to = ucnv_open(encoding, &status);
  ucnv_setFromUCallBack(to, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  UConverter* from = ucnv_open("UTF-8", &status);
  char* target = out.data();
  const char* source = utf8.data();
  ucnv_convertEx(to, from, &target, out.data() + out.size(), &source, utf8.data() + utf8.size(), nullptr,
                 nullptr, nullptr, nullptr, true, true, &status);
  ucnv_close(to);
  ucnv_close(from);
  if (U_FAILURE(status)) return {};
  out.resize(static_cast<std::size_t>(target - out.data()));
  return out;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
  return out;
}

// One <p> per line, each on the line of the same number, so HTML lines match the text's.
std::string as_html(const std::string& text) {
  std::string html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年报</title></head><body>";
  bool first = true;
  for (const std::string& line : lines_of(text)) {
    if (!first) html += "\n";
    first = false;
    html += "<p>" + html_escape(line) + "</p>";
  }
  return html + "</body></html>\n";
}

std::string as_docx(const std::string& text) {
  std::vector<DocxBlock> blocks;
  for (const std::string& line : lines_of(text)) blocks.push_back(para(line));
  return make_docx(blocks);
}

nlohmann::json check(const std::string& bytes) {
  const RunResult r = run_nblint({"check", "--format", "json", "-"}, bytes);
  REQUIRE_MESSAGE(r.exit_code != 2, r.err);
  return nlohmann::json::parse(r.out)["files"][0];
}

std::multiset<std::string> structure_findings(const nlohmann::json& file) {
  std::multiset<std::string> out;
  for (const auto& d : file["diagnostics"])
    if (d["rule"].get<std::string>().starts_with("structure/"))
      out.insert(d["rule"].get<std::string>() + " " + d["message"].get<std::string>());
  return out;
}

std::vector<fs::path> reports() {
  std::vector<fs::path> out;
  for (const fs::path& dir : {source_dir() / "tests" / "fixtures" / "structure", source_dir() / "examples",
                              shared_dir() / "corpus" / "seeds", shared_dir() / "corpus" / "real"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".txt") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("formats: re-encoded text gives identical diagnostics") {
  if (!fs::is_directory(shared_dir() / "corpus")) MESSAGE("note: ../shared/corpus is absent; seeds not included");
  for (const fs::path& path : reports()) {
    CAPTURE(path.string());
    const std::string text = strip_collection_header(read_file(path));
    const nlohmann::json base = check(text);
    const auto expect_same = [&](const std::string& bytes, const char* label) {
      CAPTURE(label);
      const nlohmann::json other = check(bytes);
      CHECK(other["pack"] == base["pack"]);
      CHECK(other["diagnostics"] == base["diagnostics"]);
    };
    expect_same("\xEF\xBB\xBF" + text, "UTF-8 with BOM");
    expect_same("\xFF\xFE" + encode_as(text, "UTF-16LE"), "UTF-16LE with BOM");
    expect_same("\xFE\xFF" + encode_as(text, "UTF-16BE"), "UTF-16BE with BOM");
    expect_same(encode_as(text, "GB18030"), "GB18030");
    if (const std::string big5 = encode_as(text, "Big5"); !big5.empty()) expect_same(big5, "Big5");
  }
}

TEST_CASE("formats: HTML and DOCX versions give the same structure findings and pack") {
  for (const fs::path& path : reports()) {
    CAPTURE(path.string());
    const std::string text = strip_collection_header(read_file(path));
    const nlohmann::json base = check(text);
    const nlohmann::json html = check(as_html(text));
    CHECK(html["pack"] == base["pack"]);
    CHECK(structure_findings(html) == structure_findings(base));
    const nlohmann::json docx = check(as_docx(text));
    CHECK(docx["pack"] == base["pack"]);
    CHECK(structure_findings(docx) == structure_findings(base));
  }
}
