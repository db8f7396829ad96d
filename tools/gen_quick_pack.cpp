// Build-time tool: rewrites a built-in rule pack (rules/*.yaml) into the form nblint embeds and
// loads: the same YAML document, every scalar double-quoted and every top-level value in flow
// style on one line (`key: value`), comments dropped. yaml-cpp's scanner tries a series of
// regular expressions at each character of a plain scalar, and much less of a quoted one: loading
// a pack takes about 40% less time this way (docs/benchmarks.md, eighth round). The packs in
// rules/ stay as written, for people to read and copy. Top-level keys stay plain, so that a
// pack's `pack:` and `years:` lines can still be read alone (rules/pack_registry).
//
// A catalogue file (rules/catalogue/*.yaml, --catalogue) keeps the layout the lazy catalogue
// reads (rules/catalogue): `rules:`, then each rule's id alone on a line indented two spaces,
// its entry in flow style on the next line.
//
//   nblint_gen_quick_pack [--catalogue] IN OUT
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>

// The same document: the same kinds of node, scalars and keys in the same order (styles aside).
bool same(const YAML::Node& a, const YAML::Node& b) {
  if (a.Type() != b.Type()) return false;
  if (a.IsScalar()) return a.Scalar() == b.Scalar();
  if (!a.IsSequence() && !a.IsMap()) return true;
  if (a.size() != b.size()) return false;
  for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
    if (a.IsSequence() ? !same(*i, *j) : !same(i->first, j->first) || !same(i->second, j->second)) return false;
  }
  return true;
}

// `node` on one line: flow style, every scalar double-quoted.
std::string flow(const YAML::Node& node) {
  YAML::Emitter out;
  out.SetStringFormat(YAML::DoubleQuoted);
  out.SetMapFormat(YAML::Flow);
  out.SetSeqFormat(YAML::Flow);
  out << node;
  if (!out.good()) throw std::runtime_error(out.GetLastError());
  return out.c_str();
}

int main(int argc, char** argv) {
  const bool catalogue = argc == 4 && std::string(argv[1]) == "--catalogue";
  if (catalogue) ++argv, --argc;
  if (argc != 3) {
    std::cerr << "usage: nblint_gen_quick_pack [--catalogue] IN OUT\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) {
    std::cerr << argv[1] << ": cannot read\n";
    return 1;
  }
  std::ostringstream out;
  try {
    const YAML::Node pack = YAML::Load(text.str());
    if (!pack.IsMap()) {
      std::cerr << argv[1] << ": a pack is a map\n";
      return 1;
    }
    const auto plain = [](const std::string& key, const char* pattern) { return std::regex_match(key, std::regex(pattern)); };
    for (const auto& entry : pack) {
      const std::string key = entry.first.as<std::string>();
      if (!plain(key, "[A-Za-z_][A-Za-z0-9_-]*")) {
        std::cerr << argv[1] << ": top-level key '" << key << "' is not a plain name\n";
        return 1;
      }
      if (!catalogue) {
        out << key << ": " << flow(entry.second) << "\n";
        continue;
      }
      if (key != "rules" || !entry.second.IsMap()) {
        std::cerr << argv[1] << ": a catalogue is a map of rules\n";
        return 1;
      }
      out << "rules:\n";
      for (const auto& rule : entry.second) {
        const std::string id = rule.first.as<std::string>();
        if (!plain(id, "[a-z0-9][a-z0-9/-]*")) {
          std::cerr << argv[1] << ": rule id '" << id << "' is not plain\n";
          return 1;
        }
        out << "  " << id << ":\n    " << flow(rule.second) << "\n";
      }
    }
    // The rewrite must read back as the same document.
    if (!same(YAML::Load(out.str()), pack)) {
      std::cerr << argv[1] << ": the rewritten pack does not read back the same\n";
      return 1;
    }
  } catch (const std::exception& e) {
    std::cerr << argv[1] << ": " << e.what() << "\n";
    return 1;
  }
  std::ofstream(argv[2], std::ios::binary) << out.str();
  return 0;
}
