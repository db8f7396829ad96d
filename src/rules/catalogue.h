// The rule catalogue (rules/catalogue/<group>.yaml, one file per rule group): ids, default
// severities, summaries, messages.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/severity.h"
#include "util/lang.h"

namespace nblint {

struct RuleInfo {
  std::string id;
  Severity severity = Severity::Error;
  Localized summary;
  std::map<std::string, Localized, std::less<>> messages;

  // "docs/rules/structure/missing-section.md"
  std::string doc_path() const { return doc_path_of(id); }
  static std::string doc_path_of(std::string_view id) { return "docs/rules/" + std::string(id) + ".md"; }
  const Localized& message(std::string_view key) const;
};

class Catalogue {
 public:
  // Parses catalogue YAML; throws PackError (rules/pack_loader.h) with file:line:column.
  static Catalogue load(std::string_view yaml, const std::string& file_name);
  // Adds the rules of one more catalogue file; a rule id defined twice is a PackError.
  void add(std::string_view yaml, const std::string& file_name);
  // The catalogue compiled into the binary: every embedded rules/catalogue/*.yaml. Only the rule
  // ids are read at first; an entry is parsed (with the same checks) the first time find()
  // returns it, or by rules(). Safe to share between threads.
  static const Catalogue& builtin();
  static bool is_catalogue_file(std::string_view path) { return path.starts_with("rules/catalogue/") && path.ends_with(".yaml"); }

  const RuleInfo* find(std::string_view id) const;
  // Whether the rule exists, without parsing its entry.
  bool contains(std::string_view id) const;
  const std::vector<RuleInfo>& rules() const;

  Catalogue();
  Catalogue(Catalogue&&) noexcept;
  ~Catalogue();

 private:
  struct Lazy;  // builtin(): where each entry's YAML is, and which are parsed
  const RuleInfo* parsed(std::size_t index) const;

  mutable std::vector<RuleInfo> rules_;  // for builtin(), filled one entry at a time
  std::unique_ptr<Lazy> lazy_;           // builtin() only
};

}  // namespace nblint
