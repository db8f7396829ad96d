#include "rules/catalogue.h"

#include "rules/yaml_read.h"
#include "util/resources.h"

namespace nblint {

const Localized& RuleInfo::message(std::string_view key) const {
  const auto it = messages.find(key);
  if (it == messages.end()) throw std::logic_error("rule " + id + " has no message '" + std::string(key) + "'");
  return it->second;
}

Catalogue Catalogue::load(std::string_view yaml, const std::string& file_name) {
  Catalogue c;
  c.add(yaml, file_name);
  return c;
}

void Catalogue::add(std::string_view yaml, const std::string& file_name) {
  const YamlReader in(file_name);
  const YAML::Node root = in.parse(yaml);
  in.require_map(root, "the catalogue");
  in.check_keys(root, {"rules"});
  const YAML::Node rules = in.required(root, "rules");
  in.require_map(rules, "rules");
  for (const auto& kv : rules) {
    RuleInfo r;
    r.id = in.scalar(kv.first, "a rule id");
    if (r.id.find('/') == std::string::npos) in.fail(kv.first, "rule id must be group/name");
    if (find(r.id)) in.fail(kv.first, "rule '" + r.id + "' is defined twice");
    in.require_map(kv.second, "a rule");
    in.check_keys(kv.second, {"severity", "summary", "messages"});
    const auto severity = parse_severity(in.scalar(in.required(kv.second, "severity"), "severity"));
    if (!severity) in.fail(kv.second["severity"], "severity must be error, warning or info");
    r.severity = *severity;
    r.summary = in.localized(in.required(kv.second, "summary"));
    const YAML::Node messages = in.required(kv.second, "messages");
    in.require_map(messages, "messages");
    for (const auto& m : messages) r.messages.emplace(in.scalar(m.first, "a message key"), in.localized(m.second));
    rules_.push_back(std::move(r));
  }
}

const Catalogue& Catalogue::builtin() {
  static const Catalogue catalogue = [] {
    Catalogue c;
    for (const auto& res : resources::all())
      if (is_catalogue_file(res.path)) c.add(res.data, std::string(res.path));
    if (c.rules_.empty()) throw std::logic_error("no rules/catalogue/*.yaml is embedded");
    return c;
  }();
  return catalogue;
}

const RuleInfo* Catalogue::find(std::string_view id) const {
  for (const RuleInfo& r : rules_)
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace nblint
