// Configuration (src/config/): glob matching, .nblint.yaml loading and its strict errors,
// discovery, extends chains, merging with overrides, suppression comments, baselines, and user
// packs in the pack registry.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "config/baseline.h"
#include "config/config_file.h"
#include "config/config_resolver.h"
#include "config/glob.h"
#include "config/suppression.h"
#include "ingest/decode.h"
#include "rules/pack_registry.h"
#include "rules/yaml_read.h"
#include "support/run.h"

using namespace nblint;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) { return test::fresh_temp_dir("nblint-config", name); }

void write(const fs::path& p, const std::string& text) { test::write_file(p, text); }

ConfigFile parse(const std::string& yaml, const fs::path& path = "/nowhere/.nblint.yaml") {
  return parse_config_file(yaml, path, Catalogue::builtin());
}

// The error message of parsing `yaml`, which must fail.
std::string parse_error(const std::string& yaml, const fs::path& path = "/nowhere/.nblint.yaml") {
  try {
    parse(yaml, path);
  } catch (const ConfigError& e) {
    return e.what();
  }
  FAIL("expected a ConfigError for: " << yaml);
  return {};
}

SourceText source_of(const std::string& text) {
  return make_source_text("t.txt", std::get<Decoded>(decode_bytes(text)));
}

Diagnostic finding_at(const SourceText& src, std::string_view rule, std::string_view text_on_line) {
  const auto at = static_cast<std::uint32_t>(src.text.find(text_on_line));
  REQUIRE(at != std::string::npos);
  return {std::string(rule), Severity::Error, "m", {at, at + static_cast<std::uint32_t>(text_on_line.size())}};
}

}  // namespace

TEST_CASE("config glob: *, ?, classes, ** and bare names") {
  CHECK(glob_match("*.txt", "a.txt"));
  CHECK(glob_match("*.txt", "dir/sub/a.txt"));  // a bare name matches in any directory
  CHECK_FALSE(glob_match("*.txt", "a.html"));
  CHECK(glob_match("reports/*.txt", "reports/a.txt"));
  CHECK_FALSE(glob_match("reports/*.txt", "reports/2021/a.txt"));  // * stays within a segment
  CHECK(glob_match("reports/**/*.txt", "reports/a.txt"));           // ** may be no segment
  CHECK(glob_match("reports/**/*.txt", "reports/2021/x/a.txt"));
  CHECK_FALSE(glob_match("reports/**/*.txt", "other/2021/a.txt"));
  CHECK(glob_match("reports/**", "reports/2021/a.txt"));
  CHECK_FALSE(glob_match("reports/**", "reportsx/a.txt"));
  CHECK(glob_match("**/乡镇/*", "县/乡镇/白河镇.txt"));              // Chinese names, byte-wise
  CHECK(glob_match("20[12][0-9]/?.md", "2021/a.md"));
  CHECK_FALSE(glob_match("20[12][0-9]/?.md", "2031/a.md"));
  CHECK(glob_match("[!a]*.md", "b.md"));
  CHECK_FALSE(glob_match("[!a]*.md", "a.md"));
  CHECK(glob_match("./docs/*.md", "docs/x.md"));
  CHECK_FALSE(glob_match("a?c", "a/c"));
}

TEST_CASE("config file: every key is read") {
  const fs::path dir = fresh_dir("all-keys");
  write(dir / "base.yaml", "rules: {meta/pack: off}\n");
  write(dir / "packs/p.yaml", "# not read here\n");
  const std::string yaml =
      "extends: base.yaml\n"
      "rules:\n"
      "  structure/section-order: error\n"
      "  meta/pack: 'off'\n"
      "organ_level: township\n"
      "pack: fmt2019\n"
      "packs: [packs/p.yaml]\n"
      "overrides:\n"
      "  - files: ['乡镇/**']\n"
      "    rules: {structure/empty-section: warning}\n"
      "    organ_level: department\n"
      "    pack: reg2008\n";
  const ConfigFile c = parse(yaml, dir / ".nblint.yaml");
  REQUIRE(c.extends.size() == 1);
  CHECK(c.extends[0].path == dir / "base.yaml");
  CHECK(c.rules.at("structure/section-order") == Severity::Error);
  CHECK_FALSE(c.rules.at("meta/pack").has_value());
  CHECK(c.organ_level == OrganLevel::Township);
  REQUIRE(c.pack);
  CHECK(c.pack->id == "fmt2019");
  CHECK(c.pack->place.line == 6);
  CHECK(c.pack->place.column == 7);
  REQUIRE(c.packs.size() == 1);
  CHECK(c.packs[0].path == dir / "packs/p.yaml");
  REQUIRE(c.overrides.size() == 1);
  CHECK(c.overrides[0].files == std::vector<std::string>{"乡镇/**"});
  CHECK(c.overrides[0].rules.at("structure/empty-section") == Severity::Warning);
  CHECK(c.overrides[0].organ_level == OrganLevel::Department);
  CHECK(c.overrides[0].pack->id == "reg2008");
  CHECK(parse("").rules.empty());  // an empty file configures nothing
}

