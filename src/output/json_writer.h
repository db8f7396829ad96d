// JSON text written straight from values, exactly as dumped_json (output/json_stream.h) would
// write the same values built as a tree: nlohmann's dump with a two-space indent, UTF-8 kept.
// For the elements a run writes once per finding: building each one as a tree and dumping it
// took most of `--format json`'s printing, which is the single-threaded end of a run.
#pragma once
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "output/json_stream.h"
#include "util/utf8.h"

namespace nblint {

class JsonWriter {
 public:
  // Appends to `out`; every line after the first starts with `indent` (the depth the text is
  // written at inside a larger document).
  JsonWriter(std::string& out, std::string_view indent) : out_(out), indent_(indent) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // An object member's key; its value follows.
  void key(std::string_view name) {
    item();
    string(name);
    out_ += ": ";
    after_key_ = true;
  }
  void value(std::string_view s) {
    item();
    string(s);
  }
  void value(std::uint64_t n) {
    item();
    char digits[24];
    out_.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
  }
  void null() {
    item();
    out_ += "null";
  }

 private:
  // Before a value: after a key nothing; in a container a line break and the indent, after a
  // comma unless it is the first item.
  void item() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (open_.empty()) return;
    if (open_.back()) out_ += ',';
    open_.back() = true;
    new_line(open_.size());
  }
  void open(char bracket) {
    item();
    out_ += bracket;
    open_.push_back(false);
  }
  // An empty container stays on its line ("[]"), as dump writes it.
  void close(char bracket) {
    const bool had_items = open_.back();
    open_.pop_back();
    if (had_items) new_line(open_.size());
    out_ += bracket;
  }
  void new_line(std::size_t depth) {
    out_ += '\n';
    out_ += indent_;
    out_.append(2 * depth, ' ');
  }
  // Most strings (rule ids, messages) need no escape and are copied; the others (a control
  // character, a quote, a backslash, bad UTF-8) are left to nlohmann, so they come out the same.
  void string(std::string_view s) {
    bool plain = true;
    for (const char c : s) plain = plain && static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\';
    if (plain && utf8::is_valid(s)) {
      out_ += '"';
      out_ += s;
      out_ += '"';
    } else {
      out_ += dumped_json(OrderedJson(std::string(s)));
    }
  }

  std::string& out_;
  std::string_view indent_;
  std::vector<bool> open_;  // per open container: whether it has an item yet
  bool after_key_ = false;
};

}  // namespace nblint
