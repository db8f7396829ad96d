// The rule × fixture matrix (issue 5, "Done when"): every rule of the catalogue fires on a
// fixture written to break it, at the expected line, and stays silent on the clean fixtures.
// A catalogue rule without a row here fails the test, so no rule can be added untested.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "rules/catalogue.h"
#include "rules/pack_registry.h"
#include "support/run.h"

using namespace nblint::test;
namespace fs = std::filesystem;

namespace {

struct MatrixRow {
  const char* rule;
  std::vector<const char*> files;  // checked in one run (the cross-report rules need two)
  const char* finding_in;          // the file (of `files`) the finding is reported in
  int line;
  const char* severity = nullptr;  // when the breaking finding's level is itself the point
};

// Paths relative to the repository. tests/fixtures/rule-matrix/ holds the fixtures written for
// the rules that had none: table/sum and table/part-exceeds-whole (the 2014 statistics table),
// text/encoding-noise and text/web-chrome (a mirror site's copy), meta/suppression (a typo).
const std::vector<MatrixRow>& matrix() {
  static const std::vector<MatrixRow> rows = {
      {"structure/missing-section", {"tests/fixtures/structure/fmt2021-missing-five.txt"}, nullptr, 11},
      {"structure/empty-section", {"tests/fixtures/structure/fmt2019-empty-two.txt"}, nullptr, 5},
      {"structure/section-order", {"tests/fixtures/structure/fmt2019-order.txt"}, nullptr, 7},
      {"structure/heading-wording", {"tests/fixtures/dates/headings-and-leftovers.txt"}, nullptr, 6},
      {"structure/heading-numbering", {"tests/fixtures/dates/mixed-numbering.txt"}, nullptr, 6},
      {"structure/missing-title", {"tests/fixtures/dates/no-title-no-period.txt"}, nullptr, 1},
      {"structure/thin-section", {"tests/fixtures/dates/fmt2019-thin-one-sentence.txt"}, nullptr, 12},
      {"table/missing", {"tests/fixtures/table-rules/missing.txt"}, nullptr, 52},
      {"table/outdated-template", {"tests/fixtures/table-rules/outdated-template.txt"}, nullptr, 9},
      {"table/row-total", {"tests/fixtures/table-rules/row-total.txt"}, nullptr, 28},
      {"table/results-total", {"tests/fixtures/table-rules/results-total.txt"}, nullptr, 53},
      {"table/balance", {"tests/fixtures/table-rules/balance.txt"}, nullptr, 25},
      {"table/review-total", {"tests/fixtures/table-rules/review-total.txt"}, nullptr, 60},
      {"table/part-exceeds-whole", {"tests/fixtures/rule-matrix/reg2008-table-sums.txt"}, nullptr, 32},
      {"table/sum", {"tests/fixtures/rule-matrix/reg2008-table-sums.txt"}, nullptr, 51},
      {"table/blank-cell", {"tests/fixtures/table-rules/blank-cell.txt"}, nullptr, 9},
      {"table/invalid-number", {"tests/fixtures/table-rules/invalid-number.txt"}, nullptr, 9},
      {"table/prose-mismatch", {"tests/fixtures/table-rules/prose-mismatch.txt"}, nullptr, 22},
      {"crossyear/carry-over",
       {"examples/qingshan-transport-2025.txt", "tests/fixtures/crossyear/qingshan-transport-2024.txt"},
       "examples/qingshan-transport-2025.txt", 35},
      {"crossyear/copied-text",
       {"examples/qingshan-transport-2025.txt", "tests/fixtures/crossyear/qingshan-transport-2024.txt"},
       "examples/qingshan-transport-2025.txt", 4},
      {"text/copied-from-other",
       {"examples/qingshan-transport-2025.txt", "tests/fixtures/crossyear/other-organ/qingshan-water-2024.txt"},
       "tests/fixtures/crossyear/other-organ/qingshan-water-2024.txt", 70},
      {"date/period-missing", {"tests/fixtures/dates/no-title-no-period.txt"}, nullptr, 1},
      {"date/period-mismatch", {"tests/fixtures/dates/late-department-partial.txt"}, nullptr, 3},
      {"date/partial-period", {"tests/fixtures/dates/late-department-partial.txt"}, nullptr, 5},
      {"date/year-mismatch", {"tests/fixtures/dates/government-years-disagree.txt"}, nullptr, 2},
      // Late, not merely undated (that is an info note).
      {"date/publish-deadline", {"tests/fixtures/dates/late-department-partial.txt"}, nullptr, 2, "warning"},
      {"date/invalid", {"tests/fixtures/dates/reg2008-invalid-dates.txt"}, nullptr, 18},
      {"text/placeholder", {"tests/fixtures/dates/headings-and-leftovers.txt"}, nullptr, 7},
      {"text/encoding-noise", {"tests/fixtures/rule-matrix/publishing-noise.txt"}, nullptr, 11},
      {"text/web-chrome", {"tests/fixtures/rule-matrix/publishing-noise.txt"}, nullptr, 1},
      // meta/pack speaks on every report; it breaks when no pack can be chosen (then a warning).
      {"meta/pack", {"tests/fixtures/structure/no-year.txt"}, nullptr, 1, "warning"},
      {"meta/suppression", {"tests/fixtures/rule-matrix/suppression-typo.txt"}, nullptr, 7},
  };
  return rows;
}

// Reports that must give no finding at all but meta/pack's info note. The date fixture carries
// no tables (it was written for the date rules), so table/missing is its one allowed finding.
const std::map<std::string, std::set<std::string>>& clean_fixtures() {
  static const std::map<std::string, std::set<std::string>> clean = {
      {"tests/fixtures/compliant/songlin-market-2020.txt", {}},
      {"examples/qingshan-transport-2025.txt", {}},
      {"examples/yunling-eco-2016.txt", {}},
      {"tests/fixtures/table-rules/fmt2021-clean.txt", {}},
      {"tests/fixtures/table-rules/fmt2019-clean.txt", {}},
      {"tests/fixtures/dates/clean-department-2023.txt", {"table/missing"}},
  };
  return clean;
}

struct Finding {
  std::string file;  // relative to the repository
  std::string rule;
  int line;
  std::string severity;
  std::string pack;  // the file's pack, "" when none
};

std::string relative(const std::string& path) {
  const std::string root = source_dir().string() + "/";
  return path.starts_with(root) ? path.substr(root.size()) : path;
}

std::vector<Finding> run(const std::vector<std::string>& files) {
  std::vector<std::string> args{"check", "--format", "json"};
  for (const std::string& f : files) args.push_back((source_dir() / f).string());
  const RunResult r = run_nblint(args);
  REQUIRE(r.exit_code != 2);
  std::vector<Finding> out;
  const nlohmann::json doc = nlohmann::json::parse(r.out);  // kept: the loop below refers into it
  for (const auto& file : doc["files"])
    for (const auto& d : file["diagnostics"])
      out.push_back({relative(file["path"]), d["rule"], d["line"].get<int>(), d["severity"],
                     file["pack"].is_null() ? "" : file["pack"].get<std::string>()});
  return out;
}

std::vector<std::string> catalogue_ids() {
  std::vector<std::string> ids;
  for (const nblint::RuleInfo& r : nblint::Catalogue::builtin().rules()) ids.push_back(r.id);
  return ids;
}

// meta/suppression judges the comments written for nblint, not the report: it applies whatever
// the pack (or none), so no pack lists it (docs/rules/meta/suppression.md).
bool pack_independent(const std::string& rule) { return rule == "meta/suppression"; }

}  // namespace

