#include "rules/catalogue.h"

#include <algorithm>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "rules/quick_yaml.h"
#include "rules/yaml_read.h"
#include "util/resources.h"

namespace nblint {

const Localized& RuleInfo::message(std::string_view key) const {
  const auto it = messages.find(key);
  if (it == messages.end()) throw std::logic_error("rule " + id + " has no message '" + std::string(key) + "'");
  return it->second;
}

namespace {

// One rule of a catalogue file: `kv` is its entry in the `rules:` map.
RuleInfo read_rule(const YamlReader& in, const std::pair<YAML::Node, YAML::Node>& kv) {
  RuleInfo r;
  r.id = in.scalar(kv.first, "a rule id");
  if (r.id.find('/') == std::string::npos) in.fail(kv.first, "rule id must be group/name");
  in.require_map(kv.second, "a rule");
  in.check_keys(kv.second, {"severity", "summary", "messages"});
  const auto severity = parse_severity(in.scalar(in.required(kv.second, "severity"), "severity"));
  if (!severity) in.fail(kv.second["severity"], "severity must be error, warning or info");
  r.severity = *severity;
  r.summary = in.localized(in.required(kv.second, "summary"));
  const YAML::Node messages = in.required(kv.second, "messages");
  in.require_map(messages, "messages");
  for (const auto& m : messages) r.messages.emplace(in.scalar(m.first, "a message key"), in.localized(m.second));
  return r;
}

// What is parsed at once in a built-in catalogue file: one entry, or the whole file when its
// entries share anchors (`&relation` … `*relation`).
struct Chunk {
  std::string_view file;
  std::string_view text;
  int line = 1;  // 1-based line where `text` begins
  bool whole_file = false;
};

struct EntrySource {
  std::string id;
  std::size_t chunk = 0;
};

// Finds the entries of a catalogue file by its layout alone: comments and blank lines, `rules:`,
// then each rule id (a plain group/name) at an indentation of two spaces, its fields indented
// further. Returns false when the file is written any other way; it is then parsed whole, which
// reports what is wrong.
bool find_entries(std::string_view file, std::string_view yaml, std::vector<EntrySource>& entries,
                  std::vector<Chunk>& chunks) {
  const std::size_t first_entry = entries.size(), first_chunk = chunks.size();
  std::size_t entry_begin = 0;
  const auto close_entry = [&](std::size_t end) {
    if (chunks.size() > first_chunk) chunks.back().text = yaml.substr(entry_begin, end - entry_begin);
  };
  bool in_rules = false, anchors = false;
  int line_number = 0;
  for (std::size_t at = 0; at < yaml.size();) {
    const std::size_t end = std::min(yaml.find('\n', at), yaml.size());
    const std::string_view line = yaml.substr(at, end - at);
    ++line_number;
    const std::size_t indent = line.find_first_not_of(' ');
    if (indent != std::string_view::npos && line[indent] != '#') {
      if (line.find_first_of("\t\r") != std::string_view::npos) return false;
      anchors = anchors || line.find_first_of("&*") != std::string_view::npos;
      if (!in_rules) {
        if (line != "rules:") return false;
        in_rules = true;
      } else if (indent == 2) {
        const std::string_view id = line.substr(2, line.size() - 3);
        const bool plain = std::all_of(id.begin(), id.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '/';
        });
        if (!line.ends_with(':') || !plain || id.find('/') == std::string_view::npos || id.front() == '-') return false;
        close_entry(at);
        entry_begin = at;
        entries.push_back({std::string(id), chunks.size()});
        chunks.push_back({file, {}, line_number});
      } else if (indent < 2 || entries.size() == first_entry) {
        return false;
      }
    }
    at = end + 1;
  }
  close_entry(yaml.size());
  if (anchors) {  // one chunk for the whole file
    chunks.resize(first_chunk);
    chunks.push_back({file, yaml, 1, true});
    for (std::size_t i = first_entry; i < entries.size(); ++i) entries[i].chunk = first_chunk;
  }
  return in_rules;
}

// An entry as the built-in catalogue is embedded (tools/gen_quick_pack --catalogue): its id
// indented two spaces, its fields in flow style on the next line indented four. Read by
// rules/quick_yaml; nullopt when it is written any other way (yaml-cpp then reads it).
std::optional<YAML::Node> read_quick_entry(std::string_view text) {
  constexpr std::string_view kBetween = ":\n    ";
  const std::size_t colon = text.find(kBetween);
  if (!text.starts_with("  ") || colon == std::string_view::npos) return std::nullopt;
  std::optional<YAML::Node> fields = parse_quick_value(text.substr(colon + kBetween.size()));
  if (!fields) return std::nullopt;
  YAML::Node root(YAML::NodeType::Map);
  root.force_insert(std::string(text.substr(2, colon - 2)), *fields);
  return root;
}

}  // namespace

