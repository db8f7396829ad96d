// Baselines over the real reports of ../shared/corpus: every finding recorded is matched again
// after blank lines are inserted above and inside each report (line numbers all change, the
// content does not), and writing the baseline twice gives the same bytes.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "support/run.h"

using namespace nblint::test;
namespace fs = std::filesystem;

namespace {

// Two blank lines before line 1 and two more after line 4.
std::string with_blank_lines(const std::string& text) {
  std::size_t at = 0;
  for (int i = 0; i < 4 && at != std::string::npos; ++i) {
    at = text.find('\n', at);
    if (at != std::string::npos) ++at;
  }
  if (at == std::string::npos) return "\n\n" + text;
  return "\n\n" + text.substr(0, at) + "\n\n" + text.substr(at);
}

}  // namespace

TEST_CASE("corpus baseline: findings of the real reports stay matched when their lines move") {
  const fs::path corpus = shared_dir() / "corpus";
  if (!fs::is_directory(corpus / "real")) {
    MESSAGE("skipped: " << (corpus / "real").string() << " is absent (the shared corpus is not checked out)");
    return;
  }
  const fs::path dir = fresh_temp_dir("nblint-corpus-baseline", "reports");
  for (const char* sub : {"real", "seeds"})
    if (fs::is_directory(corpus / sub)) fs::copy(corpus / sub, dir / sub, fs::copy_options::recursive);
  const fs::path baseline = dir.parent_path() / "baseline.json";

  RunResult r = run_nblint({"check", "--write-baseline", baseline.string(), dir.string()});
  REQUIRE(r.exit_code == 0);
  const std::string first = read_file(baseline);
  const std::size_t recorded = nlohmann::json::parse(first)["findings"].size();
  CHECK(recorded > 50);  // the corpus has plenty of findings
  run_nblint({"check", "--write-baseline", baseline.string(), dir.string()});
  CHECK(read_file(baseline) == first);

  int moved = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const auto ext = entry.path().extension();
    if (ext != ".txt" && ext != ".md") continue;
    write_file(entry.path(), with_blank_lines(read_file(entry.path())));
    ++moved;
  }
  CHECK(moved > 20);
  r = run_nblint({"check", "--format", "json", "--baseline", baseline.string(), dir.string()});
  CHECK(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["baseline_matched"] == recorded);
  for (const auto& f : doc["files"]) {
    CAPTURE(f["path"].get<std::string>());
    CHECK(f["diagnostics"].size() == 0);
  }
}
