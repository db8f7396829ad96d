// The parser against hand-checked expectations for every report in ../shared/corpus: title
// line, organ and its level, report year, publication date, statistical period and top-level
// sections. The expectations live in tests/corpus/expect/<stem>.model (seeds: seed-<stem>.model);
// tests/corpus/expect/README.md describes the format. Each report's mismatches are listed
// together in one failure: file, key, expected, actual.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "ingest/ingest.h"
#include "bind/table_binder.h"
#include "rules/section_matcher.h"
#include "parse/organ.h"
#include "parse/report_parser.h"
#include "parse/text_scan.h"
#include "rules/pack_registry.h"
#include "rules/pack_selector.h"
#include "support/run.h"
#include "text/normalizer.h"
#include "util/utf8.h"

using namespace nblint;
using namespace nblint::test;

namespace {

namespace fs = std::filesystem;

// The facts this test checks; any other key is a table fact (see read_model).
const std::set<std::string> kFactKeys = {"title", "organ", "level", "year", "published", "period", "section"};
// Every .model file must state these, so a misspelt key cannot pass unnoticed.
const std::vector<std::string> kRequiredKeys = {"title", "organ", "level", "year", "published", "period", "section"};

struct ExpectedSection {
  std::uint32_t line = 0;
  std::string text;  // as written in the .model file
  int model_line = 0;
};

struct ModelFile {
  std::map<std::string, std::string> facts;  // key → value, for the single-valued keys
  std::vector<ExpectedSection> sections;
  std::vector<std::string> errors;  // malformed lines of the .model file itself
  std::vector<std::string> cells;  // bound table rows, as "TABLE.ROW v1 v2 …"
  std::vector<std::string> unbound;  // tables the report does not contain
  std::vector<std::string> unreadable;  // tables whose cells all ran together
};

std::string trim_copy(std::string s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && blank(s.back())) s.pop_back();
  std::size_t b = 0;
  while (b < s.size() && blank(s[b])) ++b;
  return s.substr(b);
}

// A trailing comment starts at a '#' preceded by a blank.
std::string strip_comment(const std::string& line) {
  if (!line.empty() && line[0] == '#') return "";
  for (std::size_t i = 1; i < line.size(); ++i)
    if (line[i] == '#' && (line[i - 1] == ' ' || line[i - 1] == '\t')) return line.substr(0, i);
  return line;
}

ModelFile read_model(const fs::path& path) {
  ModelFile model;
  std::istringstream in(read_file(path));
  std::string raw;
  int n = 0;
  while (std::getline(in, raw)) {
    ++n;
    const std::string line = trim_copy(strip_comment(raw));
    if (line.empty()) continue;
    const auto colon = line.find(':');
    if (colon == std::string::npos) {
      model.errors.push_back("line " + std::to_string(n) + ": no 'key:' in \"" + line + "\"");
      continue;
    }
    const std::string key = trim_copy(line.substr(0, colon));
    const std::string value = trim_copy(line.substr(colon + 1));
    if (key == "cell") {  // cell: TABLE.ROW v1 v2 … (one per column; _ blank, ? missing, x not a number)
      model.cells.push_back(value);
      continue;
    }
    if (key == "unbound") {  // unbound: TABLE (the report holds none of its rows)
      model.unbound.push_back(value);
      continue;
    }
    if (key == "unreadable") {  // unreadable: TABLE (its rows are there, every one run together)
      model.unreadable.push_back(value);
      continue;
    }
    if (!kFactKeys.count(key)) {
      model.errors.push_back("line " + std::to_string(n) + ": unknown key '" + key + "'");
      continue;
    }
    if (key == "section") {
      ExpectedSection s;
      s.model_line = n;
      const auto space = value.find(' ');
      try {
        s.line = static_cast<std::uint32_t>(std::stoul(value.substr(0, space)));
      } catch (const std::exception&) {
        model.errors.push_back("line " + std::to_string(n) + ": section needs '<line> <heading>'");
        continue;
      }
      s.text = space == std::string::npos ? "" : trim_copy(value.substr(space + 1));
      model.sections.push_back(s);
      continue;
    }
    if (model.facts.count(key)) model.errors.push_back("line " + std::to_string(n) + ": '" + key + "' given twice");
    model.facts[key] = value;
  }
  for (const std::string& key : kRequiredKeys) {
    const bool present = key == "section" ? !model.sections.empty() : model.facts.count(key) > 0;
    if (!present) model.errors.push_back("'" + key + ":' missing");
  }
  return model;
}

// Folded for comparison: full-width made plain, traditional simplified, blanks removed
// (the same fold as Heading::key).
std::string match_form(std::string_view utf8_text) {
  const NormalizedText n = normalize(utf8_text);
  std::u32string out;
  for (char32_t c : n.text)
    if (!is_blank(c)) out.push_back(c);
  return utf8::encode(out);
}

std::string source_text(const Document& d, Span s) { return d.source.text.substr(s.begin, s.end - s.begin); }

std::string two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

