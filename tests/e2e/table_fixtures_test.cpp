// The team's table fixtures (tests/fixtures/tables/): each report has a hand-written .cells file
// beside it saying which pack it gets, every value the binder must bind, the rows it must not
// bind, the notes it must give, and the top-level sections. The format is described in
// tests/fixtures/tables/README.md. One failure per fixture lists all of its mismatches.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <variant>

#include "bind/table_binder.h"
#include "rules/section_matcher.h"
#include "ingest/ingest.h"
#include "parse/report_parser.h"
#include "rules/pack_registry.h"
#include "rules/pack_selector.h"
#include "support/run.h"
#include "text/normalizer.h"
#include "util/utf8.h"

using namespace nblint;
using namespace nblint::test;
namespace fs = std::filesystem;

namespace {

const fs::path& fixture_dir() {
  static const fs::path dir = source_dir() / "tests" / "fixtures" / "tables";
  return dir;
}

bool is_report_extension(const fs::path& p) {
  if (p.filename() == "README.md") return false;
  const std::string e = p.extension().string();
  return e == ".txt" || e == ".md" || e == ".html" || e == ".htm";
}

// ---- the .cells file ------------------------------------------------------------------------

struct ExpectedRow {
  int line = 0;  // in the .cells file
  std::string table, row;
  std::vector<std::string> values;  // "12", "-3", "0.6", "_", "x", "?"
};

struct ExpectedNote {
  int line = 0;
  std::string table, issue, which;  // which: a row key, or a column key (HeaderNotFound); may be empty
};

struct ExpectedSection {
  std::uint32_t line = 0;
  std::string text;
};

struct Expectations {
  std::string pack;
  std::vector<ExpectedRow> rows;
  std::vector<std::pair<std::string, std::string>> absent;  // table, row
  std::vector<ExpectedNote> notes;
  std::vector<ExpectedSection> sections;
  std::set<std::string> tables;  // every table the file mentions
  std::vector<std::string> errors;
};

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& t : v) s += (s.empty() ? "" : " ") + t;
  return s;
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

bool is_value_token(const std::string& t) {
  if (t == "_" || t == "x" || t == "?") return true;
  std::size_t i = t.starts_with('-') ? 1 : 0;
  if (i >= t.size() || !std::isdigit(static_cast<unsigned char>(t[i]))) return false;
  bool dot = false;
  for (; i < t.size(); ++i) {
    if (t[i] == '.' && !dot && i + 1 < t.size()) dot = true;
    else if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
  }
  return true;
}

// "requests.granted" → {"requests", "granted"}
std::optional<std::pair<std::string, std::string>> split_key(const std::string& s) {
  const auto dot = s.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == s.size()) return std::nullopt;
  return std::make_pair(s.substr(0, dot), s.substr(dot + 1));
}

Expectations read_cells(const fs::path& file) {
  Expectations x;
  std::istringstream in(read_file(file));
  int n = 0;
  for (std::string raw; std::getline(in, raw);) {
    ++n;
    const std::string line = trim(raw);
    if (line.empty() || line.starts_with('#')) continue;
    const auto colon = line.find(':');
    if (colon == std::string::npos) {
      x.errors.push_back("line " + std::to_string(n) + ": no ':'");
      continue;
    }
    const std::string head = trim(line.substr(0, colon)), rest = trim(line.substr(colon + 1));
    const auto bad = [&](const std::string& why) { x.errors.push_back("line " + std::to_string(n) + ": " + why); };
    if (head == "pack") {
      x.pack = rest;
    } else if (head == "absent") {
      const auto k = split_key(rest);
      if (!k) bad("absent: wants TABLE.ROW");
      else {
        x.absent.push_back(*k);
        x.tables.insert(k->first);
      }
    } else if (head == "note") {
      const auto w = words(rest);
      if (w.size() < 2 || w.size() > 3) bad("note: wants TABLE ISSUE [ROW]");
      else {
        x.notes.push_back({n, w[0], w[1], w.size() == 3 ? w[2] : std::string()});
        x.tables.insert(w[0]);
      }
    } else if (head == "section") {
      const auto sp = rest.find(' ');
      const std::string num = rest.substr(0, sp);
      if (sp == std::string::npos || num.empty() || !std::all_of(num.begin(), num.end(), ::isdigit))
        bad("section: wants LINE TEXT");
      else x.sections.push_back({static_cast<std::uint32_t>(std::stoul(num)), trim(rest.substr(sp + 1))});
    } else if (const auto k = split_key(head)) {
      ExpectedRow r{n, k->first, k->second, words(rest)};
      for (const std::string& v : r.values)
        if (!is_value_token(v)) bad("'" + v + "' is not a value (integer, decimal, _, x or ?)");
      x.rows.push_back(std::move(r));
      x.tables.insert(k->first);
    } else {
      bad("unknown line kind '" + head + "'");
    }
  }
  if (x.pack.empty()) x.errors.push_back("no pack: line");
  return x;
}

