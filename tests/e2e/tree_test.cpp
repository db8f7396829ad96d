// `nblint tree`: the readable model and the JSON model (docs/model.md) agree with what the
// parser and binder give in-process; every span lies within the file; sections nest.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bind/table_binder.h"
#include "rules/section_matcher.h"
#include "ingest/ingest.h"
#include "output/model_names.h"
#include "parse/organ.h"
#include "parse/report_parser.h"
#include "rules/pack_registry.h"
#include "rules/pack_selector.h"
#include "support/run.h"
#include "util/utf8.h"

using namespace nblint;
using namespace nblint::test;
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

void add_reports(std::vector<std::string>& files, const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string ext = e.path().extension().string();
    if (ext == ".txt" || ext == ".html") files.push_back(e.path().string());
  }
}

// The reports the tree is checked on: the examples, the structure fixtures, the HTML pages, a
// GBK file and a PDF (spans must point into the original, whatever the encoding or format),
// and the shared corpus when it is there.
std::vector<std::string> model_files() {
  std::vector<std::string> files;
  for (const char* dir : {"examples", "tests/fixtures/structure", "tests/fixtures/html"})
    add_reports(files, source_dir() / dir);
  files.push_back((source_dir() / "tests/fixtures/encodings/qingshan-gbk.txt").string());
  files.push_back((source_dir() / "tests/fixtures/pdf/qingshan-2023.pdf").string());
  if (have_shared_corpus()) {
    add_reports(files, shared_dir() / "corpus" / "real");
    add_reports(files, shared_dir() / "corpus" / "seeds");
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The model as nblint tree builds it, in-process.
struct Model {
  Document document;
  Report report;
  PackChoice choice;
};

// On the heap: the Report keeps views into the Document, which must not move.
std::unique_ptr<Model> load(const std::string& path) {
  auto ingested = ingest_file(path, IngestOptions{});
  REQUIRE(std::holds_alternative<Document>(ingested));
  auto m = std::make_unique<Model>(Model{std::move(std::get<Document>(ingested)), {}, {}});
  m->report = parse_report(m->document);
  m->choice = choose_pack(m->report, PackRegistry::builtin(), nullptr);
  if (m->choice.pack) m->report.tables = bind_tables(m->report, *m->choice.pack, match_sections(m->report, *m->choice.pack));
  return m;
}

std::string original(const SourceText& src, Span s) { return src.text.substr(s.begin, s.end - s.begin); }

// Byte offset of a 1-based line and code-point column.
std::size_t offset_of(const SourceText& src, std::uint32_t line, std::uint32_t column) {
  std::size_t at = src.lines.line_start(line);
  for (std::uint32_t c = 1; c < column && at < src.text.size(); ++c) at += utf8::decode(src.text, at).length;
  return at;
}

bool is_span(const Json& j) {
  return j.is_object() && j.contains("line") && j.contains("column") && j.contains("end_line") &&
         j.contains("end_column");
}

// Every span object in the document: within the file, begin ≤ end, and its text (when given)
// is the source text between its ends.
void check_spans(const Json& j, const SourceText& src, int& count) {
  if (is_span(j)) {
    ++count;
    const auto line = j["line"].get<std::uint32_t>(), column = j["column"].get<std::uint32_t>();
    const auto end_line = j["end_line"].get<std::uint32_t>(), end_column = j["end_column"].get<std::uint32_t>();
    REQUIRE(line >= 1);
    REQUIRE(end_line <= src.lines.line_count());
    CHECK((line < end_line || (line == end_line && column <= end_column)));
    CHECK(column >= 1);
    CHECK(column <= utf8::count_code_points(src.line_text(line)) + 1);
    CHECK(end_column <= utf8::count_code_points(src.line_text(end_line)) + 1);
    if (j.contains("text")) {
      const std::size_t b = offset_of(src, line, column), e = offset_of(src, end_line, end_column);
      CHECK(j["text"].get<std::string>() == src.text.substr(b, e - b));
    }
    return;
  }
  if (j.is_object() || j.is_array())
    for (const auto& v : j) check_spans(v, src, count);
}

// Sections in preorder, checking that each child lies inside its parent.
void walk_sections(const Json& nodes, const Json* parent, std::vector<int>& order, std::vector<int>& parents) {
  for (const Json& s : nodes) {
    order.push_back(s["index"].get<int>());
    parents.push_back(parent ? (*parent)["index"].get<int>() : -1);
    if (parent) {
      const Json &pe = (*parent)["extent"], &ce = s["extent"];
      const auto pos = [](const Json& sp, const char* l, const char* c) {
        return std::pair(sp[l].get<int>(), sp[c].get<int>());
      };
      // After its parent's heading (possibly on the same line, in one-line reports).
      CHECK(pos((*parent)["marker"], "line", "column") < pos(s["marker"], "line", "column"));
      CHECK(pos(pe, "line", "column") <= pos(ce, "line", "column"));
      CHECK(pos(ce, "end_line", "end_column") <= pos(pe, "end_line", "end_column"));
    }
    walk_sections(s["children"], &s, order, parents);
  }
}

Json number_json(const Quantity& q) {
  return q.is_integer() ? Json(q.integer()) : Json(q.digits());
}

const std::string kShortRow =
    "青山县2021年政府信息公开工作年度报告\n"
    "一、总体情况\n正文。\n"
    "二、主动公开政府信息情况\n正文。\n"
    "三、收到和处理政府信息公开申请情况\n"
    "项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计\n"
    "一、本年新收政府信息公开申请数量 | 2 | 1 | / | 0 | 0 | 0 | 3\n"
    "二、上年结转政府信息公开申请数量 | 1 | 0\n"
    "四、政府信息公开行政复议、行政诉讼情况\n正文。\n"
    "五、存在的主要问题及改进情况\n正文。\n"
    "六、其他需要报告的事项\n无。\n";

}  // namespace

TEST_CASE("tree --format json: one document that matches the model parse_report and bind_tables give") {
  for (const std::string& path : model_files()) {
    CAPTURE(path);
    const auto loaded = load(path);
    const Model& m = *loaded;
    const SourceText& src = m.document.source;
    const RunResult r = run_nblint({"tree", "--format", "json", path});
    REQUIRE(r.exit_code == 0);
    const Json doc = Json::parse(r.out);  // throws (fails the test) unless exactly one document

    CHECK(doc["version"].is_string());
    CHECK(doc["path"] == path);
    CHECK(doc["line_count"] == src.lines.line_count());

    // Title, organ, level.
    if (m.report.title) {
      REQUIRE(doc["title"].is_object());
      CHECK(doc["title"]["span"]["text"] == original(src, m.report.title->span));
      if (m.report.title->organ) {
        CHECK(doc["title"]["organ"]["span"]["text"] == original(src, m.report.title->organ->span));
        CHECK(doc["title"]["organ"]["level"] == organ_level_name(m.report.title->organ->level));
      } else {
        CHECK(doc["title"]["organ"].is_null());
      }
    } else {
      CHECK(doc["title"].is_null());
    }
    CHECK(doc["pack"].is_null() == (m.choice.pack == nullptr));
    if (m.choice.pack) CHECK(doc["pack"]["id"] == m.choice.pack->id);
    CHECK(doc["period"].is_null() == !m.report.period.has_value());
    CHECK(doc["published"].is_null() == !m.report.published.has_value());
    CHECK(doc["metadata"].size() == m.report.metadata.size());
    CHECK(doc["dates"].size() == m.report.dates.size());
    CHECK(doc["paragraphs"] == m.report.paragraphs.size());

    // Sections: the nested tree, in preorder, is the model's document order with its parents.
    std::vector<int> order, parents;
    walk_sections(doc["sections"], nullptr, order, parents);
    REQUIRE(order.size() == m.report.sections.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      CAPTURE(i);
      CHECK(order[i] == static_cast<int>(i));
      const Section& s = m.report.sections[i];
      CHECK(parents[i] == s.parent);
    }
    std::function<void(const Json&)> compare = [&](const Json& nodes) {
      for (const Json& n : nodes) {
        const Section& s = m.report.sections[n["index"].get<std::size_t>()];
        CHECK(n["line"] == s.heading.line);
        CHECK(n["rank"] == s.heading.rank);
        CHECK(n["ordinal"] == s.heading.ordinal);
        CHECK(n["style"] == model_names::style_id(s.heading.style));
        CHECK(n["marker"]["text"] == original(src, s.heading.marker));
        CHECK(n["text"]["text"] == original(src, s.heading.text));
        CHECK(n["key"] == utf8::encode(s.heading.key));
        CHECK(n["body_chars"] == s.body_chars);
        CHECK(n["children"].size() == s.children.size());
        compare(n["children"]);
      }
    };
    compare(doc["sections"]);

    // Prose facts, period claims, tables and every cell.
    REQUIRE(doc["prose_facts"].size() == m.report.prose_facts.size());
    for (std::size_t i = 0; i < m.report.prose_facts.size(); ++i) {
      const ProseFact& f = m.report.prose_facts[i];
      CHECK(doc["prose_facts"][i]["kind"] == std::string(prose_fact_key(f.kind)));
      CHECK(doc["prose_facts"][i]["value"] == number_json(f.value));
    }
    CHECK(doc["period_claims"].size() == m.report.period_claims.size());
    REQUIRE(doc["tables"].size() == m.report.tables.size());
    for (std::size_t t = 0; t < m.report.tables.size(); ++t) {
      const BoundTable& bt = m.report.tables[t];
      const Json& jt = doc["tables"][t];
      CAPTURE(bt.key);
      CHECK(jt["key"] == bt.key);
      CHECK(jt["found"] == bt.found);
      CHECK(jt["notes"].size() == bt.notes.size());
      REQUIRE(jt["rows"].size() == bt.rows.size());
      for (std::size_t r = 0; r < bt.rows.size(); ++r) {
        const BoundRow& row = bt.rows[r];
        CHECK(jt["rows"][r]["key"] == row.key);
        REQUIRE(jt["rows"][r]["cells"].size() == row.cells.size());
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
          const Json& cell = jt["rows"][r]["cells"][c];
          CHECK(cell["state"] == model_names::cell_state(row.cells[c].state));
          if (row.cells[c].state == CellState::Number) {
            CHECK(cell["value"] == number_json(row.cells[c].value));
          } else {
            CHECK(cell["value"].is_null());
          }
        }
      }
    }

    // Every span lies within the file and quotes it exactly.
    int spans = 0;
    check_spans(doc, src, spans);
    CHECK(spans > 0);
  }
}