TEST_CASE("config file: mistakes are errors with file:line:column") {
  const std::string at = "/nowhere/.nblint.yaml:";
  CHECK(parse_error("rulez: {}\n").starts_with(at + "1:1: unknown key 'rulez'"));
  CHECK(parse_error("rules:\n  structure/no-such: error\n").starts_with(at + "2:3: unknown rule 'structure/no-such'"));
  CHECK(parse_error("rules:\n  meta/pack: loud\n").starts_with(at + "2:14: severity of 'meta/pack' must be"));
  CHECK(parse_error("rules: [meta/pack]\n").starts_with(at + "1:8: rules must be a mapping"));
  CHECK(parse_error("rules:\n  meta/pack: off\n  meta/pack: info\n").starts_with(at + "3:3: rule 'meta/pack' is listed twice"));
  CHECK(parse_error("organ_level: city\n").starts_with(at + "1:14: organ_level must be government"));
  CHECK(parse_error("pack: [fmt2021]\n").starts_with(at + "1:7: pack must be a single value"));
  CHECK(parse_error("packs: p.yaml\n").starts_with(at + "1:8: packs (a list of pack files) must be a list"));
  CHECK(parse_error("extends: missing.yaml\n").starts_with(at + "1:10: extends 'missing.yaml': no such file"));
  CHECK(parse_error("overrides:\n  - rules: {}\n").starts_with(at + "2:5: missing required key 'files'"));
  CHECK(parse_error("overrides:\n  - files: ['*.md']\n    severity: off\n").starts_with(at + "3:5: unknown key 'severity'"));
  CHECK(parse_error("overrides:\n  - files: '*.md'\n").starts_with(at + "2:12: files (a list of globs) must be a list"));
  CHECK(parse_error("rules: {meta/pack: off\n").starts_with(at + "2:1:"));  // YAML syntax
  CHECK(parse_error("- a\n- b\n").starts_with(at + "1:1: a configuration file must be a mapping"));
}

TEST_CASE("config discovery: the nearest .nblint.yaml above the file wins") {
  const fs::path root = fresh_dir("discovery");
  write(root / "a" / kConfigFileName, "rules: {meta/pack: off}\n");
  write(root / "a/b/c" / kConfigFileName, "rules: {meta/pack: warning}\n");
  fs::create_directories(root / "a/b/c/d");
  fs::create_directories(root / "x");
  CHECK(find_config(root / "a/b") == root / "a" / kConfigFileName);
  CHECK(find_config(root / "a/b/c") == root / "a/b/c" / kConfigFileName);
  CHECK(find_config(root / "a/b/c/d") == root / "a/b/c" / kConfigFileName);
  const auto outside = find_config(root / "x");  // nothing in our tree; maybe one far above
  CHECK((!outside || !outside->string().starts_with(root.string())));

  ConfigResolver resolver(Catalogue::builtin(), std::nullopt);
  write(root / "a/b/r.txt", "x");
  write(root / "a/b/c/d/r.txt", "x");
  CHECK_FALSE(resolver.settings_for((root / "a/b/r.txt").string()).rules.at("meta/pack").has_value());
  CHECK(resolver.settings_for((root / "a/b/c/d/r.txt").string()).rules.at("meta/pack") == Severity::Warning);

  ConfigResolver explicit_config(Catalogue::builtin(), root / "a" / kConfigFileName);  // --config: no discovery
  CHECK_FALSE(explicit_config.settings_for((root / "a/b/c/d/r.txt").string()).rules.at("meta/pack").has_value());
}