// ---- the binder's answer, as the .cells file writes it ------------------------------------

std::string u8(std::u32string_view s) { return utf8::encode(s); }

std::string quantity_text(const Quantity& q) {
  std::string digits = std::to_string(q.mantissa);
  if (q.scale > 0) {
    if (digits.size() <= static_cast<std::size_t>(q.scale)) digits.insert(0, q.scale + 1 - digits.size(), '0');
    digits.insert(digits.size() - q.scale, ".");
  }
  return (q.negative ? "-" : "") + digits;
}

std::string cell_token(const BoundCell& c) {
  switch (c.state) {
    case CellState::Number: return quantity_text(c.value);
    case CellState::Blank: return "_";
    case CellState::NotANumber: return "x";
    case CellState::Missing: return "?";
  }
  return "?";
}

// For messages: the token and where it came from.
std::string cell_detail(const BoundCell& c) {
  std::string s = cell_token(c);
  if (c.state != CellState::Missing) s += " (line " + std::to_string(c.line) + ", text \"" + u8(c.text) + "\")";
  return s;
}

const char* issue_name(BindIssue i) {
  switch (i) {
    case BindIssue::CaptionNotFound: return "CaptionNotFound";
    case BindIssue::HeaderNotFound: return "HeaderNotFound";
    case BindIssue::RowNotFound: return "RowNotFound";
    case BindIssue::ShortRow: return "ShortRow";
    case BindIssue::ExtraCells: return "ExtraCells";
    case BindIssue::Unreadable: return "Unreadable";
    case BindIssue::NoTable: return "NoTable";
  }
  return "?";
}

bool known_issue(const std::string& s) {
  for (auto i : {BindIssue::CaptionNotFound, BindIssue::HeaderNotFound, BindIssue::RowNotFound, BindIssue::ShortRow,
                 BindIssue::ExtraCells, BindIssue::Unreadable, BindIssue::NoTable})
    if (s == issue_name(i)) return true;
  return false;
}

std::string note_text(const BoundTable& t, const BindNote& n) {
  std::string s = t.key + " " + issue_name(n.issue);
  if (!n.row.empty()) s += " " + n.row;
  if (!n.column.empty()) s += " " + n.column;
  if (n.expected || n.found) s += " (expected " + std::to_string(n.expected) + ", found " + std::to_string(n.found) + ")";
  return s;
}

bool note_matches(const ExpectedNote& e, const BoundTable& t, const BindNote& n) {
  return e.table == t.key && e.issue == issue_name(n.issue) && (e.which.empty() || e.which == n.row || e.which == n.column);
}

// Notes about where the binder looked rather than about the data: required when listed, but
// not an error when unlisted (run-together headers may or may not be recognised).
bool search_note(BindIssue i) { return i == BindIssue::HeaderNotFound || i == BindIssue::CaptionNotFound; }

// Folded, without blanks and leading Markdown '#': how a heading's text is compared.
std::string heading_form(std::string_view text) {
  const NormalizedText folded = normalize(text);
  std::u32string out;
  for (char32_t c : folded.text)
    if (c != U'#' && c != U' ' && c != U'\t' && c != U'\u3000' && c != U'\u00a0') out.push_back(c);
  return u8(out);
}