// YYYY-MM-DD, YYYY-MM or YYYY as far as the text gave it; malformed:YYYY for a malformed one.
std::string date_form(const DateValue& d) {
  if (d.malformed) return "malformed:" + std::to_string(d.year);
  std::string s = d.year ? std::to_string(d.year) : "0000";  // 0000: the text gave no year
  if (d.month || d.day) s += "-" + two(d.month);
  if (d.day) s += "-" + two(d.day);
  return s;
}

// The text of a corpus file as the parser should see it: the two collection lines
// (# source:, # completeness:) are not report text, so they are blanked, keeping the file's
// line numbers.
std::string without_collection_header(std::string text) {
  std::size_t at = 0;
  for (int i = 0; i < 2 && text.compare(at, 2, "# ") == 0; ++i) {
    const auto nl = text.find('\n', at);
    const std::size_t end = nl == std::string::npos ? text.size() : nl;
    text.erase(at, end - at);
    at = at + 1;  // past the (kept) line break
    if (nl == std::string::npos) break;
  }
  return text;
}

struct Mismatches {
  std::string file;
  std::ostringstream out;
  int count = 0;
  void add(const std::string& key, const std::string& expected, const std::string& actual) {
    ++count;
    out << "\n  " << file << "  " << key << ": expected [" << expected << "]  actual [" << actual << "]";
  }
};

// Longest common subsequence of the expected and actual section lists; what is left over on
// either side is a mismatch.
void section_diff(const std::vector<std::string>& want, const std::vector<std::string>& got, Mismatches& m) {
  const std::size_t a = want.size(), b = got.size();
  std::vector<std::vector<std::size_t>> lcs(a + 1, std::vector<std::size_t>(b + 1, 0));
  for (std::size_t i = a; i-- > 0;)
    for (std::size_t j = b; j-- > 0;)
      lcs[i][j] = want[i] == got[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::size_t i = 0, j = 0;
  while (i < a || j < b) {
    if (i < a && j < b && want[i] == got[j]) {
      ++i, ++j;
    } else if (j < b && (i == a || lcs[i][j + 1] >= lcs[i + 1][j])) {
      m.add("section", "(none here)", got[j++]);
    } else {
      m.add("section", want[i++], "(missing)");
    }
  }
}

std::string cell_form(const BoundCell& c) {
  switch (c.state) {
    case CellState::Number: return c.value.digits();
    case CellState::Blank: return "_";
    case CellState::Missing: return "?";
    case CellState::NotANumber: return "x";
  }
  return "?";
}

// Each "TABLE.ROW v1 v2 …" line against the tables bound with the chosen pack. Once a file
// lists any table fact, its tables are read completely: every table of the pack is either
// listed row by row or declared unbound or unreadable, and nothing else may be bound.
void check_cells(const Report& report, const PackChoice& choice, const ModelFile& model, Mismatches& m) {
  if (model.cells.empty() && model.unbound.empty() && model.unreadable.empty()) return;
  if (!choice.pack) return m.add("cell", "a pack to bind tables with", "no pack");
  const std::vector<BoundTable> tables = bind_tables(report, *choice.pack, match_sections(report, *choice.pack));
  std::set<std::string> listed;  // "TABLE.ROW"
  for (const std::string& line : model.cells) {
    std::istringstream in(line);
    std::string address;
    in >> address;
    listed.insert(address);
    const auto dot = address.find('.');
    std::string want, v;
    while (in >> v) want += (want.empty() ? "" : " ") + v;
    const BoundRow* row = nullptr;
    for (const BoundTable& t : tables)
      if (t.key == address.substr(0, dot)) row = t.row(address.substr(dot + 1));
    if (!row) {
      m.add("cell " + address, want, "(row not bound)");
      continue;
    }
    std::string got;
    for (const BoundCell& c : row->cells) got += (got.empty() ? "" : " ") + cell_form(c);
    if (got != want) m.add("cell " + address, want, got);
  }
  const auto listed_as = [](const std::vector<std::string>& keys, const std::string& key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
  };
  for (const BoundTable& t : tables) {
    // unbound: no row and a no_table note; unreadable: no row and an unreadable note.
    for (const auto& [keys, issue, name, note] :
         {std::tuple{&model.unbound, BindIssue::NoTable, "unbound", "no_table"},
          std::tuple{&model.unreadable, BindIssue::Unreadable, "unreadable", "unreadable"}}) {
      if (!listed_as(*keys, t.key)) continue;
      const bool noted = std::any_of(t.notes.begin(), t.notes.end(), [&](const BindNote& n) { return n.issue == issue; });
      if (t.found || !noted)
        m.add(std::string(name) + " " + t.key, std::string("not found, with a ") + note + " note",
              t.found ? std::to_string(t.rows.size()) + " row(s) bound" : std::string("no ") + note + " note");
    }
    if (listed_as(model.unbound, t.key) || listed_as(model.unreadable, t.key)) continue;
    bool read = false;
    for (const std::string& a : listed) read = read || a.substr(0, a.find('.')) == t.key;
    if (!read) m.add("table " + t.key, "cell:, unbound: or unreadable: lines", "(not read by hand)");
    for (const BoundRow& r : t.rows)
      if (!listed.count(t.key + "." + r.key)) m.add("cell " + t.key + "." + r.key, "(not in the report)", "bound");
  }
}

void check_report(const fs::path& report_path, const fs::path& model_path, Mismatches& m) {
  const ModelFile model = read_model(model_path);
  for (const std::string& e : model.errors) m.add("model file", "well-formed", model_path.filename().string() + " " + e);

  const std::string text = without_collection_header(read_file(report_path));
  auto ingested = ingest_bytes(report_path.string(), text, format_from_extension(report_path.string()), IngestOptions{});
  if (const auto* e = std::get_if<IngestError>(&ingested)) {
    m.add("ingest", "a document", "ingest error: " + e->detail);
    return;
  }
  const Document& doc = std::get<Document>(ingested);
  const Report report = parse_report(doc);
  const PackChoice choice = choose_pack(report, PackRegistry::builtin(), nullptr);
  check_cells(report, choice, model, m);
  const auto line_of = [&](std::uint32_t offset) { return doc.source.locate(offset).line; };

  const auto fact = [&](const std::string& key) -> std::optional<std::string> {
    const auto it = model.facts.find(key);
    return it == model.facts.end() ? std::nullopt : std::optional<std::string>(it->second);
  };

  if (const auto want = fact("title")) {
    const std::string got =
        report.title ? std::to_string(line_of(report.title->span.begin)) + " (" + source_text(doc, report.title->span) + ")"
                     : "none";
    const std::string got_line = report.title ? std::to_string(line_of(report.title->span.begin)) : "none";
    if (*want != got_line) m.add("title", *want, got);
  }
  const OrganName* organ = report.title && report.title->organ ? &*report.title->organ : nullptr;
  if (const auto want = fact("organ")) {
    const std::string got = organ ? source_text(doc, organ->span) : "none";
    const bool same = *want == "none" ? !organ : organ && match_form(*want) == match_form(got);
    if (!same) m.add("organ", *want, got);
  }
  if (const auto want = fact("level")) {
    const std::string got = organ_level_name(organ ? organ->level : OrganLevel::Unknown);
    if (*want != got) m.add("level", *want, got);
  }
  if (const auto want = fact("year")) {
    const std::string got = choice.year ? std::to_string(*choice.year) : "none";
    if (*want != got) m.add("year", *want, got);
  }
  if (const auto want = fact("published")) {
    const std::string got = report.published ? date_form(report.published->date) : "none";
    if (*want != got) m.add("published", *want, got);
  }
  if (const auto want = fact("period")) {
    std::string got = "none";
    if (report.period && report.period->from)
      got = date_form(*report.period->from) + " " + (report.period->to ? date_form(*report.period->to) : "none");
    if (*want != got) m.add("period", *want, got);
  }

  // Top-level sections as "<line> <folded heading>", expected and actual, compared as
  // sequences: the differences are listed as sections missing and sections not expected.
  std::vector<std::string> want, got;
  for (const ExpectedSection& s : model.sections) want.push_back(std::to_string(s.line) + " " + match_form(s.text));
  for (const Section& s : report.sections)
    if (s.parent < 0) got.push_back(std::to_string(line_of(s.heading.marker.begin)) + " " + utf8::encode(s.heading.key));
  section_diff(want, got, m);
}

// The .model file for a corpus report: real/<stem>.txt → <stem>.model, seeds/<stem>.txt →
// seed-<stem>.model.
fs::path model_for(const fs::path& expect_dir, const std::string& corpus_dir, const fs::path& report) {
  return expect_dir / ((corpus_dir == "seeds" ? "seed-" : "") + report.stem().string() + ".model");
}

}  // namespace

