// Test support: WRITES small .docx files (and plain zips) in memory with libzip.
//
//   using namespace nblint::test;
//   std::string bytes = make_docx({
//       heading("一、总体情况", 1),                 // style id "1", named "heading 1" in styles.xml
//       para("本年度，我局认真贯彻落实……"),
//       para(""),                                    // an empty paragraph
//       table({{cell("申请人情况", 7)},              // gridSpan 7
//              {cell("自然人"), cell("法人或其他组织", 5), cell("总计")}}),
//   });
//   auto result = nblint::read_docx(bytes);
//
// Text conventions: in a paragraph, '\t' becomes <w:tab/> and '\n' becomes <w:br/>; in a cell,
// '\n' separates the cell's paragraphs. XML special characters are escaped. Every w:t carries
// xml:space="preserve". The package has [Content_Types].xml, _rels/.rels, word/document.xml,
// word/_rels/document.xml.rels and (unless DocxOptions::styles is false) word/styles.xml with
// the paragraph styles "1"…"9" named "heading 1"…"heading 9", as Chinese Word writes them.
// DocxRaw / DocxCell::raw_xml insert WordprocessingML verbatim (prefix w: is bound) for anything
// else: revisions, fields, content controls, nested tables …
//
// Errors (libzip failures) throw std::runtime_error: this is test code.
#pragma once
#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <cstdlib>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace nblint::test {

// ---- a plain in-memory zip ---------------------------------------------------------------

struct ZipEntry {
  ZipEntry() = default;
  ZipEntry(std::string n, std::string d, int method = ZIP_CM_DEFLATE)
      : name(std::move(n)), data(std::move(d)), compression(method) {}

  std::string name;
  std::string data;
  int compression = ZIP_CM_DEFLATE;  // or ZIP_CM_STORE
  std::uint32_t level = 0;           // deflate level 1–9, 0 = libzip's default
  // fill_size > 0: the entry is `data` followed by fill_size copies of `fill`, streamed to
  // libzip (nothing that size is ever held in memory) — for zip-bomb tests.
  std::uint64_t fill_size = 0;
  char fill = ' ';
  // Non-empty: encrypt the entry with this password (WinZip AES-256), if libzip can.
  std::string password;
};

namespace detail {

struct FillSource {
  std::string head;
  std::uint64_t fill_size = 0;
  char fill = ' ';
  std::uint64_t pos = 0;
  zip_error_t error;
};

inline zip_int64_t fill_callback(void* ud, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto* s = static_cast<FillSource*>(ud);
  const std::uint64_t total = s->head.size() + s->fill_size;
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      s->pos = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      const std::uint64_t n = std::min<std::uint64_t>(len, total - s->pos);
      auto* out = static_cast<char*>(data);
      for (std::uint64_t i = 0; i < n;) {
        const std::uint64_t p = s->pos + i;
        if (p < s->head.size()) {
          const std::uint64_t k = std::min<std::uint64_t>(n - i, s->head.size() - p);
          std::memcpy(out + i, s->head.data() + p, k);
          i += k;
        } else {
          std::memset(out + i, s->fill, n - i);
          i = n;
        }
      }
      s->pos += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->size = total;
      st->mtime = 0;
      st->valid |= ZIP_STAT_SIZE | ZIP_STAT_MTIME;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&s->error, data, len);
    case ZIP_SOURCE_FREE:
      zip_error_fini(&s->error);
      delete s;
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      zip_error_set(&s->error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

}  // namespace detail

// Writes `entries`, in order, into a zip held in memory and returns its bytes.
inline std::string make_zip(const std::vector<ZipEntry>& entries) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &ze);
  if (!buffer) throw std::runtime_error("make_zip: zip_source_buffer_create failed");
  zip_t* za = zip_open_from_source(buffer, ZIP_CREATE | ZIP_TRUNCATE, &ze);
  if (!za) {
    zip_source_free(buffer);
    std::string msg = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    throw std::runtime_error("make_zip: zip_open_from_source: " + msg);
  }
  zip_error_fini(&ze);
  zip_source_keep(buffer);  // survive zip_close, so the finished bytes can be read back

  for (const ZipEntry& e : entries) {
    zip_source_t* src = nullptr;
    if (e.fill_size > 0) {
      auto* fs = new detail::FillSource{e.data, e.fill_size, e.fill, 0, {}};
      zip_error_init(&fs->error);
      src = zip_source_function(za, detail::fill_callback, fs);
      if (!src) {
        zip_error_fini(&fs->error);
        delete fs;
      }
    } else {
      // Data must stay valid until zip_close: hand libzip a malloc'd copy to free (freep = 1).
      // An empty entry gets no buffer at all (libzip does not free a zero-length one).
      void* copy = nullptr;
      if (!e.data.empty()) {
        copy = std::malloc(e.data.size());
        if (!copy) throw std::bad_alloc();
        std::memcpy(copy, e.data.data(), e.data.size());
      }
      src = zip_source_buffer(za, copy, e.data.size(), copy != nullptr ? 1 : 0);
      if (!src) std::free(copy);
    }
    if (!src) {
      const std::string msg = zip_strerror(za);
      zip_discard(za);
      zip_source_free(buffer);
      throw std::runtime_error("make_zip: source for " + e.name + ": " + msg);
    }
    const zip_int64_t index = zip_file_add(za, e.name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(src);
      const std::string msg = zip_strerror(za);
      zip_discard(za);
      zip_source_free(buffer);
      throw std::runtime_error("make_zip: zip_file_add " + e.name + ": " + msg);
    }
    const auto i = static_cast<zip_uint64_t>(index);
    if (zip_set_file_compression(za, i, e.compression, e.level) != 0 ||
        (!e.password.empty() && zip_file_set_encryption(za, i, ZIP_EM_AES_256, e.password.c_str()) != 0)) {
      const std::string msg = zip_strerror(za);
      zip_discard(za);
      zip_source_free(buffer);
      throw std::runtime_error("make_zip: settings for " + e.name + ": " + msg);
    }
  }
  if (zip_close(za) != 0) {
    const std::string msg = zip_strerror(za);
    zip_discard(za);
    zip_source_free(buffer);
    throw std::runtime_error("make_zip: zip_close: " + msg);
  }

  std::string out;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(buffer, &st) != 0 || zip_source_open(buffer) != 0) {
    zip_source_free(buffer);
    throw std::runtime_error("make_zip: cannot read the finished zip back");
  }
  out.resize(static_cast<std::size_t>(st.size));
  std::size_t got = 0;
  while (got < out.size()) {
    const zip_int64_t n = zip_source_read(buffer, out.data() + got, out.size() - got);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  zip_source_close(buffer);
  zip_source_free(buffer);
  out.resize(got);
  return out;
}

