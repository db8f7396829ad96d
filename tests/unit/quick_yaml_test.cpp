// rules/quick_yaml: the embedded built-in packs read as the same documents yaml-cpp reads, and
// anything outside the narrow form is refused (the caller then falls back to yaml-cpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include <yaml-cpp/yaml.h>

#include "rules/catalogue.h"
#include "rules/quick_yaml.h"
#include "util/resources.h"

using namespace nblint;

namespace {

// The same document: the same kinds of node, scalars and keys in the same order.
bool same(const YAML::Node& a, const YAML::Node& b) {
  if (a.Type() != b.Type()) return false;
  if (a.IsScalar()) return a.Scalar() == b.Scalar();
  if (!a.IsSequence() && !a.IsMap()) return true;
  if (a.size() != b.size()) return false;
  for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
    if (a.IsSequence() ? !same(*i, *j) : !same(i->first, j->first) || !same(i->second, j->second)) return false;
  return true;
}

void check_same_as_yaml_cpp(const std::string& text) {
  CAPTURE(text);
  const std::optional<YAML::Node> quick = parse_quick_form(text);
  REQUIRE(quick.has_value());
  CHECK(same(*quick, YAML::Load(text)));
}

}  // namespace

TEST_CASE("quick yaml: every built-in pack, as embedded, reads as the document yaml-cpp reads") {
  int packs = 0;
  for (const auto& res : resources::all()) {
    if (!res.path.starts_with("rules/") || !res.path.ends_with(".yaml") || Catalogue::is_catalogue_file(res.path)) continue;
    CAPTURE(res.path);
    const std::optional<YAML::Node> quick = parse_quick_form(res.data);
    REQUIRE(quick.has_value());  // the fast path is taken, not the fallback
    CHECK(same(*quick, YAML::Load(std::string(res.data))));
    CHECK((*quick)["pack"].Scalar().size() > 0);
    ++packs;
  }
  CHECK(packs >= 3);
}

TEST_CASE("quick yaml: escapes, empty collections and nesting read as yaml-cpp reads them") {
  check_same_as_yaml_cpp("a: \"x\"\n");
  check_same_as_yaml_cpp("a: {}\nb: []\n\nc: [[], {}, [\"\"]]\n");
  check_same_as_yaml_cpp("k_1-x: {\"zh\": \"中文\\\"引号\\\\斜线\", \"en\": \"tab\\there\\nnewline\"}\n");
  check_same_as_yaml_cpp("p: [\"\\x41\\u00e9\\u4e2d\\U0001F600\", \"\\/ \\  \\0 \\e\"]\n");
  check_same_as_yaml_cpp("deep: [[[[[[[[[[\"x\"]]]]]]]]]]\n");
}

TEST_CASE("quick yaml: anything outside the form is refused, for yaml-cpp to read") {
  for (const char* text : {
           "a: plain\n",                         // a plain scalar
           "# a comment\na: \"x\"\n",            // a comment
           "a:\n  b: \"x\"\n",                   // a block mapping
           "a: \"x\"",                           // no line end
           "a: \"unterminated\n",                // a string across lines
           "a: [\"x\",\"y\"]\n",                 // not the emitter's spacing
           "a: {\"k\": \"v\"} # trailing\n",    // anything after the value
           "\"a\": \"x\"\n",                     // a quoted top-level key
           "a: \"\\N\"\n",                       // an escape left to yaml-cpp
           "a: \"\\uD800\"\n",                   // a surrogate
           "a: \"\\u12\"\n",                     // too few hex digits
           "a: &x \"v\"\n",                      // an anchor
           "a: [\"x\", ]\n",                     // an empty item
       }) {
    CAPTURE(text);
    CHECK_FALSE(parse_quick_form(text).has_value());
  }
  std::string too_deep = "a: ";
  for (int i = 0; i < 600; ++i) too_deep += "[";
  CHECK_FALSE(parse_quick_form(too_deep).has_value());
}

TEST_CASE("quick yaml: every entry of the built-in catalogue, as embedded, reads as yaml-cpp reads it") {
  int entries = 0;
  for (const auto& res : resources::all()) {
    if (!Catalogue::is_catalogue_file(res.path)) continue;
    CAPTURE(res.path);
    // Each entry's fields are one flow line indented four spaces (rules/catalogue reads them so).
    for (std::size_t at = 0; at < res.data.size();) {
      const std::size_t end = std::min(res.data.find('\n', at), res.data.size());
      const std::string_view line = res.data.substr(at, end - at);
      at = end + 1;
      if (!line.starts_with("    ")) continue;
      CAPTURE(line);
      const std::optional<YAML::Node> quick = parse_quick_value(line.substr(4));
      REQUIRE(quick.has_value());
      CHECK(same(*quick, YAML::Load(std::string(line.substr(4)))));
      ++entries;
    }
  }
  CHECK(entries > 20);
  CHECK(parse_quick_value("{\"a\": \"b\"}\n").has_value());
  CHECK_FALSE(parse_quick_value("{\"a\": \"b\"} extra").has_value());
  CHECK_FALSE(parse_quick_value("{\"a\": \"b\"}\n\n").has_value());
}