// Top-level sections: no parent, or the parent is a heading on the title line (a Markdown
// "# title" is not a section of the report).
std::vector<ExpectedSection> top_level_sections(const Report& r) {
  std::vector<ExpectedSection> out;
  const std::uint32_t title_line = r.title ? r.title->line : 0;
  for (const Section& s : r.sections) {
    const bool top = s.parent < 0 ? s.heading.line != title_line
                                  : (r.sections[s.parent].parent < 0 && r.sections[s.parent].heading.line == title_line);
    if (!top) continue;
    const Span whole{s.heading.marker.empty() ? s.heading.text.begin : s.heading.marker.begin, s.heading.text.end};
    out.push_back({s.heading.line, std::string(r.folded.source.substr(whole.begin, whole.end - whole.begin))});
  }
  return out;
}

const TableSpec* find_spec(const Pack& pack, const std::string& key) {
  for (const TableSpec& t : pack.tables)
    if (t.key == key) return &t;
  return nullptr;
}

// ---- one fixture ------------------------------------------------------------------------------

// Every mismatch of one fixture, one per line; empty when the fixture passes.
std::vector<std::string> check_fixture(const fs::path& report_path, const Expectations& x) {
  std::vector<std::string> problems = x.errors;
  for (std::string& e : problems) e = ".cells " + e;
  if (!x.errors.empty()) return problems;

  auto ingested = ingest_file(report_path.string(), IngestOptions{});
  if (const auto* err = std::get_if<IngestError>(&ingested)) {
    problems.push_back("cannot ingest: " + err->detail);
    return problems;
  }
  const Document& document = std::get<Document>(ingested);
  const Report report = parse_report(document);
  const PackChoice choice = choose_pack(report, PackRegistry::builtin(), nullptr);
  if (!choice.pack) {
    problems.push_back("pack: expected " + x.pack + ", got none");
    return problems;
  }
  if (choice.pack->id != x.pack) problems.push_back("pack: expected " + x.pack + ", got " + choice.pack->id);
  // Bind with the pack the fixture names, so one wrong choice does not hide the table results.
  const Pack* pack = PackRegistry::builtin().find(x.pack);
  if (!pack) {
    problems.push_back("pack " + x.pack + " is not a built-in pack");
    return problems;
  }

  for (const std::string& t : x.tables)
    if (!find_spec(*pack, t)) problems.push_back(".cells names table '" + t + "', which pack " + x.pack + " does not declare");
  for (const ExpectedNote& n : x.notes)
    if (!known_issue(n.issue)) problems.push_back(".cells line " + std::to_string(n.line) + ": unknown issue " + n.issue);
  if (!problems.empty() && problems.back().starts_with(".cells")) return problems;

  const std::vector<BoundTable> tables = bind_tables(report, *pack, match_sections(report, *pack));
  const auto bound_table = [&](const std::string& key) -> const BoundTable* {
    for (const BoundTable& t : tables)
      if (t.key == key) return &t;
    return nullptr;
  };

  // Expected rows and their cells.
  std::set<std::pair<std::string, std::string>> listed;
  for (const ExpectedRow& e : x.rows) {
    listed.insert({e.table, e.row});
    const TableSpec* spec = find_spec(*pack, e.table);
    const std::string name = e.table + "." + e.row;
    if (e.values.size() != spec->columns.size()) {
      problems.push_back(".cells line " + std::to_string(e.line) + ": " + name + " lists " + std::to_string(e.values.size()) +
                         " values, the table has " + std::to_string(spec->columns.size()) + " columns");
      continue;
    }
    const BoundTable* t = bound_table(e.table);
    const BoundRow* r = t ? t->row(e.row) : nullptr;
    if (!r) {
      std::string why;
      if (t)
        for (const BindNote& n : t->notes)
          if (n.row == e.row) why += (why.empty() ? " [notes: " : "; ") + note_text(*t, n);
      problems.push_back(name + ": not bound, expected " + joined(e.values) + (why.empty() ? "" : why + "]"));
      continue;
    }
    if (r->cells.size() != spec->columns.size())
      problems.push_back(name + ": " + std::to_string(r->cells.size()) + " cells bound for " +
                         std::to_string(spec->columns.size()) + " columns");
    for (std::size_t c = 0; c < spec->columns.size() && c < r->cells.size(); ++c) {
      const std::string got = cell_token(r->cells[c]);
      if (got != e.values[c])
        problems.push_back(name + " " + spec->columns[c].key + ": expected " + e.values[c] + ", got " + cell_detail(r->cells[c]));
    }
  }

  // Rows that must not be bound.
  for (const auto& [table, row] : x.absent) {
    listed.insert({table, row});
    const BoundTable* t = bound_table(table);
    if (const BoundRow* r = t ? t->row(row) : nullptr) {
      std::string vals;
      for (const BoundCell& c : r->cells) vals += " " + cell_token(c);
      problems.push_back(table + "." + row + ": must not be bound, got" + vals + " (line " + std::to_string(r->line) + ")");
    }
  }

  // Rows bound in a listed table that the fixture does not list.
  for (const std::string& key : x.tables) {
    const BoundTable* t = bound_table(key);
    if (!t) {
      problems.push_back(key + ": bind_tables returned no entry for this table");
      continue;
    }
    for (const BoundRow& r : t->rows)
      if (!listed.count({key, r.key})) {
        std::string vals;
        for (const BoundCell& c : r.cells) vals += " " + cell_token(c);
        problems.push_back(key + "." + r.key + ": bound but not expected:" + vals + " (line " + std::to_string(r.line) + ")");
      }
  }

  // Notes: every listed note must be given; an unlisted note about the data is a mismatch.
  for (const ExpectedNote& e : x.notes) {
    const BoundTable* t = bound_table(e.table);
    bool found = false;
    if (t)
      for (const BindNote& n : t->notes) found = found || note_matches(e, *t, n);
    if (!found) problems.push_back("note missing: " + e.table + " " + e.issue + (e.which.empty() ? "" : " " + e.which));
  }
  for (const std::string& key : x.tables) {
    const BoundTable* t = bound_table(key);
    if (!t) continue;
    for (const BindNote& n : t->notes) {
      if (search_note(n.issue)) continue;
      bool listed_note = false;
      for (const ExpectedNote& e : x.notes) listed_note = listed_note || note_matches(e, *t, n);
      if (!listed_note) problems.push_back("unexpected note: " + note_text(*t, n));
    }
  }

  // Top-level sections, when the fixture lists them.
  if (!x.sections.empty()) {
    const std::vector<ExpectedSection> actual = top_level_sections(report);
    bool same = actual.size() == x.sections.size();
    for (std::size_t i = 0; same && i < actual.size(); ++i)
      same = actual[i].line == x.sections[i].line && heading_form(actual[i].text) == heading_form(x.sections[i].text);
    if (!same) {
      std::string s = "top-level sections differ:\n      expected:";
      for (const ExpectedSection& e : x.sections) s += "\n        " + std::to_string(e.line) + " " + e.text;
      s += "\n      actual:";
      for (const ExpectedSection& a : actual) s += "\n        " + std::to_string(a.line) + " " + a.text;
      problems.push_back(s);
    }
  }
  return problems;
}

}  // namespace