TEST_CASE("config extends: bases first, each file once, a cycle is an error naming it") {
  const fs::path dir = fresh_dir("extends");
  write(dir / "common.yaml", "rules: {meta/pack: warning, structure/section-order: error}\norgan_level: government\n");
  write(dir / "left.yaml", "extends: common.yaml\nrules: {meta/pack: error}\n");
  write(dir / "right.yaml", "extends: [common.yaml]\nrules: {structure/section-order: info}\n");
  write(dir / "top.yaml", "extends: [left.yaml, right.yaml]\n");
  const ConfigChain chain = load_config_chain(dir / "top.yaml", Catalogue::builtin());
  REQUIRE(chain.files.size() == 4);
  CHECK(chain.files[0].path.filename() == "common.yaml");
  CHECK(chain.files[1].path.filename() == "left.yaml");
  CHECK(chain.files[2].path.filename() == "right.yaml");
  CHECK(chain.files[3].path.filename() == "top.yaml");
  const FileSettings s = merge_settings(chain, dir / "r.txt");
  CHECK(s.rules.at("meta/pack") == Severity::Error);                    // left over common
  CHECK(s.rules.at("structure/section-order") == Severity::Info);       // right, listed later
  CHECK(s.organ_level == OrganLevel::Government);

  write(dir / "loop-a.yaml", "extends: loop-b.yaml\n");
  write(dir / "loop-b.yaml", "rules: {}\nextends: [loop-a.yaml]\n");
  try {
    load_config_chain(dir / "loop-a.yaml", Catalogue::builtin());
    FAIL("expected a cycle error");
  } catch (const ConfigError& e) {
    const std::string what = e.what();
    CHECK(what.starts_with((dir / "loop-b.yaml").string() + ":2:11: extends makes a cycle"));
    CHECK(what.find("loop-a.yaml → ") != std::string::npos);
  }
  write(dir / "self.yaml", "extends: self.yaml\n");
  CHECK_THROWS_AS(load_config_chain(dir / "self.yaml", Catalogue::builtin()), ConfigError);
}

TEST_CASE("config merge: chain < overrides, later entries win, globs relative to their file") {
  const fs::path dir = fresh_dir("merge");
  write(dir / "shared/base.yaml",
        "rules: {structure/empty-section: warning}\n"
        "overrides:\n"
        "  - files: ['**/*.txt']\n"          // relative to shared/: never matches files outside it
        "    rules: {structure/empty-section: 'off'}\n");
  write(dir / kConfigFileName,
        "extends: shared/base.yaml\n"
        "rules: {structure/empty-section: info, meta/pack: warning}\n"
        "overrides:\n"
        "  - files: ['乡镇/**']\n"
        "    rules: {meta/pack: error}\n"
        "    organ_level: township\n"
        "  - files: ['乡镇/白河镇/*.txt']\n"
        "    rules: {meta/pack: 'off'}\n"
        "    pack: fmt2019\n");
  const ConfigChain chain = load_config_chain(dir / kConfigFileName, Catalogue::builtin());

  const FileSettings top = merge_settings(chain, dir / "县.txt");
  CHECK(top.rules.at("structure/empty-section") == Severity::Info);  // the chain: the extending file wins
  CHECK(top.rules.at("meta/pack") == Severity::Warning);
  CHECK_FALSE(top.organ_level);

  const FileSettings town = merge_settings(chain, dir / "乡镇/东岭乡.txt");
  CHECK(town.rules.at("meta/pack") == Severity::Error);
  CHECK(town.organ_level == OrganLevel::Township);
  CHECK_FALSE(town.pack);

  const FileSettings baihe = merge_settings(chain, dir / "乡镇/白河镇/2020.txt");
  CHECK_FALSE(baihe.rules.at("meta/pack").has_value());  // the later override wins
  CHECK(baihe.organ_level == OrganLevel::Township);      // … and keeps what it does not set
  CHECK(baihe.pack->id == "fmt2019");

  const FileSettings in_shared = merge_settings(chain, dir / "shared/x.txt");
  CHECK_FALSE(in_shared.rules.at("structure/empty-section").has_value());  // override beats the chain

  CHECK(merge_settings(chain, fs::path()).rules.at("meta/pack") == Severity::Warning);  // stdin: no overrides
}

