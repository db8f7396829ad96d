#include "rules/pack_snapshot.h"

#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/pfr.hpp>

#include "rules/pack_loader.h"
#include "rules/pack_snapshot_table.h"

namespace nblint {

namespace {

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T>
struct is_map : std::false_type {};
template <class K, class V, class C, class A>
struct is_map<std::map<K, V, C, A>> : std::true_type {};

template <class T>
struct is_string : std::false_type {};
template <class C, class Tr, class A>
struct is_string<std::basic_string<C, Tr, A>> : std::true_type {};

// TableRowSpec extends LabelSpec, and PFR reads no base classes: its own fields are written by
// hand, and this mirror of them fails the build when one is added without being written (all
// but a field of a few bytes put in the padding after `group`, which keeps the size).
struct TableRowOwnFields {
  bool group;
  std::string parent;
  std::optional<CellDomain> domain;
};
static_assert(sizeof(TableRowSpec) == sizeof(LabelSpec) + sizeof(TableRowOwnFields),
              "TableRowSpec has a field that write/read below do not know");

// Pack and SectionSpec hold vectors of move-only patterns, whose copy constructors clang
// instantiates while PFR counts fields (GCC does not): their fields are named here instead. A
// structured binding must name every field, so one added to either struct fails the build here.
template <class P, class F>
void pack_fields(P& p, F&& f) {
  auto& [id, name, basis, year_from, year_to, ordered, match_anywhere, sections, tables, outdated_labels, carry_over,
         copied_text, dates, wording_ignore, numbering_ends_at, thin_sections, placeholders, rules, relations, prose,
         skeleton, source_name] = p;
  f(id), f(name), f(basis), f(year_from), f(year_to), f(ordered), f(match_anywhere), f(sections), f(tables),
      f(outdated_labels), f(carry_over), f(copied_text), f(dates), f(wording_ignore), f(numbering_ends_at),
      f(thin_sections), f(placeholders), f(rules), f(relations), f(prose), f(skeleton), f(source_name);
}

template <class S, class F>
void section_fields(S& s, F&& f) {
  auto& [key, number, title, headings, mentions, none_text] = s;
  f(key), f(number), f(title), f(headings), f(mentions), f(none_text);
}

template <class T>
constexpr bool named_fields = std::is_same_v<T, Pack> || std::is_same_v<T, SectionSpec>;

template <class T, class F>
void named_fields_of(T& value, F&& f) {
  if constexpr (std::is_same_v<std::remove_const_t<T>, Pack>)
    pack_fields(value, f);
  else
    section_fields(value, f);
}

void put_bytes(std::string& out, const void* data, std::size_t size) {
  out.append(static_cast<const char*>(data), size);
}

void put_size(std::string& out, std::size_t size) {
  const auto n = static_cast<std::uint32_t>(size);
  put_bytes(out, &n, sizeof n);
}

template <class T>
void put(std::string& out, const T& value) {
  if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
    put_bytes(out, &value, sizeof value);
  } else if constexpr (is_string<T>::value) {
    put_size(out, value.size());
    put_bytes(out, value.data(), value.size() * sizeof(typename T::value_type));
  } else if constexpr (is_vector<T>::value) {
    put_size(out, value.size());
    for (const auto& item : value) put(out, item);
  } else if constexpr (is_optional<T>::value) {
    put(out, value.has_value());
    if (value) put(out, *value);
  } else if constexpr (is_map<T>::value) {
    put_size(out, value.size());
    for (const auto& [k, v] : value) {
      put(out, k);
      put(out, v);
    }
  } else if constexpr (std::is_same_v<T, Pattern>) {
    put(out, value.source());  // compiled again when read
  } else if constexpr (named_fields<T>) {
    named_fields_of(value, [&](const auto& field) { put(out, field); });
  } else if constexpr (std::is_same_v<T, TableRowSpec>) {
    put(out, static_cast<const LabelSpec&>(value));
    put(out, value.group);
    put(out, value.parent);
    put(out, value.domain);
  } else {
    static_assert(std::is_aggregate_v<T>, "a pack's struct that is not an aggregate needs its own case");
    boost::pfr::for_each_field(value, [&](const auto& field) { put(out, field); });
  }
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  void take_bytes(void* to, std::size_t size) {
    if (bytes_.size() - at_ < size) throw std::logic_error("pack snapshot: ends early");
    std::memcpy(to, bytes_.data() + at_, size);
    at_ += size;
  }
  // A count of things of at least `least_bytes` each: refused before anything is allocated for
  // them when the bytes left cannot hold them.
  std::size_t take_count(std::size_t least_bytes) {
    std::uint32_t n = 0;
    take_bytes(&n, sizeof n);
    if (n > (bytes_.size() - at_) / least_bytes) throw std::logic_error("pack snapshot: ends early");
    return n;
  }
  bool at_end() const { return at_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

template <class T>
T take(Reader& in) {
  if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
    T value;
    in.take_bytes(&value, sizeof value);
    return value;
  } else if constexpr (is_string<T>::value) {
    T value(in.take_count(sizeof(typename T::value_type)), typename T::value_type{});
    in.take_bytes(value.data(), value.size() * sizeof(typename T::value_type));
    return value;
  } else if constexpr (is_vector<T>::value) {
    T value;
    const std::size_t n = in.take_count(1);  // every value written takes a byte or more
    value.reserve(n);
    for (std::size_t i = 0; i < n; ++i) value.push_back(take<typename T::value_type>(in));
    return value;
  } else if constexpr (is_optional<T>::value) {
    if (!take<bool>(in)) return T{};
    return T{take<typename T::value_type>(in)};
  } else if constexpr (is_map<T>::value) {
    T value;
    const std::size_t n = in.take_count(1);
    for (std::size_t i = 0; i < n; ++i) {
      auto k = take<typename T::key_type>(in);
      value.emplace_hint(value.end(), std::move(k), take<typename T::mapped_type>(in));
    }
    return value;
  } else if constexpr (std::is_same_v<T, Pattern>) {
    return Pattern(take<std::string>(in));
  } else if constexpr (named_fields<T>) {
    T value;
    named_fields_of(value, [&](auto& field) { field = take<std::remove_cvref_t<decltype(field)>>(in); });
    return value;
  } else if constexpr (std::is_same_v<T, TableRowSpec>) {
    TableRowSpec row;
    static_cast<LabelSpec&>(row) = take<LabelSpec>(in);
    row.group = take<bool>(in);
    row.parent = take<std::string>(in);
    row.domain = take<std::optional<CellDomain>>(in);
    return row;
  } else {
    static_assert(std::is_aggregate_v<T>, "a pack's struct that is not an aggregate needs its own case");
    // A braced list is evaluated left to right: the fields are read in the order written.
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return T{take<boost::pfr::tuple_element_t<I, T>>(in)...};
    }(std::make_index_sequence<boost::pfr::tuple_size_v<T>>{});
  }
}

}  // namespace

std::string write_pack_snapshot(const Pack& pack) {
  std::string out;
  put(out, pack);
  return out;
}

Pack read_pack_snapshot(std::string_view bytes) {
  Reader in(bytes);
  Pack pack = take<Pack>(in);
  if (!in.at_end()) throw std::logic_error("pack snapshot: bytes after the pack");
  return pack;
}

std::uint64_t pack_source_checksum(std::string_view yaml) { return std::hash<std::string_view>{}(yaml); }

const BuiltinPackSnapshot* find_builtin_pack_snapshot(std::string_view path) {
  for (const BuiltinPackSnapshot& snapshot : builtin_pack_snapshots())
    if (snapshot.path == path) return &snapshot;
  return nullptr;
}

Pack load_embedded_pack(std::string_view yaml, std::string_view path) {
  const BuiltinPackSnapshot* snapshot = find_builtin_pack_snapshot(path);
  if (snapshot && snapshot->source_checksum == pack_source_checksum(yaml)) return read_pack_snapshot(snapshot->bytes);
  return load_builtin_pack(yaml, std::string(path), Catalogue::builtin());
}

}  // namespace nblint
