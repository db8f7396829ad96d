#include "cli/result_codec.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <type_traits>
#include <vector>

namespace nblint {

namespace {

// For the static_assert of a type with no field list. Clang counts no use in a discarded
// `if constexpr` branch and warned it unused (-Wunused-const-variable).
template <class>
[[maybe_unused]] inline constexpr bool kNoFieldList = false;

// Each stored type's fields, listed once for writing and reading: `io` is a Writer (T const) or
// a Reader (T mutable), so the two can never disagree on the order.
template <class Io, class T>
void fields(Io& io, T& x) {
  using U = std::remove_const_t<T>;
  if constexpr (std::is_same_v<U, Span>) {
    io(x.begin), io(x.end);
  } else if constexpr (std::is_same_v<U, Fix>) {
    io(x.title), io(x.span), io(x.text);
  } else if constexpr (std::is_same_v<U, Diagnostic>) {
    io(x.rule), io(x.severity), io(x.message), io(x.span), io(x.fix);
  } else if constexpr (std::is_same_v<U, IngestError>) {
    io(x.kind), io(x.detail);
  } else if constexpr (std::is_same_v<U, ExtractedCell>) {
    io(x.row), io(x.column), io(x.row_span), io(x.col_span), io(x.continuation), io(x.text), io(x.span);
  } else if constexpr (std::is_same_v<U, ExtractedTable>) {
    io(x.rows), io(x.columns), io(x.cells), io(x.span);
  } else if constexpr (std::is_same_v<U, LineLocation>) {
    io(x.kind), io(x.paragraph), io(x.page), io(x.page_line), io(x.table), io(x.row), io(x.cell_starts),
        io(x.outline_level);
  } else if constexpr (std::is_same_v<U, ReportRecord>) {
    io(x.name), io(x.organ), io(x.year), io(x.pack), io(x.carried_from), io(x.carried_into), io(x.sections),
        io(x.publication);
  } else if constexpr (std::is_same_v<U, BoundRow>) {
    io(x.key), io(x.label), io(x.line), io(x.cells);
  } else if constexpr (std::is_same_v<U, BoundCell>) {
    io(x.state), io(x.value), io(x.span), io(x.line), io(x.text);
  } else if constexpr (std::is_same_v<U, Quantity>) {
    io(x.mantissa), io(x.scale), io(x.negative), io(x.unit);
  } else if constexpr (std::is_same_v<U, SectionProse>) {
    io(x.key), io(x.heading), io(x.heading_span), io(x.fingerprint);
  } else if constexpr (std::is_same_v<U, TextFingerprint>) {
    io(x.minhash), io(x.chars);
  } else if constexpr (std::is_same_v<U, PublicationTiming>) {
    io(x.stated), io(x.published), io(x.deadline), io(x.lenient), io(x.deadline_date);
  } else if constexpr (std::is_same_v<U, DateValue>) {
    io(x.year), io(x.month), io(x.day), io(x.span), io(x.malformed);
  } else if constexpr (std::is_same_v<U, CalendarDate>) {
    io(x.year), io(x.month), io(x.day);
  } else {
    static_assert(kNoFieldList<U>, "no field list for this type");
  }
}

// Fixed-width integers in the machine's byte order: the bytes never leave the process that
// wrote them, so a pointer (to a pack, which outlives the run) is its address. Strings and
// vectors are a 32-bit count, then their elements.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  template <class T>
  void operator()(const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      (*this)(static_cast<std::uint8_t>(value));
    } else if constexpr (std::is_integral_v<T> || std::is_enum_v<T>) {
      out_.append(reinterpret_cast<const char*>(&value), sizeof value);
    } else if constexpr (std::is_pointer_v<T>) {
      (*this)(reinterpret_cast<std::uintptr_t>(value));
    } else {
      fields(*this, value);
    }
  }
  template <class Char>
  void operator()(const std::basic_string<Char>& s) {
    (*this)(count(s.size()));
    out_.append(reinterpret_cast<const char*>(s.data()), s.size() * sizeof(Char));
  }
  template <class T, std::size_t N>
  void operator()(const std::array<T, N>& items) {
    for (const T& item : items) (*this)(item);
  }
  template <class T>
  void operator()(const std::vector<T>& items) {
    (*this)(count(items.size()));
    for (const T& item : items) (*this)(item);
  }
  template <class T>
  void operator()(const std::optional<T>& item) {
    (*this)(item.has_value());
    if (item) (*this)(*item);
  }