TEST_CASE("config severities: off drops a finding, a severity replaces the pack's") {
  std::vector<Diagnostic> d{{"meta/pack", Severity::Info, "a", {}},
                            {"structure/empty-section", Severity::Error, "b", {}},
                            {"structure/section-order", Severity::Warning, "c", {}}};
  apply_rule_severities({{"meta/pack", std::nullopt}, {"structure/empty-section", Severity::Warning}}, d);
  REQUIRE(d.size() == 2);
  CHECK(d[0].rule == "structure/empty-section");
  CHECK(d[0].severity == Severity::Warning);
  CHECK(d[1].severity == Severity::Warning);
}

TEST_CASE("suppression comments: directives, ids, reasons and unknown names") {
  const Catalogue& cat = Catalogue::builtin();
  SuppressionComment c = parse_suppression_comment("<!-- nblint-disable structure/empty-section, meta/pack -- 草稿 -->", cat);
  REQUIRE(c.directive);
  CHECK(c.directive->kind == SuppressionDirective::Kind::Disable);
  CHECK_FALSE(c.directive->all);
  CHECK(c.directive->ids == std::set<std::string>{"structure/empty-section", "meta/pack"});
  CHECK(c.unknown_ids.empty());

  c = parse_suppression_comment("<!--nblint-enable-->", cat);
  REQUIRE(c.directive);
  CHECK(c.directive->kind == SuppressionDirective::Kind::Enable);
  CHECK(c.directive->all);

  c = parse_suppression_comment("<!-- nblint-disable-next-line structure/no-such -->", cat);
  REQUIRE(c.directive);
  CHECK_FALSE(c.directive->all);  // ids were given, none known: nothing is disabled
  CHECK(c.directive->ids.empty());
  CHECK(c.unknown_ids == std::vector<std::string>{"structure/no-such"});

  c = parse_suppression_comment("<!-- nblint-disabel meta/pack -->", cat);
  CHECK_FALSE(c.directive);
  CHECK(c.unknown_directive == "nblint-disabel");
  c = parse_suppression_comment("<!-- 编辑备注：nblint-disable 不在开头 -->", cat);
  CHECK_FALSE(c.directive);
  CHECK(c.unknown_directive.empty());
}

TEST_CASE("suppression: ranges, re-enabling, next line, and findings on other lines") {
  const SourceText src = source_of(
      "第一行 XX\n"                                                   // 1
      "<!-- nblint-disable -->\n"                                     // 2
      "第三行 XX\n"                                                   // 3
      "<!-- nblint-enable structure/empty-section -->\n"              // 4
      "第五行 XX\n"                                                   // 5
      "<!-- nblint-enable -->\n"                                      // 6
      "<!-- nblint-disable-next-line meta/pack nblint/unknown -->\n"  // 7
      "第八行 XX\n"                                                   // 8
      "第九行 XX\n");                                                 // 9
  std::vector<Span> comments;
  for (const char* c : {"<!-- nblint-disable -->", "<!-- nblint-enable structure/empty-section -->", "<!-- nblint-enable -->",
                        "<!-- nblint-disable-next-line meta/pack nblint/unknown -->"}) {
    const auto at = static_cast<std::uint32_t>(src.text.find(c));
    comments.push_back({at, at + static_cast<std::uint32_t>(std::string_view(c).size())});
  }
  std::vector<Diagnostic> d;
  for (const char* line : {"第一行", "第三行", "第五行", "第八行", "第九行"})
    for (const char* rule : {"meta/pack", "structure/empty-section"}) d.push_back(finding_at(src, rule, line));
  const std::size_t dropped = apply_suppressions(src, comments, Catalogue::builtin(), Lang::En, d);
  std::vector<std::string> kept;
  for (const Diagnostic& x : d) kept.push_back(std::to_string(src.locate(x.span.begin).line) + " " + x.rule);
  CHECK(kept == std::vector<std::string>{"1 meta/pack", "1 structure/empty-section", "5 structure/empty-section",
                                         "7 meta/suppression", "8 structure/empty-section", "9 meta/pack",
                                         "9 structure/empty-section"});
  CHECK(dropped == 4);
  const auto unknown = std::find_if(d.begin(), d.end(), [](const Diagnostic& x) { return x.rule == "meta/suppression"; });
  CHECK(unknown->severity == Severity::Warning);
  CHECK(unknown->message.find("nblint/unknown") != std::string::npos);
}

