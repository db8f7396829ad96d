#include "config/baseline.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "config/config_file.h"
#include "util/atomic_file.h"

namespace nblint {

namespace fs = std::filesystem;

namespace {

constexpr int kFormatVersion = 1;

// The line's text without blanks (ASCII whitespace, ideographic and no-break spaces), so that
// re-indenting or re-spacing a line keeps its findings matched.
std::string normalized_line(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') continue;
    if (line.compare(i, 3, "\xE3\x80\x80") == 0) { i += 2; continue; }  // U+3000
    if (line.compare(i, 2, "\xC2\xA0") == 0) { i += 1; continue; }      // U+00A0
    out += line[i];
  }
  return out;
}

// FNV-1a, 64 bits: stable across platforms and releases, which std::hash is not.
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 14695981039346656037ull) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

std::string hex16(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

std::uint32_t fingerprinted_line(const SourceText& source, std::uint32_t offset) {
  std::uint32_t line = source.locate(offset).line;
  while (normalized_line(source.line_text(line)).empty() && line < source.line_count()) ++line;
  return line;
}

std::vector<std::string> fingerprints(const SourceText& source, const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  out.reserve(diagnostics.size());
  std::map<std::pair<std::string, std::string>, int> seen;  // (rule, text) → occurrences so far
  for (const Diagnostic& d : diagnostics) {
    // A blank line says nothing about the finding (a whole-document finding sits at offset 0,
    // and a file may start with blank lines): the first non-blank line from there does.
    const std::string text = normalized_line(source.line_text(fingerprinted_line(source, d.span.begin)));
    const int occurrence = seen[{d.rule, text}]++;
    std::uint64_t h = fnv1a(d.rule);
    h = fnv1a(std::string_view("\0", 1), h);
    h = fnv1a(text, h);
    h = fnv1a(std::string_view("\0", 1), h);
    h = fnv1a(std::to_string(occurrence), h);
    out.push_back(hex16(h));
  }
  return out;
}

std::string baseline_file_name(const std::string& path, const fs::path& baseline_path) {
  if (path == "-") return "<stdin>";
  const fs::path file = absolute_path(path);
  const fs::path rel = file.lexically_relative(absolute_path(baseline_path).parent_path());
  return rel.empty() ? file.generic_string() : rel.generic_string();
}

void write_baseline(const fs::path& path, std::vector<BaselineEntry> entries) {
  std::sort(entries.begin(), entries.end(), [](const BaselineEntry& a, const BaselineEntry& b) {
    return std::tie(a.file, a.rule, a.fingerprint) < std::tie(b.file, b.rule, b.fingerprint);
  });
  nlohmann::ordered_json doc;
  doc["nblint_baseline"] = kFormatVersion;
  doc["findings"] = nlohmann::ordered_json::array();
  for (const BaselineEntry& e : entries)
    doc["findings"].push_back({{"rule", e.rule}, {"file", e.file}, {"fingerprint", e.fingerprint}});
  const std::string text = doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";

  // Written beside the target and renamed over it, so a reader never sees half a baseline.
  try {
    write_file_atomically(path, text, /*replace=*/true);
  } catch (const OutputFileError& e) {
    const std::string reason = e.what();
    throw BaselineError(path.string() + ": cannot write the baseline" + (reason.empty() ? "" : " (" + reason + ")"));
  }
}

std::vector<BaselineEntry> read_baseline(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw BaselineError(path.string() + ": no such baseline file");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) throw BaselineError(path.string() + ": cannot read the baseline");
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for a number like 1e999
    throw BaselineError(path.string() + ": not valid JSON (" + e.what() + ")");
  }
  const auto bad = [&](const std::string& what) {
    return BaselineError(path.string() + ": not an nblint baseline (" + what + ")");
  };
  if (!doc.is_object() || !doc.contains("nblint_baseline")) throw bad("no \"nblint_baseline\" key");
  if (doc["nblint_baseline"] != kFormatVersion) throw bad("unknown format version " + doc["nblint_baseline"].dump());
  if (!doc.contains("findings") || !doc["findings"].is_array()) throw bad("\"findings\" must be a list");
  std::vector<BaselineEntry> entries;
  std::size_t index = 0;
  for (const auto& f : doc["findings"]) {
    const auto field = [&](const char* key) {
      if (!f.is_object() || !f.contains(key) || !f[key].is_string())
        throw bad("finding " + std::to_string(index) + " has no string \"" + key + "\"");
      return f[key].get<std::string>();
    };
    entries.push_back({field("rule"), field("file"), field("fingerprint")});
    ++index;
  }
  return entries;
}

BaselineMatcher::BaselineMatcher(const std::vector<BaselineEntry>& entries) {
  for (const BaselineEntry& e : entries) ++remaining_[e];
}

bool BaselineMatcher::take(const BaselineEntry& entry) {
  const auto it = remaining_.find(entry);
  if (it == remaining_.end() || it->second == 0) return false;
  --it->second;
  return true;
}

}  // namespace nblint