TEST_CASE("rule matrix: every catalogue rule has a row, and every row names a catalogue rule") {
  const auto ids = catalogue_ids();
  REQUIRE(ids.size() >= 32);
  std::set<std::string> in_matrix;
  for (const MatrixRow& row : matrix()) in_matrix.insert(row.rule);
  for (const std::string& id : ids) {
    CAPTURE(id);
    CHECK_MESSAGE(in_matrix.count(id) == 1, "add a breaking fixture for this rule to tests/e2e/rule_matrix_test.cpp");
  }
  for (const std::string& rule : in_matrix) {
    CAPTURE(rule);
    CHECK(std::find(ids.begin(), ids.end(), rule) != ids.end());
  }
  CHECK(in_matrix.size() == matrix().size());  // one row per rule
}

TEST_CASE("rule matrix: each rule fires on the fixture written to break it, at the expected line") {
  for (const MatrixRow& row : matrix()) {
    CAPTURE(row.rule);
    std::vector<std::string> files(row.files.begin(), row.files.end());
    const std::string where = row.finding_in ? row.finding_in : row.files.front();
    CAPTURE(where);
    bool found = false;
    for (const Finding& f : run(files)) {
      if (f.rule != row.rule) continue;
      if (f.file == where && f.line == row.line && (!row.severity || f.severity == row.severity)) found = true;
      // A rule that fires is enabled in the pack the report got.
      if (!f.pack.empty() && !pack_independent(f.rule)) {
        CAPTURE(f.pack);
        CHECK(nblint::PackRegistry::builtin().find(f.pack)->enables(f.rule));
      }
    }
    CHECK(found);
  }
}