TEST_CASE("baseline fingerprints: same for moved lines, different per occurrence and rule") {
  const SourceText before = source_of("标题\n三、收到和处理政府信息公开申请情况\n四、复议\n");
  const SourceText after = source_of("标题\n新增一行\n又一行\n  三、收到和处理政府信息公开申请情况  \n四、复议\n");
  const auto a = fingerprints(before, {finding_at(before, "structure/empty-section", "三、")});
  const auto b = fingerprints(after, {finding_at(after, "structure/empty-section", "三、")});
  REQUIRE(a.size() == 1);
  CHECK(a == b);  // the line moved and was re-indented: the fingerprint holds
  CHECK(a[0].size() == 16);
  const auto two = fingerprints(before, {finding_at(before, "table/x", "三、"), finding_at(before, "table/x", "三、"),
                                         finding_at(before, "structure/empty-section", "三、")});
  CHECK(two[0] != two[1]);  // the occurrence index tells them apart
  CHECK(two[2] == a[0]);
  CHECK(two[0] != a[0]);

  // A finding about the whole report sits at offset 0; blank lines above the title do not move it.
  const SourceText plain = source_of("青山县2021年政府信息公开工作年度报告\n正文\n");
  const SourceText padded = source_of("\n  \n青山县2021年政府信息公开工作年度报告\n正文\n");
  const Diagnostic whole{"structure/missing-section", Severity::Error, "m", {0, 0}};
  CHECK(fingerprints(plain, {whole}) == fingerprints(padded, {whole}));
}