TEST_CASE("corpus model: title, organ, level, year, publication date, period and top-level sections match the hand-checked expectations") {
  const fs::path corpus = shared_dir() / "corpus";
  if (!fs::is_directory(corpus)) {
    MESSAGE("skipped: " << corpus.string() << " is absent (the shared corpus is not checked out)");
    return;
  }
  const fs::path expect_dir = source_dir() / "tests" / "corpus" / "expect";
  std::set<fs::path> used_models;
  int reports = 0;
  for (const std::string dir : {"seeds", "real"}) {
    if (!fs::is_directory(corpus / dir)) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(corpus / dir))
      if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& report : files) {
      ++reports;
      const fs::path model = model_for(expect_dir, dir, report);
      const std::string name = dir + "/" + report.filename().string();
      CAPTURE(name);
      if (!fs::exists(model)) {
        FAIL_CHECK(name << ": no expectation file " << model.filename().string() << " in tests/corpus/expect");
        continue;
      }
      used_models.insert(model);
      Mismatches m;
      m.file = name;
      check_report(report, model, m);
      if (m.count > 0) FAIL_CHECK(m.count << " mismatch(es) in " << name << ":" << m.out.str());
    }
  }
  // Every expectation file belongs to a corpus report (a renamed report leaves none behind).
  for (const auto& entry : fs::directory_iterator(expect_dir))
    if (entry.path().extension() == ".model" && !used_models.count(entry.path()))
      FAIL_CHECK("tests/corpus/expect/" << entry.path().filename().string() << " matches no corpus report");
  CHECK(reports >= 27);
}