// ---- .docx ---------------------------------------------------------------------------------

struct DocxParagraph {
  DocxParagraph() = default;
  explicit DocxParagraph(std::string t, int heading_level = 0) : text(std::move(t)), heading(heading_level) {}

  std::string text;        // '\t' → <w:tab/>, '\n' → <w:br/>
  int heading = 0;         // 1–9: <w:pStyle w:val="N"/> (styles.xml names it "heading N")
  std::string style_id;    // explicit <w:pStyle> (wins over `heading`)
  int outline_level = 0;   // 1–9: <w:outlineLvl w:val="N-1"/> in the paragraph's own w:pPr
};

enum class VMerge { None, Restart, Continue };

struct DocxCell {
  std::string text;        // '\n' separates paragraphs
  int grid_span = 1;       // <w:gridSpan>
  VMerge vmerge = VMerge::None;
  std::string raw_xml;     // non-empty: the cell's block content verbatim (after the text's paragraphs)
};

struct DocxTable {
  std::vector<std::vector<DocxCell>> rows;
};

struct DocxRaw {
  std::string xml;  // body-level WordprocessingML, verbatim
};

using DocxBlock = std::variant<DocxParagraph, DocxTable, DocxRaw>;

inline DocxBlock para(std::string text) { return DocxParagraph{std::move(text)}; }
inline DocxBlock heading(std::string text, int level) { return DocxParagraph{std::move(text), level}; }
inline DocxBlock outline(std::string text, int level) {
  DocxParagraph p{std::move(text)};
  p.outline_level = level;
  return p;
}
inline DocxBlock raw(std::string xml) { return DocxRaw{std::move(xml)}; }
inline DocxCell cell(std::string text, int grid_span = 1, VMerge vmerge = VMerge::None) {
  return DocxCell{std::move(text), grid_span, vmerge, {}};
}
inline DocxCell merged() { return DocxCell{"", 1, VMerge::Continue, {}}; }  // vMerge continue
inline DocxBlock table(std::vector<std::vector<DocxCell>> rows) { return DocxTable{std::move(rows)}; }

struct DocxOptions {
  bool styles = true;        // write word/styles.xml (styles "1"…"9" = "heading 1"…"heading 9")
  bool document = true;      // false: no word/document.xml at all
  std::string document_xml;  // non-empty: word/document.xml verbatim (blocks are ignored)
  int compression = ZIP_CM_DEFLATE;
  std::vector<ZipEntry> extra_entries;  // appended as given
};