 private:
  static std::uint32_t count(std::size_t n) {
    if (n > UINT32_MAX) throw ResultCodecError("a field of a result is too large to spool");
    return static_cast<std::uint32_t>(n);
  }
  std::string& out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  template <class T>
  void operator()(T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      std::uint8_t b = 0;
      (*this)(b);
      value = b != 0;
    } else if constexpr (std::is_integral_v<T> || std::is_enum_v<T>) {
      std::memcpy(&value, take(sizeof value), sizeof value);
    } else if constexpr (std::is_pointer_v<T>) {
      std::uintptr_t address = 0;
      (*this)(address);
      value = reinterpret_cast<T>(address);
    } else {
      fields(*this, value);
    }
  }
  template <class Char>
  void operator()(std::basic_string<Char>& s) {
    const std::uint32_t n = count();
    s.resize(n);
    std::memcpy(s.data(), take(std::size_t{n} * sizeof(Char)), std::size_t{n} * sizeof(Char));
  }
  template <class T, std::size_t N>
  void operator()(std::array<T, N>& items) {
    for (T& item : items) (*this)(item);
  }
  template <class T>
  void operator()(std::vector<T>& items) {
    const std::uint32_t n = count();
    items.clear();
    items.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) (*this)(items.emplace_back());
  }
  template <class T>
  void operator()(std::optional<T>& item) {
    bool present = false;
    (*this)(present);
    item.reset();
    if (present) (*this)(item.emplace());
  }

  bool at_end() const { return in_.empty(); }
  // Before making room for `n` items of `bytes_each`: a damaged count must not allocate wildly.
  void expect_items(std::uint32_t n, std::size_t bytes_each) const {
    if (n > in_.size() / bytes_each) throw ResultCodecError("a spooled result is damaged (a count runs past its end)");
  }

 private:
  std::uint32_t count() {
    std::uint32_t n = 0;
    (*this)(n);
    if (n > in_.size()) throw ResultCodecError("a spooled result is damaged (a count runs past its end)");
    return n;
  }
  const char* take(std::size_t n) {
    if (n > in_.size()) throw ResultCodecError("a spooled result is damaged (it ends early)");
    const char* at = in_.data();
    in_.remove_prefix(n);
    return at;
  }
  std::string_view in_;
};

}  // namespace

// SourceText keeps its compaction private; this is the one place that copies it out and in.
struct SourceTextCodec {
  template <class Io, class Source>
  static void fields(Io& io, Source& s) {
    io(s.display_path), io(s.encoding), io(s.detected_by), io(s.bom_bytes), io(s.text), io(s.invalid_offsets),
        io(s.raw_offsets), io(s.compacted_), io(s.line_total_), io(s.original_size_);
    // KeptLine is private too: its three numbers, as a count and a run.
    std::uint32_t kept = static_cast<std::uint32_t>(s.kept_.size());
    io(kept);
    if constexpr (!std::is_const_v<Source>) {
      io.expect_items(kept, 3 * sizeof(std::uint32_t));
      s.kept_.resize(kept);
    }
    for (auto& line : s.kept_) io(line.number), io(line.start), io(line.at);
  }
};

namespace {

template <class Io, class Result>
void result_fields(Io& io, Result& r) {
  io(r.path), io(r.error), io(r.error_message);
  SourceTextCodec::fields(io, r.document.source);
  io(r.document.format), io(r.document.content), io(r.document.content_origin), io(r.document.tables),
      io(r.document.line_locations), io(r.document.location_lines);
  io(r.pack), io(r.diagnostics), io(r.suppressed), io(r.baseline_matched);
}

}  // namespace

void encode_result(const FileResult& result, std::string& out) {
  Writer writer(out);
  result_fields(writer, result);
}

void encode_diagnostics(const std::vector<Diagnostic>& diagnostics, std::string& out) {
  Writer writer(out);
  writer(diagnostics);
}

std::vector<Diagnostic> decode_diagnostics(std::string_view bytes) {
  Reader reader(bytes);
  std::vector<Diagnostic> diagnostics;
  reader(diagnostics);
  if (!reader.at_end()) throw ResultCodecError("spooled findings are damaged (bytes after their end)");
  return diagnostics;
}

void encode_record(const ReportRecord& record, std::string& out) {
  Writer writer(out);
  writer(record);
}

ReportRecord decode_record(std::string_view bytes) {
  Reader reader(bytes);
  ReportRecord record;
  reader(record);
  if (!reader.at_end()) throw ResultCodecError("a spooled record is damaged (bytes after its end)");
  return record;
}

std::string decode_record_name(std::string_view bytes) {
  static_assert(std::is_same_v<decltype(ReportRecord::name), std::string>);
  Reader reader(bytes);
  std::string name;
  reader(name);  // ReportRecord's field list starts with it (fields<ReportRecord> above)
  return name;
}

FileResult decode_result(std::string_view bytes) {
  Reader reader(bytes);
  FileResult result;
  result_fields(reader, result);
  if (!reader.at_end()) throw ResultCodecError("a spooled result is damaged (bytes after its end)");
  // The line index is derived: the whole text's, or none once compacted (the kept lines answer).
  SourceText& source = result.document.source;
  source.lines = source.compacted() ? LineIndex(std::string_view()) : LineIndex(source.text);
  return result;
}

}  // namespace nblint
