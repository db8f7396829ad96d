// JSON documents whose one big array is written an element at a time: exactly the text
// `doc.dump(2)` would give with the elements in place, without ever holding them all (a run
// over tens of thousands of reports has that many files and findings).
#pragma once
#include <algorithm>
#include <cstddef>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace nblint {

using OrderedJson = nlohmann::ordered_json;

// Replacement characters keep the document valid JSON even if a message held bad UTF-8.
inline std::string dumped_json(const OrderedJson& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The elements of the array write_json_streaming_last_array fills, as each_element gives them.
class JsonArrayEmitter {
 public:
  JsonArrayEmitter(std::ostream& out, std::size_t indent) : out_(out), indent_(indent, ' ') {}
  // An element built as a tree.
  void operator()(const OrderedJson& element) {
    start();
    const std::string part = dumped_json(element);
    for (std::size_t from = 0; from < part.size();) {
      const std::size_t to = std::min(part.find('\n', from), part.size() - 1) + 1;
      if (from != 0) out_ << indent_;
      out_ << std::string_view(part).substr(from, to - from);
      from = to;
    }
  }
  // An element whose text fill(text, indent) appends as dumped_json would write it, every line
  // after the first starting with `indent` (output/json_writer.h).
  template <class Fill>
  void write(Fill&& fill) {
    start();
    buffer_.clear();
    fill(buffer_, std::string_view(indent_));
    out_ << buffer_;
  }
  bool empty() const { return first_; }

 private:
  void start() {
    out_ << (first_ ? "\n" : ",\n") << indent_;
    first_ = false;
  }
  std::ostream& out_;
  const std::string indent_;
  bool first_ = true;
  std::string buffer_;  // one element's text, reused
};

// Writes `doc` (and a final newline), whose last member, at whatever depth, is an empty array:
// that array is filled by `each_element(emit)`, which calls emit(element) or emit.write(fill)
// once per element (JsonArrayEmitter).
template <class EachElement>
void write_json_streaming_last_array(std::ostream& out, const OrderedJson& doc, EachElement&& each_element) {
  const std::string text = dumped_json(doc);
  const std::size_t at = text.rfind("[]");
  if (at == std::string::npos || text.find_first_not_of(" \n]}", at + 2) != std::string::npos)
    throw std::logic_error("write_json_streaming_last_array: the document does not end with an empty array");
  // The elements go one level deeper than the line that opens the array.
  const std::size_t line_start = text.rfind('\n', at) + 1;  // npos + 1 == 0 on the first line
  const std::size_t outer = text.find_first_not_of(' ', line_start) - line_start;
  out << std::string_view(text).substr(0, at + 1);
  JsonArrayEmitter emit(out, outer + 2);
  each_element(emit);
  if (!emit.empty()) out << '\n' << std::string(outer, ' ');
  out << std::string_view(text).substr(at + 1) << '\n';
}

}  // namespace nblint