TEST_CASE("e2e: table fixtures bind exactly their hand-written cells") {
  REQUIRE(fs::is_directory(fixture_dir()));
  std::vector<fs::path> cells_files;
  for (const auto& e : fs::directory_iterator(fixture_dir()))
    if (e.path().extension() == ".cells") cells_files.push_back(e.path());
  std::sort(cells_files.begin(), cells_files.end());
  REQUIRE(cells_files.size() >= 14);
  for (const fs::path& cells : cells_files) {
    std::vector<fs::path> reports;
    for (const char* ext : {".txt", ".md", ".html", ".htm"})
      if (fs::exists(fs::path(cells).replace_extension(ext))) reports.push_back(fs::path(cells).replace_extension(ext));
    if (reports.size() != 1) {
      FAIL_CHECK(cells.filename().string() << ": wants exactly one report beside it (.txt, .md, .html), found "
                                           << reports.size());
      continue;
    }
    const std::vector<std::string> problems = check_fixture(reports.front(), read_cells(cells));
    std::string message = reports.front().filename().string() + ": " + std::to_string(problems.size()) + " mismatch(es)";
    for (const std::string& p : problems) message += "\n    " + p;
    CHECK_MESSAGE(problems.empty(), message);
  }
}

TEST_CASE("e2e: every table fixture report has a .cells file") {
  for (const auto& e : fs::directory_iterator(fixture_dir()))
    if (is_report_extension(e.path())) {
      CAPTURE(e.path().filename().string());
      CHECK(fs::exists(fs::path(e.path()).replace_extension(".cells")));
    }
}