TEST_CASE("tree: the text tree shows the headings, prose facts and bound rows") {
  for (const std::string& path : model_files()) {
    CAPTURE(path);
    const auto loaded = load(path);
    const Model& m = *loaded;
    const SourceText& src = m.document.source;
    const RunResult r = run_nblint({"tree", path});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("章节 (" + std::to_string(m.report.sections.size()) + "):") != std::string::npos);
    for (const Section& s : m.report.sections)
      CHECK(r.out.find(original(src, {s.heading.marker.begin, s.heading.text.end})) != std::string::npos);
    CHECK(r.out.find("正文陈述的数字 (" + std::to_string(m.report.prose_facts.size()) + "):") != std::string::npos);
    CHECK(r.out.find("表格 (" + std::to_string(m.report.tables.size()) + "):") != std::string::npos);
    for (const BoundTable& t : m.report.tables) {
      CHECK(r.out.find("  " + t.key + "（章节 " + t.section + "）：") != std::string::npos);
      for (const BoundRow& row : t.rows) CHECK(r.out.find("    " + row.key + ":") != std::string::npos);
    }
    CHECK(r.out.find("    ! ") == std::string::npos);  // notes only with --verbose
  }
}

TEST_CASE("tree: a partly bound table shows _ ? for blank and missing cells, --verbose says why") {
  const RunResult plain = run_nblint({"tree", "-"}, kShortRow);
  REQUIRE(plain.exit_code == 0);
  CHECK(plain.out.find("    new: 2 1 _ 0 0 0 3\n") != std::string::npos);
  CHECK(plain.out.find("    carried_in: 1 0 ? ? ? ? ?\n") != std::string::npos);
  CHECK(plain.out.find("（绑定不确定：") != std::string::npos);
  CHECK(plain.out.find("    ! ") == std::string::npos);

  const RunResult verbose = run_nblint({"tree", "--verbose", "-"}, kShortRow);
  CHECK(verbose.out.find("    ! 第9行：行 carried_in 只有 2 个单元格，应有 7 个\n") != std::string::npos);
  CHECK(verbose.out.find("行：未找到该表格的任何单元格\n") != std::string::npos);  // the proactive tables
  CHECK(verbose.out.find("（绑定不确定：") == std::string::npos);
  CHECK(run_nblint({"tree", "-v", "-"}, kShortRow).out == verbose.out);

  // In JSON the notes are always there, with the reason in words.
  const Json doc = Json::parse(run_nblint({"tree", "--format", "json", "-"}, kShortRow).out);
  const Json* requests = nullptr;
  for (const Json& t : doc["tables"])
    if (t["key"] == "requests") requests = &t;
  REQUIRE(requests);
  const auto& notes = (*requests)["notes"];
  const auto short_row = std::find_if(notes.begin(), notes.end(), [](const Json& n) { return n["issue"] == "short_row"; });
  REQUIRE(short_row != notes.end());
  CHECK((*short_row)["row"] == "carried_in");
  CHECK((*short_row)["expected"] == 7);
  CHECK((*short_row)["found"] == 2);
  CHECK((*short_row)["span"]["line"] == 9);
  CHECK((*short_row)["message"] == "行 carried_in 只有 2 个单元格，应有 7 个");
  const Json& blank = (*requests)["rows"][0]["cells"][2];
  CHECK(blank["column"] == "research");
  CHECK(blank["state"] == "blank");
  CHECK(blank["value"].is_null());
  CHECK(blank["text"] == "/");
}

