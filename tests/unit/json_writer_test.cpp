#include <doctest/doctest.h>

#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "output/json_stream.h"
#include "output/json_writer.h"

using nblint::dumped_json;
using nblint::JsonWriter;
using nblint::OrderedJson;

namespace {

// Writes `j` with the writer, member by member, as a printer would.
void write(JsonWriter& w, const OrderedJson& j) {
  if (j.is_object()) {
    w.begin_object();
    for (const auto& [key, value] : j.items()) {
      w.key(key);
      write(w, value);
    }
    w.end_object();
  } else if (j.is_array()) {
    w.begin_array();
    for (const OrderedJson& value : j) write(w, value);
    w.end_array();
  } else if (j.is_string()) {
    w.value(j.get_ref<const std::string&>());
  } else if (j.is_null()) {
    w.null();
  } else {
    w.value(j.get<std::uint64_t>());
  }
}

// What dumped_json writes, with `indent` after every line break.
std::string indented(const OrderedJson& j, const std::string& indent) {
  std::string text;
  for (const char c : dumped_json(j)) {
    text += c;
    if (c == '\n') text += indent;
  }
  return text;
}

}  // namespace

TEST_CASE("json writer: the same text as dumping the tree, escapes, bad UTF-8 and empty containers included") {
  const std::vector<OrderedJson> values = {
      OrderedJson::object(),
      OrderedJson::array(),
      OrderedJson("中文，全角“引号”"),
      OrderedJson{{"path", "a/b.txt"}, {"pack", nullptr}, {"diagnostics", OrderedJson::array()}},
      OrderedJson{{"message", "quote \" backslash \\ tab\t newline\n bell\x07 delete\x7f"},
                  {"line", 0},
                  {"column", 4294967295u},
                  {"nested", {{"empty", OrderedJson::object()}, {"list", {1, 2, OrderedJson::array()}}}}},
      OrderedJson::array({OrderedJson{{"k", "v"}}, OrderedJson{{"k", "w"}}}),
  };
  for (const std::string indent : {"", "    "}) {
    for (const OrderedJson& value : values) {
      CAPTURE(dumped_json(value));
      std::string text;
      JsonWriter w(text, indent);
      write(w, value);
      CHECK(text == indented(value, indent));
    }
  }
  // Bytes that are not UTF-8 come out as nlohmann replaces them.
  for (const std::string& bad : {std::string("\xff"), std::string("ab\xe4\xb8"), std::string("\xed\xa0\x80 surrogate")}) {
    std::string text;
    JsonWriter w(text, "");
    w.value(bad);
    CHECK(text == dumped_json(OrderedJson(bad)));
  }
}

TEST_CASE("json writer: elements written through the streaming array match elements dumped whole") {
  const OrderedJson doc = {{"version", "1"}, {"files", OrderedJson::array()}};
  const std::vector<OrderedJson> elements = {OrderedJson{{"path", "x"}, {"diagnostics", {OrderedJson{{"line", 3}}}}},
                                             OrderedJson{{"path", "y"}, {"diagnostics", OrderedJson::array()}}};
  std::ostringstream dumped, written;
  nblint::write_json_streaming_last_array(dumped, doc, [&](auto& emit) {
    for (const OrderedJson& e : elements) emit(e);
  });
  nblint::write_json_streaming_last_array(written, doc, [&](auto& emit) {
    for (const OrderedJson& e : elements)
      emit.write([&](std::string& text, std::string_view indent) {
        JsonWriter w(text, indent);
        write(w, e);
      });
  });
  CHECK(written.str() == dumped.str());
  OrderedJson whole = doc;
  whole["files"] = elements;
  CHECK(dumped.str() == dumped_json(whole) + "\n");
}
