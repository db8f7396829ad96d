// Hostile rule packs and configurations: billion-laughs anchors, deep nesting, wrong types, and
// a pattern that backtracks catastrophically. Each is refused with a PackError / ConfigError
// naming the file, line and reason, or (the pattern) reported as a finding, never a hang.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "config/config_file.h"
#include "rules/catalogue.h"
#include "rules/pack_loader.h"
#include "support/run.h"

using namespace nblint;
using namespace nblint::test;

namespace {

// Nine levels of nine aliases each: 9^9 (387 million) strings if anything expanded them.
std::string billion_laughs(const std::string& key) {
  std::string y = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 9; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    y += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 9; ++j) y += (j ? ", " : "") + prev;
    y += "]\n";
  }
  return y + key + ": *a8\n";
}

std::string deep_nesting(int depth) { return "pack: " + std::string(depth, '[') + std::string(depth, ']') + "\n"; }

const char* const kPackHead =
    "pack: hostile\n"
    "name: {zh: 测试, en: test}\n"
    "basis: {zh: 测试, en: test}\n"
    "years: {from: 2024}\n";

// Loading `yaml` as a user pack is refused with a PackError naming the file.
std::string pack_error(const std::string& yaml) {
  try {
    load_pack(yaml, "hostile.yaml", Catalogue::builtin());
  } catch (const PackError& e) {
    CHECK(e.file() == "hostile.yaml");
    CHECK(e.line() >= 1);
    return e.what();
  }
  FAIL("expected a PackError");
  return "";
}

std::string config_error(const std::string& yaml) {
  try {
    parse_config_file(yaml, "/nonexistent-nblint-test/.nblint.yaml", Catalogue::builtin());
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()).find(".nblint.yaml") != std::string::npos);
    return e.what();
  }
  FAIL("expected a ConfigError");
  return "";
}

}  // namespace

TEST_CASE("bad input: a pack with billion-laughs anchors is refused without expanding them") {
  for (const std::string key : {"pack", "name", "sections", "rules", "relations", "x-laughs"}) {
    CAPTURE(key);
    const std::string what = pack_error(billion_laughs(key));
    CHECK(!what.empty());
  }
  // As the value of a key the loader reads as a list of strings.
  const std::string what = pack_error(std::string(kPackHead) + billion_laughs("rules"));
  CHECK(!what.empty());
}

TEST_CASE("bad input: a pack or configuration nested 100,000 levels deep is an error, not a stack overflow") {
  // yaml-cpp stops at its depth guard; the error says so (yaml-cpp's own text is "bad file").
  for (const int depth : {600, 100000}) {
    CAPTURE(depth);
    CHECK(pack_error(deep_nesting(depth)).find("nested too deeply") != std::string::npos);
  }
  CHECK(!pack_error(std::string(kPackHead) + "sections: " + std::string(100000, '{')).empty());
  CHECK(config_error("rules: " + std::string(100000, '[') + std::string(100000, ']')).find("nested too deeply") !=
        std::string::npos);
  CHECK(!config_error("overrides:\n" + std::string(50000, '-') + "\n").empty());
}

TEST_CASE("bad input: wrong types in a pack and a configuration name the key and what was expected") {
  CHECK(!pack_error("pack: [1, 2]\n").empty());
  CHECK(!pack_error(std::string("pack: x\nname: 5\n")).empty());
  CHECK(!pack_error(std::string(kPackHead) + "sections: 5\n").empty());
  CHECK(!pack_error(std::string(kPackHead) + "years: {from: 二〇二四}\n").empty());
  CHECK(!pack_error(std::string(kPackHead) + "years: {from: 99999999999999999999}\n").empty());
  CHECK(!pack_error("- just\n- a\n- list\n").empty());
  CHECK(!pack_error("\"unterminated\n").empty());
  CHECK(!pack_error(std::string("\xff\xfe\x00", 3)).empty());
  CHECK(!config_error("rules: 5\n").empty());
  CHECK(!config_error("rules: {text/web-chrome: loud}\n").empty());
  CHECK(!config_error("organ_level: [1]\n").empty());
  CHECK(!config_error("overrides: {files: 3}\n").empty());
  CHECK(!config_error(billion_laughs("rules")).empty());
}

TEST_CASE("bad input: a user pattern that backtracks catastrophically trips the match time limit, with a warning") {
  const auto dir = fresh_temp_dir("nblint-bad-input", "pattern");
  // ^(情+)+总$ against a long run of 情 then 结总: exponential backtracking in ICU's matcher. The
  // heading holds 情 and 总 (the pattern's required characters) and begins with 情 and ends with 总
  // (its anchored ends), so the scanner does run it.
  write_file(dir / "pack.yaml", std::string(kPackHead) +
                                    "sections:\n"
                                    "  order: template\n"
                                    "  match: headings\n"
                                    "  items:\n"
                                    "    - {key: overview, number: 一, title: 总体情况, headings: ['^(情+)+总$']}\n"
                                    "rules:\n"
                                    "  meta/pack: info\n"
                                    "  structure/missing-section: error\n");
  write_file(dir / "report.txt", "某县人民政府2025年政府信息公开工作年度报告\n一、" + std::string() +
                                     [] {
                                       std::string s;
                                       for (int i = 0; i < 40; ++i) s += "情";
                                       return s + "结总";
                                     }() +
                                     "\n正文。\n");
  const RunResult r = run_nblint({"check", (dir / "report.txt").string(), "--pack-file", (dir / "pack.yaml").string(),
                                  "--format", "json", "--lang", "en"});
  CHECK_MESSAGE(r.exit_code == 1, r.err);  // the section counts as missing: an error finding
  const auto json = nlohmann::json::parse(r.out);
  bool warned = false;
  for (const auto& d : json.at("files").at(0).at("diagnostics")) {
    const std::string message = d.at("message");
    if (d.at("rule") == "meta/pack" && message.find("time limit") != std::string::npos) {
      warned = true;
      CHECK(d.at("severity") == "warning");
      CHECK(message.find("^(情+)+总$") != std::string::npos);
    }
  }
  CHECK_MESSAGE(warned, r.out);
}