struct Catalogue::Lazy {
  std::vector<EntrySource> entries;  // same order as rules_
  std::vector<Chunk> chunks;
  std::unique_ptr<std::once_flag[]> once;  // one per chunk
};

Catalogue::Catalogue() = default;
Catalogue::Catalogue(Catalogue&&) noexcept = default;
Catalogue::~Catalogue() = default;

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
    RuleInfo r = read_rule(in, kv);
    if (find(r.id)) in.fail(kv.first, "rule '" + r.id + "' is defined twice");
    rules_.push_back(std::move(r));
  }
}

const Catalogue& Catalogue::builtin() {
  static const Catalogue catalogue = [] {
    Catalogue c;
    auto lazy = std::make_unique<Lazy>();
    bool laid_out = true;
    for (const auto& res : resources::all())
      if (is_catalogue_file(res.path)) laid_out = laid_out && find_entries(res.path, res.data, lazy->entries, lazy->chunks);
    std::vector<std::string_view> ids;
    for (const EntrySource& e : lazy->entries) ids.push_back(e.id);
    std::sort(ids.begin(), ids.end());
    if (!laid_out || std::adjacent_find(ids.begin(), ids.end()) != ids.end()) {
      for (const auto& res : resources::all())  // parsed whole now, with the checks' messages
        if (is_catalogue_file(res.path)) c.add(res.data, std::string(res.path));
    } else {
      lazy->once = std::make_unique<std::once_flag[]>(lazy->chunks.size());
      c.rules_.resize(lazy->entries.size());
      c.lazy_ = std::move(lazy);
    }
    if (c.rules_.empty()) throw std::logic_error("no rules/catalogue/*.yaml is embedded");
    return c;
  }();
  return catalogue;
}

const RuleInfo* Catalogue::parsed(std::size_t index) const {
  if (!lazy_) return &rules_[index];
  const std::size_t chunk_index = lazy_->entries[index].chunk;
  std::call_once(lazy_->once[chunk_index], [&] {
    const Chunk& chunk = lazy_->chunks[chunk_index];
    const YamlReader in{std::string(chunk.file)};
    std::optional<YAML::Node> quick = chunk.whole_file ? std::nullopt : read_quick_entry(chunk.text);
    // Blank lines before an entry keep the whole file's line numbers in any error.
    const YAML::Node root =
        quick ? *quick : in.parse(std::string(static_cast<std::size_t>(chunk.line - 1), '\n').append(chunk.text));
    const auto misread = [&] { return std::logic_error("catalogue " + std::string(chunk.file) + " was misread"); };
    if (!root.IsMap()) throw misread();
    const YAML::Node rules = chunk.whole_file ? root["rules"] : root;
    if (!rules.IsMap()) throw misread();
    std::size_t read = 0;
    for (const auto& kv : rules) {
      RuleInfo r = read_rule(in, kv);
      std::size_t i = 0;
      while (i < rules_.size() && (lazy_->entries[i].chunk != chunk_index || lazy_->entries[i].id != r.id)) ++i;
      if (i == rules_.size()) throw misread();
      rules_[i] = std::move(r);
      ++read;
    }
    if (read != static_cast<std::size_t>(std::count_if(lazy_->entries.begin(), lazy_->entries.end(),
                                                       [&](const EntrySource& e) { return e.chunk == chunk_index; })))
      throw misread();
  });
  return &rules_[index];
}

const std::vector<RuleInfo>& Catalogue::rules() const {
  if (lazy_)
    for (std::size_t i = 0; i < rules_.size(); ++i) parsed(i);
  return rules_;
}

const RuleInfo* Catalogue::find(std::string_view id) const {
  for (std::size_t i = 0; i < rules_.size(); ++i)
    if ((lazy_ ? lazy_->entries[i].id : rules_[i].id) == id) return parsed(i);
  return nullptr;
}

bool Catalogue::contains(std::string_view id) const {
  if (!lazy_) return find(id) != nullptr;
  return std::any_of(lazy_->entries.begin(), lazy_->entries.end(), [&](const EntrySource& e) { return e.id == id; });
}

}  // namespace nblint