TEST_CASE("tree: --lang en switches the labels and the notes to English") {
  const RunResult zh = run_nblint({"tree", "-v", "-"}, kShortRow);
  CHECK(zh.out.find("章节 (6):") != std::string::npos);
  CHECK(zh.out.find("表格 (6):") != std::string::npos);
  const RunResult en = run_nblint({"--lang", "en", "tree", "-v", "-"}, kShortRow);
  REQUIRE(en.exit_code == 0);
  CHECK(en.out.find("sections (6):") != std::string::npos);
  CHECK(en.out.find("prose facts (") != std::string::npos);
  CHECK(en.out.find("tables (6):") != std::string::npos);
  CHECK(en.out.find("  requests (section requests): ") != std::string::npos);
  CHECK(en.out.find("    ! line 9: row 'carried_in' has 2 cell(s), 7 expected\n") != std::string::npos);
  CHECK(en.out.find("rule pack: fmt2021 (report year 2021)") != std::string::npos);
  CHECK(en.out.find("章节") == std::string::npos);
  const Json doc = Json::parse(run_nblint({"--lang", "en", "tree", "--format", "json", "-"}, kShortRow).out);
  bool english = false;
  for (const Json& t : doc["tables"])
    for (const Json& n : t["notes"]) english = english || n["message"] == "row 'carried_in' has 2 cell(s), 7 expected";
  CHECK(english);
}

TEST_CASE("tree --format json: decimals stay exact strings, integers are numbers") {
  Quantity q;
  q.mantissa = 1250;
  q.scale = 2;
  CHECK(q.digits() == "12.50");
  q.mantissa = 5;
  CHECK(q.digits() == "0.05");
  q.negative = true;
  CHECK(q.digits() == "-0.05");
  q = Quantity{};
  q.mantissa = 44;
  CHECK(number_json(q) == Json(44));
  CHECK(run_nblint({"tree", "--format", "yaml", "-"}, kShortRow).exit_code == 2);
}
