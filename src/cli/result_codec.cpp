#include "cli/result_codec.h"

#include <cstdint>
#include <cstring>
#include <optional>
#include <type_traits>
#include <vector>

namespace nblint {

namespace {

// Fixed-width integers in the machine's byte order: the bytes never leave the process that
// wrote them. Strings and vectors are a 32-bit count, then their elements.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  template <class T>
    requires std::is_integral_v<T> || std::is_enum_v<T>
  void put(T value) {
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void put(std::string_view s) {
    put(count(s.size()));
    out_.append(s);
  }
  void put(const std::string& s) { put(std::string_view(s)); }
  void put(Span s) {
    put(s.begin);
    put(s.end);
  }
  template <class T>
  void put(const std::vector<T>& items) {
    put(count(items.size()));
    for (const T& item : items) put(item);
  }
  template <class T>
  void put(const std::optional<T>& item) {
    put(static_cast<std::uint8_t>(item.has_value()));
    if (item) put(*item);
  }
  void put(const Fix& fix) {
    put(fix.title);
    put(fix.span);
    put(fix.text);
  }
  void put(const Diagnostic& d) {
    put(d.rule);
    put(d.severity);
    put(d.message);
    put(d.span);
    put(d.fix);
  }
  void put(const IngestError& e) {
    put(e.kind);
    put(e.detail);
  }
  void put(const ExtractedCell& c) {
    put(c.row);
    put(c.column);
    put(c.row_span);
    put(c.col_span);
    put(static_cast<std::uint8_t>(c.continuation));
    put(c.text);
    put(c.span);
  }
  void put(const ExtractedTable& t) {
    put(t.rows);
    put(t.columns);
    put(t.cells);
    put(t.span);
  }
  void put(const LineLocation& l) {
    put(l.kind);
    put(l.paragraph);
    put(l.page);
    put(l.page_line);
    put(l.table);
    put(l.row);
    put(l.cell_starts);
    put(l.outline_level);
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
    requires std::is_integral_v<T> || std::is_enum_v<T>
  void get(T& value) {
    std::memcpy(&value, take(sizeof value), sizeof value);
  }
  void get(std::string& s) {
    const std::uint32_t n = count();
    s.assign(take(n), n);
  }
  void get(Span& s) {
    get(s.begin);
    get(s.end);
  }
  template <class T>
  void get(std::vector<T>& items) {
    const std::uint32_t n = count();
    items.clear();
    items.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) get(items.emplace_back());
  }
  template <class T>
  void get(std::optional<T>& item) {
    std::uint8_t present = 0;
    get(present);
    item.reset();
    if (present) get(item.emplace());
  }
  void get(Fix& fix) {
    get(fix.title);
    get(fix.span);
    get(fix.text);
  }
  void get(Diagnostic& d) {
    get(d.rule);
    get(d.severity);
    get(d.message);
    get(d.span);
    get(d.fix);
  }
  void get(IngestError& e) {
    get(e.kind);
    get(e.detail);
  }
  void get(ExtractedCell& c) {
    get(c.row);
    get(c.column);
    get(c.row_span);
    get(c.col_span);
    c.continuation = flag();
    get(c.text);
    get(c.span);
  }
  void get(ExtractedTable& t) {
    get(t.rows);
    get(t.columns);
    get(t.cells);
    get(t.span);
  }
  void get(LineLocation& l) {
    get(l.kind);
    get(l.paragraph);
    get(l.page);
    get(l.page_line);
    get(l.table);
    get(l.row);
    get(l.cell_starts);
    get(l.outline_level);
  }

  bool flag() {
    std::uint8_t b = 0;
    get(b);
    return b != 0;
  }
  bool at_end() const { return in_.empty(); }

 private:
  std::uint32_t count() {
    std::uint32_t n = 0;
    get(n);
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
  static void put(Writer& w, const SourceText& s) {
    w.put(s.display_path);
    w.put(s.encoding);
    w.put(s.detected_by);
    w.put(s.bom_bytes);
    w.put(s.text);
    w.put(s.invalid_offsets);
    w.put(s.raw_offsets);
    w.put(static_cast<std::uint8_t>(s.compacted_));
    w.put(s.line_total_);
    w.put(s.original_size_);
    w.put(static_cast<std::uint32_t>(s.kept_.size()));
    for (const SourceText::KeptLine& line : s.kept_) {
      w.put(line.number);
      w.put(line.start);
      w.put(line.at);
    }
  }
  static void get(Reader& r, SourceText& s) {
    r.get(s.display_path);
    r.get(s.encoding);
    r.get(s.detected_by);
    r.get(s.bom_bytes);
    r.get(s.text);
    r.get(s.invalid_offsets);
    r.get(s.raw_offsets);
    s.compacted_ = r.flag();
    r.get(s.line_total_);
    r.get(s.original_size_);
    std::uint32_t kept = 0;
    r.get(kept);
    s.kept_.clear();
    for (std::uint32_t i = 0; i < kept; ++i) {
      SourceText::KeptLine line{};
      r.get(line.number);
      r.get(line.start);
      r.get(line.at);
      s.kept_.push_back(line);
    }
    // The line index is derived: the whole text's, or none once compacted (kept_ answers then).
    s.lines = s.compacted_ ? LineIndex(std::string_view()) : LineIndex(s.text);
  }
};

void encode_result(const FileResult& result, std::string& out) {
  Writer w(out);
  w.put(result.path);
  w.put(result.error);
  w.put(result.error_message);
  const Document& doc = result.document;
  SourceTextCodec::put(w, doc.source);
  w.put(doc.format);
  w.put(doc.content);
  w.put(doc.content_origin);
  w.put(doc.tables);
  w.put(doc.line_locations);
  w.put(doc.location_lines);
  w.put(result.pack);
  w.put(result.diagnostics);
  w.put(static_cast<std::uint64_t>(result.suppressed));
  w.put(static_cast<std::uint64_t>(result.baseline_matched));
}

FileResult decode_result(std::string_view bytes) {
  Reader r(bytes);
  FileResult result;
  r.get(result.path);
  r.get(result.error);
  r.get(result.error_message);
  Document& doc = result.document;
  SourceTextCodec::get(r, doc.source);
  r.get(doc.format);
  r.get(doc.content);
  r.get(doc.content_origin);
  r.get(doc.tables);
  r.get(doc.line_locations);
  r.get(doc.location_lines);
  r.get(result.pack);
  r.get(result.diagnostics);
  std::uint64_t suppressed = 0, matched = 0;
  r.get(suppressed);
  r.get(matched);
  result.suppressed = static_cast<std::size_t>(suppressed);
  result.baseline_matched = static_cast<std::size_t>(matched);
  if (!r.at_end()) throw ResultCodecError("a spooled result is damaged (bytes after its end)");
  return result;
}

}  // namespace nblint
