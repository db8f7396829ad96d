// JSON documents whose one big array is written an element at a time: exactly the text
// `doc.dump(2)` would give with the elements in place, without ever holding them all (a run
// over tens of thousands of reports has that many files and findings).
#pragma once
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

// Writes `doc` (and a final newline), whose last member, at whatever depth, is an empty array:
// that array is filled by `each_element(emit)`, which calls emit(element) once per element.
template <class EachElement>
void write_json_streaming_last_array(std::ostream& out, const OrderedJson& doc, EachElement&& each_element) {
  const std::string text = dumped_json(doc);
  const std::size_t at = text.rfind("[]");
  if (at == std::string::npos || text.find_first_not_of(" \n]}", at + 2) != std::string::npos)
    throw std::logic_error("write_json_streaming_last_array: the document does not end with an empty array");
  // The elements go one level deeper than the line that opens the array.
  const std::size_t line_start = text.rfind('\n', at) + 1;  // npos + 1 == 0 on the first line
  const std::size_t outer = text.find_first_not_of(' ', line_start) - line_start;
  const std::string indent(outer + 2, ' ');
  out << std::string_view(text).substr(0, at + 1);
  bool first = true;
  each_element([&](const OrderedJson& element) {
    out << (first ? "\n" : ",\n");
    first = false;
    const std::string part = dumped_json(element);
    for (std::size_t from = 0; from < part.size();) {
      const std::size_t to = std::min(part.find('\n', from), part.size() - 1) + 1;
      out << indent << std::string_view(part).substr(from, to - from);
      from = to;
    }
  });
  if (!first) out << '\n' << std::string(outer, ' ');
  out << std::string_view(text).substr(at + 1) << '\n';
}

}  // namespace nblint
