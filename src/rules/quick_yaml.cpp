#include "rules/quick_yaml.h"

#include <cstdint>
#include <string>

#include "util/utf8.h"

namespace nblint {

namespace {

// Gives up (returns false, or an empty optional) at the first thing outside the form.
class QuickReader {
 public:
  explicit QuickReader(std::string_view text) : text_(text) {}

  std::optional<YAML::Node> document() {
    YAML::Node root(YAML::NodeType::Map);
    while (at_ < text_.size()) {
      if (text_[at_] == '\n') {  // a blank line
        ++at_;
        continue;
      }
      std::string key;
      while (at_ < text_.size() && is_key_char(text_[at_], key.empty())) key += text_[at_++];
      if (key.empty() || !take(": ")) return std::nullopt;
      YAML::Node value(YAML::NodeType::Null);
      root.force_insert(key, value);
      if (!fill(value, 0) || !take("\n")) return std::nullopt;
    }
    return root;
  }

  std::optional<YAML::Node> value() {
    YAML::Node v(YAML::NodeType::Null);
    if (!fill(v, 0)) return std::nullopt;
    take("\n");
    if (at_ != text_.size()) return std::nullopt;
    return v;
  }

 private:
  // yaml-cpp refuses more than this many levels of lists and mappings (its depth guard).
  static constexpr int kMaxDepth = 500;

  static bool is_key_char(char c, bool first) {
    const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    return letter || (!first && ((c >= '0' && c <= '9') || c == '-'));
  }

  bool take(std::string_view s) {
    if (text_.substr(at_, s.size()) != s) return false;
    at_ += s.size();
    return true;
  }

  // Reads the value at at_ into `node`: a null node already in its parent. Built top-down, every
  // node joins the document's memory as it is made; yaml-cpp merges a node's memory into its
  // parent's on insertion, so built bottom-up each subtree's nodes were merged again at every
  // level above it.
  bool fill(YAML::Node node, int depth) {
    if (at_ >= text_.size() || depth > kMaxDepth) return false;
    switch (text_[at_]) {
      case '"': {
        std::string s;
        if (!quoted(s)) return false;
        node = s;
        return true;
      }
      case '[': {
        ++at_;
        if (take("]")) {
          node = YAML::Node(YAML::NodeType::Sequence);
          return true;
        }
        do {
          YAML::Node item(YAML::NodeType::Null);
          node.push_back(item);
          if (!fill(item, depth + 1)) return false;
        } while (take(", "));
        return take("]");
      }
      case '{': {
        ++at_;
        if (take("}")) {
          node = YAML::Node(YAML::NodeType::Map);
          return true;
        }
        do {
          std::string key;
          if (!quoted(key) || !take(": ")) return false;
          YAML::Node value(YAML::NodeType::Null);
          node.force_insert(key, value);
          if (!fill(value, depth + 1)) return false;
        } while (take(", "));
        return take("}");
      }
      default: return false;  // a plain scalar, an alias, a tag…
    }
  }

  // A double-quoted scalar on one line, its escapes resolved.
  bool quoted(std::string& out) {
    if (!take("\"")) return false;
    while (at_ < text_.size()) {
      const char c = text_[at_++];
      if (c == '"') return true;
      if (c == '\n' || c == '\r') return false;  // a folded line: yaml-cpp's business
      if (c != '\\') {
        out += c;
        continue;
      }
      if (at_ >= text_.size()) return false;
      const char e = text_[at_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case ' ': out += ' '; break;
        case '0': out += '\0'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 't': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'v': out += '\v'; break;
        case 'f': out += '\f'; break;
        case 'r': out += '\r'; break;
        case 'e': out += '\x1b'; break;
        case 'x': if (!code_point(2, out)) return false; break;
        case 'u': if (!code_point(4, out)) return false; break;
        case 'U': if (!code_point(8, out)) return false; break;
        default: return false;  // \N \_ \L \P and the rest: left to yaml-cpp
      }
    }
    return false;
  }

  // `digits` hex digits: a code point, appended as UTF-8.
  bool code_point(std::size_t digits, std::string& out) {
    if (text_.size() - at_ < digits) return false;
    std::uint32_t cp = 0;
    for (std::size_t i = 0; i < digits; ++i) {
      const char h = text_[at_ + i];
      const int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
      if (v < 0) return false;
      cp = cp * 16 + static_cast<std::uint32_t>(v);
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;  // surrogates: yaml-cpp's rules
    at_ += digits;
    utf8::append(out, static_cast<char32_t>(cp));
    return true;
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

std::optional<YAML::Node> parse_quick_form(std::string_view text) { return QuickReader(text).document(); }

std::optional<YAML::Node> parse_quick_value(std::string_view text) { return QuickReader(text).value(); }

}  // namespace nblint
