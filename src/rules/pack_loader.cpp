#include "rules/pack_loader.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "rules/relation_loader.h"
#include <array>

#include "rules/calendar.h"
#include "rules/quick_yaml.h"
#include "rules/skeleton_spec_loader.h"
#include "rules/table_spec_loader.h"
#include "text/normalizer.h"

namespace nblint {

namespace {

Pattern pattern(const YamlReader& in, const YAML::Node& node) {
  const std::string source = in.scalar(node, "a pattern");
  try {
    return Pattern(source);
  } catch (const std::invalid_argument& e) {
    in.fail(node, "pattern '" + source + "' is not a valid ICU regular expression: " + e.what());
  }
}

std::vector<Pattern> patterns(const YamlReader& in, const YAML::Node& node) {
  std::vector<Pattern> out;
  if (!node) return out;
  in.require_sequence(node, "a pattern list");
  for (const auto& item : node) out.push_back(pattern(in, item));
  return out;
}

SectionSpec section(const YamlReader& in, const YAML::Node& node, bool anywhere) {
  in.require_map(node, "a section");
  in.check_keys(node, {"key", "number", "title", "headings", "mentions", "none_text"});
  SectionSpec s;
  s.key = in.scalar(in.required(node, "key"), "key");
  s.number = in.scalar(in.required(node, "number"), "number");
  s.title = in.scalar(in.required(node, "title"), "title");
  s.headings = patterns(in, in.required(node, "headings"));
  s.mentions = patterns(in, node["mentions"]);
  if (const YAML::Node none = node["none_text"]) s.none_text = in.scalar(none, "none_text");
  if (!s.mentions.empty() && !anywhere)
    in.fail(node["mentions"], "'mentions' needs 'match: anywhere' in the sections block");
  return s;
}

// carry_over: {table: requests, from: carried_out, into: carried_in}: both rows must be data
// rows of that table.
CarryOverSpec carry_over(const YamlReader& in, const YAML::Node& node, const std::vector<TableSpec>& tables) {
  in.require_map(node, "carry_over");
  in.check_keys(node, {"table", "from", "into"});
  CarryOverSpec spec;
  spec.table = in.scalar(in.required(node, "table"), "carry_over.table");
  const auto table = std::find_if(tables.begin(), tables.end(), [&](const TableSpec& t) { return t.key == spec.table; });
  if (table == tables.end()) in.fail(node["table"], "carry_over.table '" + spec.table + "' is not a table of this pack");
  for (const char* key : {"from", "into"}) {
    const std::string row = in.scalar(in.required(node, key), std::string("carry_over.") + key);
    const auto it = std::find_if(table->rows.begin(), table->rows.end(), [&](const TableRowSpec& r) { return r.key == row; });
    if (it == table->rows.end() || it->group)
      in.fail(node[key], "carry_over." + std::string(key) + " '" + row + "' is not a data row of table '" + spec.table + "'");
    (std::string_view(key) == "from" ? spec.from : spec.into) = row;
  }
  return spec;
}

constexpr std::array<std::pair<std::string_view, OrganLevel>, 3> kLevels = {
    {{"government", OrganLevel::Government}, {"department", OrganLevel::Department}, {"township", OrganLevel::Township}}};

int month_day(const YamlReader& in, const YAML::Node& node, const char* key, int max) {
  const int v = in.integer(in.required(node, key), key);
  if (v < 1 || v > max) in.fail(node[key], std::string(key) + " must be between 1 and " + std::to_string(max));
  return v;
}

DeadlineSpec deadline(const YamlReader& in, const YAML::Node& node) {
  in.require_map(node, "a deadline");
  in.check_keys(node, {"levels", "by", "basis"});
  DeadlineSpec d;
  const YAML::Node levels = in.required(node, "levels");
  in.require_sequence(levels, "levels");
  for (const auto& item : levels) {
    const std::string name = in.scalar(item, "an organ level");
    const auto it = std::find_if(kLevels.begin(), kLevels.end(), [&](const auto& l) { return l.first == name; });
    if (it == kLevels.end()) in.fail(item, "organ level must be government, department or township");
    d.levels.push_back(it->second);
  }
  const YAML::Node by = in.required(node, "by");
  in.require_map(by, "by");
  in.check_keys(by, {"month", "day"});
  d.month = month_day(in, by, "month", 12);
  d.day = month_day(in, by, "day", 31);
  if (d.day > days_in_month(2001, d.month))  // a deadline must exist every year: no 30 February
    in.fail(by["day"], "month " + std::to_string(d.month) + " has no day " + std::to_string(d.day) + " every year");
  d.basis = in.localized(in.required(node, "basis"));
  return d;
}

// dates: {deadlines: [...], fields: [...]}; every organ level needs exactly one deadline.
DateSpec date_spec(const YamlReader& in, const YAML::Node& node) {
  DateSpec spec;
  if (!node) return spec;
  in.require_map(node, "dates");
  in.check_keys(node, {"deadlines", "fields"});
  const YAML::Node deadlines = in.required(node, "deadlines");
  in.require_sequence(deadlines, "dates.deadlines");
  for (const auto& item : deadlines) {
    DeadlineSpec d = deadline(in, item);
    for (OrganLevel level : d.levels)
      if (spec.deadline_for(level)) in.fail(item["levels"], "an organ level has two deadlines");
    spec.deadlines.push_back(std::move(d));
  }
  for (const auto& [name, level] : kLevels)
    if (!spec.deadline_for(level)) in.fail(deadlines, "no deadline for organ level '" + std::string(name) + "'");
  if (const YAML::Node fields = node["fields"]) {
    in.require_sequence(fields, "dates.fields");
    for (const auto& item : fields) spec.fields.push_back(normalize(in.scalar(item, "a field label")).text);
  }
  return spec;
}

// copied_text: {sections: [overview, problems], min_chars: 100, similarity: 0.8}
CopiedTextSpec copied_text(const YamlReader& in, const YAML::Node& node, const std::vector<SectionSpec>& sections) {
  in.require_map(node, "copied_text");
  in.check_keys(node, {"sections", "min_chars", "similarity"});
  CopiedTextSpec spec;
  const YAML::Node keys = in.required(node, "sections");
  in.require_sequence(keys, "copied_text.sections");
  for (const auto& k : keys) {
    const std::string key = in.scalar(k, "a section key");
    const auto section = std::find_if(sections.begin(), sections.end(), [&](const SectionSpec& s) { return s.key == key; });
    if (section == sections.end()) in.fail(k, "copied_text.sections: '" + key + "' is not a section of this pack");
    // A run's digest of a report marks its compared sections in 64 bits (rules/cross_report).
    if (section - sections.begin() >= 64)
      in.fail(k, "copied_text.sections: '" + key + "' comes after the pack's 64th section; only the first 64 can be compared");
    spec.sections.push_back(key);
  }
  const int min_chars = in.integer(in.required(node, "min_chars"), "copied_text.min_chars");
  if (min_chars < 1) in.fail(node["min_chars"], "copied_text.min_chars must be at least 1");
  spec.min_chars = static_cast<std::size_t>(min_chars);
  const std::string similarity = in.scalar(in.required(node, "similarity"), "copied_text.similarity");
  try {
    std::size_t used = 0;
    spec.similarity = std::stod(similarity, &used);
    if (used != similarity.size()) throw std::invalid_argument(similarity);
  } catch (const std::exception&) {
    in.fail(node["similarity"], "copied_text.similarity must be a number");
  }
  if (!(spec.similarity > 0 && spec.similarity <= 1))
    in.fail(node["similarity"], "copied_text.similarity must be above 0 and at most 1");
  return spec;
}

std::vector<ThinSectionSpec> thin_sections(const YamlReader& in, const YAML::Node& node,
                                           const std::vector<SectionSpec>& sections) {
  std::vector<ThinSectionSpec> out;
  if (!node) return out;
  in.require_sequence(node, "thin_sections");
  for (const auto& item : node) {
    in.require_map(item, "a thin section");
    in.check_keys(item, {"section", "max_sentences", "min_chars"});
    ThinSectionSpec t;
    t.section = in.scalar(in.required(item, "section"), "section");
    if (std::none_of(sections.begin(), sections.end(), [&](const SectionSpec& s) { return s.key == t.section; }))
      in.fail(item["section"], "no section '" + t.section + "' in sections.items");
    t.min_chars = in.integer(in.required(item, "min_chars"), "min_chars");
    if (t.min_chars < 1) in.fail(item["min_chars"], "min_chars must be at least 1");
    t.max_sentences = in.integer(in.required(item, "max_sentences"), "max_sentences");
    if (t.max_sentences < 1) in.fail(item["max_sentences"], "max_sentences must be at least 1");
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<PlaceholderSpec> placeholders(const YamlReader& in, const YAML::Node& node) {
  std::vector<PlaceholderSpec> out;
  if (!node) return out;
  in.require_sequence(node, "placeholders");
  for (const auto& item : node) {
    in.require_map(item, "a placeholder");
    in.check_keys(item, {"pattern", "what"});
    out.push_back({pattern(in, in.required(item, "pattern")), in.localized(in.required(item, "what"))});
  }
  return out;
}

}  // namespace

const DeadlineSpec* DateSpec::deadline_for(OrganLevel level) const {
  for (const DeadlineSpec& d : deadlines)
    if (std::find(d.levels.begin(), d.levels.end(), level) != d.levels.end()) return &d;
  return nullptr;
}

const DeadlineSpec* DateSpec::latest() const {
  const DeadlineSpec* best = nullptr;
  for (const DeadlineSpec& d : deadlines)
    if (!best || std::pair(d.month, d.day) > std::pair(best->month, best->day)) best = &d;
  return best;
}

namespace {

// `root` read from `yaml` (its text places errors inside a quoted equation).
Pack load_pack_document(const YAML::Node& root, std::string_view yaml, const std::string& file_name,
                        const Catalogue& catalogue) {
  const YamlReader in(file_name);
  in.require_map(root, "a rule pack");
  in.check_keys(root, {"pack", "name", "basis", "years", "sections", "tables", "relations", "prose", "outdated_labels",
                       "carry_over", "copied_text", "dates", "heading_numbering", "heading_wording", "thin_sections",
                       "placeholders", "skeleton", "rules"});
  Pack pack;
  pack.source_name = file_name;
  pack.id = in.scalar(in.required(root, "pack"), "pack");
  pack.name = in.localized(in.required(root, "name"));
  pack.basis = in.localized(in.required(root, "basis"));

  const YAML::Node years = in.required(root, "years");
  in.require_map(years, "years");
  in.check_keys(years, {"from", "to"});
  pack.year_from = in.integer(in.required(years, "from"), "years.from");
  if (years["to"]) pack.year_to = in.integer(years["to"], "years.to");
  if (pack.year_to < pack.year_from) in.fail(years, "years.to is before years.from");

  const YAML::Node sections = in.required(root, "sections");
  in.require_map(sections, "sections");
  in.check_keys(sections, {"order", "match", "items"});
  const std::string order = in.scalar(in.required(sections, "order"), "sections.order");
  if (order != "template" && order != "free") in.fail(sections["order"], "sections.order must be 'template' or 'free'");
  pack.ordered = order == "template";
  const std::string match = in.scalar(in.required(sections, "match"), "sections.match");
  if (match != "headings" && match != "anywhere") in.fail(sections["match"], "sections.match must be 'headings' or 'anywhere'");
  pack.match_anywhere = match == "anywhere";
  const YAML::Node items = in.required(sections, "items");
  in.require_sequence(items, "sections.items");
  for (const auto& item : items) {
    pack.sections.push_back(section(in, item, pack.match_anywhere));
    for (std::size_t i = 0; i + 1 < pack.sections.size(); ++i)
      if (pack.sections[i].key == pack.sections.back().key)
        in.fail(item["key"], "section key '" + pack.sections.back().key + "' is used twice");
  }

  std::vector<std::string> section_keys;
  for (const SectionSpec& s : pack.sections) section_keys.push_back(s.key);
  pack.tables = load_table_specs(in, root["tables"], section_keys);
  pack.outdated_labels = load_keywords(in, root["outdated_labels"], "outdated_labels");
  if (root["carry_over"]) pack.carry_over = carry_over(in, root["carry_over"], pack.tables);
  if (root["copied_text"]) pack.copied_text = copied_text(in, root["copied_text"], pack.sections);

  pack.dates = date_spec(in, root["dates"]);
  if (const YAML::Node numbering = root["heading_numbering"]) {
    in.require_map(numbering, "heading_numbering");
    in.check_keys(numbering, {"ends_at"});
    pack.numbering_ends_at = patterns(in, in.required(numbering, "ends_at"));
  }
  if (const YAML::Node wording = root["heading_wording"]) {
    in.require_map(wording, "heading_wording");
    in.check_keys(wording, {"ignore"});
    pack.wording_ignore = patterns(in, in.required(wording, "ignore"));
  }
  pack.thin_sections = thin_sections(in, root["thin_sections"], pack.sections);
  pack.placeholders = placeholders(in, root["placeholders"]);

  const YAML::Node rules = in.required(root, "rules");
  in.require_map(rules, "rules");
  for (const auto& kv : rules) {
    const std::string id = in.scalar(kv.first, "a rule id");
    if (!catalogue.contains(id)) in.fail(kv.first, "unknown rule '" + id + "'");
    const auto severity = parse_severity(in.scalar(kv.second, "a severity"));
    if (!severity) in.fail(kv.second, "severity must be error, warning or info");
    if (!pack.rules.emplace(id, *severity).second) in.fail(kv.first, "rule '" + id + "' is listed twice");
  }
  pack.relations = load_relations(in, root["relations"], yaml, pack, catalogue);
  pack.prose = load_prose_links(in, root["prose"], pack);
  if (root["skeleton"]) pack.skeleton = load_skeleton_spec(in, root["skeleton"], pack);
  return pack;
}

}  // namespace

Pack load_pack(std::string_view yaml, const std::string& file_name, const Catalogue& catalogue) {
  return load_pack_document(YamlReader(file_name).parse(yaml), yaml, file_name, catalogue);
}

Pack load_builtin_pack(std::string_view yaml, const std::string& file_name, const Catalogue& catalogue) {
  if (std::optional<YAML::Node> root = parse_quick_form(yaml)) return load_pack_document(*root, yaml, file_name, catalogue);
  return load_pack(yaml, file_name, catalogue);
}

Pack load_pack_file(const std::filesystem::path& path, const Catalogue& catalogue) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in) throw PackError(path.string(), 1, 1, "cannot read the rule pack file");
  return load_pack(text.str(), path.string(), catalogue);
}

}  // namespace nblint