TEST_CASE("rule matrix: every rule stays silent on the clean fixtures, one by one and all in one run") {
  std::vector<std::string> all;
  for (const auto& [file, allowed] : clean_fixtures()) all.push_back(file);
  // One run: the cross-report rules (crossyear/*, text/copied-from-other) compare them all.
  const std::vector<Finding> together = run(all);
  for (const std::string& file : all) {
    CAPTURE(file);
    const std::set<std::string>& allowed = clean_fixtures().at(file);
    const std::vector<Finding> alone = run({file});
    REQUIRE_FALSE(alone.empty());
    for (const std::vector<Finding>* findings : {&alone, &together}) {
      int pack_notes = 0;
      for (const Finding& f : *findings) {
        if (f.file != file) continue;
        CAPTURE(f.rule);
        CAPTURE(f.line);
        if (f.rule == "meta/pack") {
          ++pack_notes;
          CHECK(f.severity == "info");
          CHECK_FALSE(f.pack.empty());
        } else {
          CHECK(allowed.count(f.rule) == 1);
        }
      }
      CHECK(pack_notes == 1);
    }
  }
}

TEST_CASE("rule matrix: the fixtures written for it give exactly their .expect findings") {
  const fs::path dir = source_dir() / "tests" / "fixtures" / "rule-matrix";
  int reports = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    ++reports;
    CAPTURE(e.path().string());
    const fs::path expect = fs::path(e.path()).replace_extension(".expect");
    REQUIRE_MESSAGE(fs::exists(expect), "every report needs a .expect file");
    std::multiset<std::pair<std::string, int>> expected, actual;
    std::istringstream in(read_file(expect));
    std::string rule;
    int line;
    while (in >> rule >> line) expected.insert({rule, line});
    for (const Finding& f : run({relative(e.path().string())}))
      if (f.rule != "meta/pack") actual.insert({f.rule, f.line});
    CHECK(actual == expected);
  }
  CHECK(reports == 3);
}

TEST_CASE("rule matrix: every rule but meta/suppression is enabled in some pack") {
  for (const std::string& id : catalogue_ids()) {
    CAPTURE(id);
    bool enabled = false;
    for (const nblint::Pack& p : nblint::PackRegistry::builtin().packs()) enabled = enabled || p.enables(id);
    CHECK(enabled != pack_independent(id));
  }
}

TEST_CASE("rule matrix: nblint explain prints every catalogue rule's page, with every part") {
  for (const std::string& id : catalogue_ids()) {
    CAPTURE(id);
    const RunResult r = run_nblint({"explain", id});
    CHECK(r.exit_code == 0);
    CHECK(r.out.starts_with("# " + id + "\n"));
    CHECK(r.out == read_file(source_dir() / nblint::RuleInfo::doc_path_of(id)));
    for (const char* part : {"## 规则说明", "## 依据", "## 错误示例", "## 修改方法", "## 默认级别", "## Summary"}) {
      CAPTURE(part);
      CHECK(r.out.find(std::string("\n") + part + "\n") != std::string::npos);
    }
  }
  const RunResult unknown = run_nblint({"explain", "structure/no-such-rule"});
  CHECK(unknown.exit_code == 2);
}