TEST_CASE("baseline files: sorted deterministic JSON, written atomically, read back, corrupt ones are errors") {
  const fs::path dir = fresh_dir("baseline");
  const fs::path file = dir / "nblint-baseline.json";
  std::vector<BaselineEntry> entries{{"structure/empty-section", "b/r.txt", "00000000000000aa"},
                                     {"meta/pack", "a.txt", "00000000000000bb"},
                                     {"meta/pack", "b/r.txt", "00000000000000cc"}};
  write_baseline(file, entries);
  const std::string first = test::read_file(file);
  std::reverse(entries.begin(), entries.end());
  write_baseline(file, entries);
  CHECK(test::read_file(file) == first);  // the order of findings does not matter
  CHECK(first.find("\"nblint_baseline\": 1") != std::string::npos);
  CHECK(first.find("a.txt") < first.find("b/r.txt"));
  for (const auto& e : fs::directory_iterator(dir)) CHECK(e.path().filename() == "nblint-baseline.json");  // no temp left
  const auto back = read_baseline(file);
  REQUIRE(back.size() == 3);
  CHECK(back[0].file == "a.txt");

  BaselineMatcher matcher(back);
  CHECK(matcher.take({"meta/pack", "a.txt", "00000000000000bb"}));
  CHECK_FALSE(matcher.take({"meta/pack", "a.txt", "00000000000000bb"}));  // each entry once
  CHECK_FALSE(matcher.take({"meta/pack", "c.txt", "00000000000000bb"}));

  CHECK(baseline_file_name((dir / "sub/r.txt").string(), file) == "sub/r.txt");
  CHECK(baseline_file_name("-", file) == "<stdin>");

  const auto error_of = [&](const std::string& text) {
    write(dir / "bad.json", text);
    try {
      read_baseline(dir / "bad.json");
    } catch (const BaselineError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("{\"findings\": [").find("not valid JSON") != std::string::npos);
  // A number no double holds: the JSON parser throws out_of_range, not parse_error.
  CHECK(error_of("{\"nblint_baseline\": 1e999, \"findings\": []}").find("not valid JSON") != std::string::npos);
  CHECK(error_of("[]").find("not an nblint baseline") != std::string::npos);
  CHECK(error_of("{\"nblint_baseline\": 2, \"findings\": []}").find("format version 2") != std::string::npos);
  CHECK(error_of("{\"nblint_baseline\": 1, \"findings\": [{\"rule\": \"x\"}]}").find("\"file\"") != std::string::npos);
  CHECK_THROWS_AS(read_baseline(dir / "missing.json"), BaselineError);
}

TEST_CASE("user packs: a built-in id is replaced, a new id is chosen by year, mistakes have file:line:column") {
  const fs::path dir = fresh_dir("user-packs");
  std::string fmt2021 = test::read_file(test::source_dir() / "rules/fmt2021.yaml");  // as a user copies it
  const std::string from = "structure/section-order: warning";
  REQUIRE(fmt2021.find(from) != std::string::npos);
  fmt2021.replace(fmt2021.find(from), from.size(), "structure/section-order: error");
  write(dir / "fmt2021-strict.yaml", fmt2021);
  const fs::path province = test::source_dir() / "tests/fixtures/config/province-pack.yaml";

  const PackRegistry r = PackRegistry::with_user_packs({dir / "fmt2021-strict.yaml", province});
  CHECK(r.packs().size() == 4);
  CHECK(r.find("fmt2021")->rules.at("structure/section-order") == Severity::Error);
  CHECK(PackRegistry::builtin().find("fmt2021")->rules.at("structure/section-order") == Severity::Warning);
  CHECK(r.for_year(2022)->id == "fmt2021");
  CHECK(r.for_year(2024)->id == "province2024");  // starts later than fmt2021: it wins from 2024
  CHECK(r.for_year(2019)->id == "fmt2019");

  write(dir / "broken.yaml", "pack: broken\nname: {zh: 坏}\nbasis: {zh: 无}\nyears: {from: 2024}\nrulez: {}\n");
  try {
    PackRegistry::with_user_packs({dir / "broken.yaml"});
    FAIL("expected a PackError");
  } catch (const PackError& e) {
    CHECK(e.file() == (dir / "broken.yaml").string());
    CHECK(e.line() == 5);
    CHECK(e.column() == 1);
  }
}

TEST_CASE("config docs: the complete example in docs/configuration.md loads and means what it says") {
  const std::string doc = test::read_file(test::source_dir() / "docs" / "configuration.md");
  const auto section = doc.find("## A complete example");
  REQUIRE(section != std::string::npos);
  const auto begin = doc.find("```yaml\n", section) + 8;
  const std::string yaml = doc.substr(begin, doc.find("```", begin) - begin);
  const fs::path dir = fresh_dir("docs-example");
  write(dir / "nblint-base.yaml", "rules: {meta/pack: info}\n");
  write(dir / "reports" / "packs" / "province-fmt2021.yaml", "# checked for existence only here\n");
  write(dir / "reports" / kConfigFileName, yaml);
  const ConfigChain chain = load_config_chain(dir / "reports" / kConfigFileName, Catalogue::builtin());
  REQUIRE(chain.files.size() == 2);
  CHECK(chain.files[1].overrides.size() == 3);
  const FileSettings town = merge_settings(chain, dir / "reports" / "乡镇" / "白河镇" / "2025.txt");
  CHECK(town.organ_level == OrganLevel::Township);
  CHECK_FALSE(town.rules.at("meta/pack").has_value());  // off in the example, over the base's info
  CHECK(town.pack_files == std::vector<fs::path>{dir / "reports" / "packs" / "province-fmt2021.yaml"});
  const FileSettings county = merge_settings(chain, dir / "reports" / "县政府" / "2025.html");
  CHECK(county.organ_level == OrganLevel::Government);
  CHECK(county.rules.at("structure/heading-wording") == Severity::Info);
  const FileSettings old = merge_settings(chain, dir / "reports" / "archive" / "2016" / "a.txt");
  CHECK(old.pack->id == "reg2008");
  CHECK(old.organ_level == OrganLevel::Department);
}