inline std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace detail {

constexpr const char* kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kWordNs =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

// Runs for one paragraph's text: '\t' → w:tab, '\n' → w:br.
inline std::string runs(std::string_view text) {
  std::string out;
  if (text.empty()) return out;
  out += "<w:r>";
  std::string chunk;
  auto flush = [&] {
    if (!chunk.empty()) out += "<w:t xml:space=\"preserve\">" + xml_escape(chunk) + "</w:t>";
    chunk.clear();
  };
  for (char c : text) {
    if (c == '\t') {
      flush();
      out += "<w:tab/>";
    } else if (c == '\n') {
      flush();
      out += "<w:br/>";
    } else {
      chunk += c;
    }
  }
  flush();
  out += "</w:r>";
  return out;
}

inline std::string paragraph_xml(const DocxParagraph& p) {
  std::string ppr;
  const std::string style = !p.style_id.empty() ? p.style_id : p.heading > 0 ? std::to_string(p.heading) : "";
  if (!style.empty()) ppr += "<w:pStyle w:val=\"" + xml_escape(style) + "\"/>";
  if (p.outline_level > 0) ppr += "<w:outlineLvl w:val=\"" + std::to_string(p.outline_level - 1) + "\"/>";
  std::string out = "<w:p>";
  if (!ppr.empty()) out += "<w:pPr>" + ppr + "</w:pPr>";
  out += runs(p.text);
  out += "</w:p>";
  return out;
}

inline std::string table_xml(const DocxTable& t) {
  int columns = 0;
  for (const auto& row : t.rows) {
    int w = 0;
    for (const DocxCell& c : row) w += std::max(1, c.grid_span);
    columns = std::max(columns, w);
  }
  std::string out = "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>";
  for (int i = 0; i < columns; ++i) out += "<w:gridCol w:w=\"1200\"/>";
  out += "</w:tblGrid>";
  for (const auto& row : t.rows) {
    out += "<w:tr>";
    for (const DocxCell& c : row) {
      out += "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/>";
      if (c.grid_span > 1) out += "<w:gridSpan w:val=\"" + std::to_string(c.grid_span) + "\"/>";
      if (c.vmerge == VMerge::Restart) out += "<w:vMerge w:val=\"restart\"/>";
      if (c.vmerge == VMerge::Continue) out += "<w:vMerge/>";
      out += "</w:tcPr>";
      // One paragraph per '\n'-separated piece (so a cell always holds at least one).
      for (std::size_t begin = 0;;) {
        const std::size_t end = c.text.find('\n', begin);
        const std::string_view piece = std::string_view(c.text).substr(begin, end == std::string::npos ? std::string::npos : end - begin);
        out += "<w:p>" + runs(piece) + "</w:p>";
        if (end == std::string::npos) break;
        begin = end + 1;
      }
      out += c.raw_xml;
      if (!c.raw_xml.empty()) out += "<w:p/>";  // Word wants a paragraph after a nested table
      out += "</w:tc>";
    }
    out += "</w:tr>";
  }
  out += "</w:tbl>";
  return out;
}

}  // namespace detail

// word/document.xml for `blocks` (useful on its own, e.g. to corrupt it before zipping).
inline std::string docx_document_xml(const std::vector<DocxBlock>& blocks) {
  std::string out = detail::kXmlDecl;
  out += "<w:document ";
  out += detail::kWordNs;
  out += "><w:body>";
  for (const DocxBlock& b : blocks) {
    if (const auto* p = std::get_if<DocxParagraph>(&b)) out += detail::paragraph_xml(*p);
    else if (const auto* t = std::get_if<DocxTable>(&b)) out += detail::table_xml(*t);
    else out += std::get<DocxRaw>(b).xml;
  }
  out += "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>";
  return out;
}

// word/styles.xml: Normal ("a") and heading 1–9 with the ids Chinese Word uses ("1"…"9").
inline std::string docx_styles_xml() {
  std::string out = detail::kXmlDecl;
  out += "<w:styles ";
  out += detail::kWordNs;
  out += "><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style>";
  for (int i = 1; i <= 9; ++i) {
    const std::string n = std::to_string(i);
    out += "<w:style w:type=\"paragraph\" w:styleId=\"" + n + "\"><w:name w:val=\"heading " + n +
           "\"/><w:basedOn w:val=\"a\"/><w:next w:val=\"a\"/><w:qFormat/><w:pPr><w:outlineLvl w:val=\"" +
           std::to_string(i - 1) + "\"/></w:pPr></w:style>";
  }
  out += "</w:styles>";
  return out;
}

inline std::string make_docx(const std::vector<DocxBlock>& blocks, const DocxOptions& options = {}) {
  std::string types = std::string(detail::kXmlDecl) +
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>";
  if (options.styles) {
    types += "<Override PartName=\"/word/styles.xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>";
  }
  types += "</Types>";
  const std::string rels = std::string(detail::kXmlDecl) +
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"word/document.xml\"/></Relationships>";
  std::string doc_rels = std::string(detail::kXmlDecl) +
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  if (options.styles) {
    doc_rels += "<Relationship Id=\"rId1\" "
                "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
                "Target=\"styles.xml\"/>";
  }
  doc_rels += "</Relationships>";

  std::vector<ZipEntry> entries;
  entries.push_back({"[Content_Types].xml", types, options.compression});
  entries.push_back({"_rels/.rels", rels, options.compression});
  if (options.document) {
    entries.push_back({"word/document.xml",
                       options.document_xml.empty() ? docx_document_xml(blocks) : options.document_xml,
                       options.compression});
  }
  entries.push_back({"word/_rels/document.xml.rels", doc_rels, options.compression});
  if (options.styles) entries.push_back({"word/styles.xml", docx_styles_xml(), options.compression});
  for (const ZipEntry& e : options.extra_entries) entries.push_back(e);
  return make_zip(entries);
}

}  // namespace nblint::test
