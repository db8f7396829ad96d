// .docx to text: unzip with libzip (from memory), parse word/document.xml with pugixml, and
// flatten the body into lines: one line per non-empty body paragraph, one line per table row.
//
// Reading order and numbering (what LineLocation means):
//   - `paragraph` counts EVERY body-level paragraph in reading order, empty ones included,
//     because that is what a Word user counts when told "第12段": the paragraph marks they see.
//     Paragraphs inside w:sdt / w:customXml at body level count too (they look like ordinary
//     paragraphs). Paragraphs inside table cells do NOT count: table content is located as
//     表N 第M行 instead. Empty (or blank-only) paragraphs produce no line.
//   - `table` counts every w:tbl in document order of their start tags (an outer table gets its
//     number before the tables nested in it); `row` counts the table's w:tr, 1-based.
//   - A table row is one line: the texts of the cells that START in that row, joined by " | ";
//     cells continued from above (w:vMerge) are not repeated. Tables nested in a cell are left
//     out of that cell's text and emitted right after the row, as their own table.
//   - Text boxes (w:txbxContent inside w:drawing / w:pict / mc:AlternateContent), footnotes,
//     comments, headers and footers are skipped: they are not part of the report's body flow.
//     So are deleted revisions (w:del, w:moveFrom), field codes (w:instrText; field results are
//     kept), hidden text (w:vanish) and ruby annotations (w:rt, e.g. pinyin over characters).
//   - Automatic list numbers (word/numbering.xml) are rendered in front of the paragraph's text
//     as Word shows them ("一、", "（二）", "3."), followed by a space unless w:suff is
//     "nothing": Chinese reports often number their headings that way.
//   - Trailing blanks of a paragraph line are dropped; a cell's text is trimmed.
//   - `text` is the lines joined by '\n', with no trailing newline (so LineIndex sees exactly
//     lines.size() lines; an empty document is the empty string and no lines).
//   - The text is valid UTF-8 without '\r', '\n' (except between lines) or '\t' (a tab would make
//     the parser take a paragraph for a table row; w:tab becomes a single space).
//
// Caps (besides DocxLimits): 100,000 grid slots per table and 1000 grid columns (table_grid.h;
// cells beyond them still appear in the row's line, but not in ExtractedTable); 64 levels of
// block nesting (tables in cells, content controls) and 64 levels of inline nesting (runs in
// hyperlinks in content controls …) — deeper content is skipped, so a crafted file cannot
// exhaust the stack.
#include "ingest/docx_reader.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <pugixml.hpp>
#include <stdexcept>
#include <unordered_map>

#include "ingest/table_grid.h"
#include "ingest/zip_library.h"
#include "util/chinese_counting.h"
#include "util/utf8.h"

namespace nblint {
namespace {

constexpr int kMaxBlockDepth = 64;
constexpr int kMaxInlineDepth = 64;
constexpr std::uint64_t kRatioCheckFrom = 1ull << 20;   // ratio only matters for big entries
constexpr std::uint64_t kMaxAuxiliaryXml = 32ull << 20; // styles, content types, relationships
constexpr std::uint64_t kMaxText = std::numeric_limits<std::uint32_t>::max() - 16;  // Span is 32-bit

constexpr const char* kWordMainNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kWordStrictNs = "http://purl.oclc.org/ooxml/wordprocessingml/main";

DocxError make_error(DocxError::Kind kind, std::string detail) { return DocxError{kind, std::move(detail)}; }

// ----------------------------------------------------------------------------------------------
// OLE compound files (password-protected OOXML, legacy .doc)

bool contains_utf16le(std::string_view bytes, std::string_view ascii) {
  std::string pattern;
  for (char c : ascii) {
    pattern += c;
    pattern += '\0';
  }
  return bytes.find(pattern) != std::string_view::npos;
}

DocxError ole_error(std::string_view bytes) {
  // An encrypted OOXML package is an OLE file with the streams EncryptionInfo and
  // EncryptedPackage; a Word 97–2003 document has a WordDocument stream. Directory entry
  // names are UTF-16LE.
  if (contains_utf16le(bytes, "EncryptedPackage") || contains_utf16le(bytes, "EncryptionInfo")) {
    return make_error(DocxError::Kind::Encrypted,
                 "an encrypted (password-protected) Office document: an OLE compound file with an "
                 "EncryptedPackage stream, not a zip; remove the password in Word and save again");
  }
  if (contains_utf16le(bytes, "WordDocument")) {
    return make_error(DocxError::Kind::NotZip,
                 "an OLE compound file with a WordDocument stream: a Word 97-2003 .doc, not a .docx; "
                 "save it as .docx");
  }
  return make_error(DocxError::Kind::Encrypted,
               "an OLE compound file (signature D0 CF 11 E0), not a zip: most likely an encrypted "
               "(password-protected) Office document");
}

// ----------------------------------------------------------------------------------------------
// libzip

// libzip's functions (ingest/zip_library). read_docx() has returned ReaderUnavailable before
// anything here runs when the library could not be loaded.
const ZipLibrary& lib() { return *zip_library(nullptr); }

struct ZipCloser {
  void operator()(zip_t* za) const { lib().discard(za); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

struct FileCloser {
  void operator()(zip_file_t* f) const { lib().fclose(f); }
};
using ZipFilePtr = std::unique_ptr<zip_file_t, FileCloser>;

struct OpenResult {
  ZipPtr za;
  int code = ZIP_ER_OK;
  std::string message;
};

OpenResult open_zip(std::string_view bytes, int flags) {
  OpenResult r;
  zip_error_t ze;
  lib().error_init(&ze);
  zip_source_t* src = lib().source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  if (src != nullptr) {
    r.za.reset(lib().open_from_source(src, flags, &ze));
    if (!r.za) lib().source_free(src);  // on failure the source still belongs to us
  }
  if (!r.za) {
    r.code = lib().error_code_zip(&ze);
    r.message = lib().error_strerror(&ze);
  }
  lib().error_fini(&ze);
  return r;
}

DocxError::Kind kind_for_zip_error(int code) {
  switch (code) {
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
    case ZIP_ER_ENCRNOTSUPP:
      return DocxError::Kind::Encrypted;
    case ZIP_ER_MEMORY:
      return DocxError::Kind::TooLarge;
    default:
      return DocxError::Kind::NotZip;
  }
}

std::string human_bytes(std::uint64_t n) {
  if (n >= (1ull << 20)) return std::to_string(n >> 20) + " MiB (" + std::to_string(n) + " bytes)";
  return std::to_string(n) + " bytes";
}

// Reads one entry completely, refusing zip bombs: the announced size must be within `cap` and
// the compression ratio within `max_ratio` (0: no ratio check), and the bytes actually
// inflated may not exceed either the announced size or the cap (the headers can lie).
std::optional<DocxError> read_entry(zip_t* za, zip_uint64_t index, const std::string& name,
                                    std::uint64_t cap, std::uint64_t max_ratio, std::string& out) {
  zip_stat_t st;
  lib().stat_init(&st);
  if (lib().stat_index(za, index, 0, &st) != 0) {
    return make_error(DocxError::Kind::NotZip, name + ": " + lib().strerror(za));
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    return make_error(DocxError::Kind::Encrypted,
                 name + " is encrypted inside the zip (encryption method " +
                     std::to_string(st.encryption_method) + ")");
  }
  std::uint64_t limit = cap;
  if (st.valid & ZIP_STAT_SIZE) {
    if (st.size > cap) {
      return make_error(DocxError::Kind::TooLarge, name + " would be " + human_bytes(st.size) +
                                                  " uncompressed, over the limit of " + human_bytes(cap));
    }
    if (max_ratio > 0 && st.size > kRatioCheckFrom && (st.valid & ZIP_STAT_COMP_SIZE) &&
        (st.comp_size == 0 || st.size / st.comp_size > max_ratio)) {
      return make_error(DocxError::Kind::TooLarge,
                   name + " inflates from " + std::to_string(st.comp_size) + " to " +
                       std::to_string(st.size) + " bytes, a compression ratio over " +
                       std::to_string(max_ratio) + ":1 (a zip bomb?)");
    }
    limit = st.size;
  }
  ZipFilePtr f(lib().fopen_index(za, index, 0));
  if (!f) {
    const int code = lib().error_code_zip(lib().get_error(za));
    return make_error(kind_for_zip_error(code), name + ": " + lib().strerror(za));
  }
  out.clear();
  if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(limit));
  char buf[64 * 1024];
  for (;;) {
    const zip_int64_t n = lib().fread(f.get(), buf, sizeof buf);
    if (n < 0) {
      zip_error_t* fe = lib().file_get_error(f.get());
      const int code = lib().error_code_zip(fe);
      std::string msg = name + ": " + lib().error_strerror(fe);
      if (code == ZIP_ER_CRC) msg += " (the file is damaged)";
      return make_error(kind_for_zip_error(code), msg);
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::uint64_t>(n) > limit) {
      if (limit < cap) {
        return make_error(DocxError::Kind::TooLarge,
                     name + " inflates to more than the " + std::to_string(limit) +
                         " bytes its zip header announces (a zip bomb?)");
      }
      return make_error(DocxError::Kind::TooLarge, name + " inflates to more than the limit of " + human_bytes(cap));
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  return std::nullopt;
}

std::optional<zip_uint64_t> locate(zip_t* za, const std::string& name) {
  if (name.empty()) return std::nullopt;
  const zip_int64_t i = lib().name_locate(za, name.c_str(), ZIP_FL_NOCASE);
  if (i < 0) return std::nullopt;
  return static_cast<zip_uint64_t>(i);
}

// Auxiliary parts (content types, relationships, styles): read and parse, or nothing.
bool load_auxiliary(zip_t* za, const std::string& name, std::uint64_t cap, std::string& buf,
                    pugi::xml_document& doc) {
  const auto index = locate(za, name);
  if (!index) return false;
  if (read_entry(za, *index, name, cap, 0, buf)) return false;
  return static_cast<bool>(doc.load_buffer_inplace(buf.data(), buf.size(), pugi::parse_default));
}

// ----------------------------------------------------------------------------------------------
// XML helpers (pugixml is not namespace-aware: names come with their prefix)

std::string_view local_name(const char* qname) {
  std::string_view n(qname);
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// The prefix bound to the WordprocessingML namespace on `root` ("w" in practice).
std::string word_prefix(pugi::xml_node root) {
  for (pugi::xml_attribute a : root.attributes()) {
    const std::string_view name = a.name();
    const std::string_view value = a.value();
    if (value != kWordMainNs && value != kWordStrictNs) continue;
    if (name == "xmlns") return "";
    if (name.starts_with("xmlns:")) return std::string(name.substr(6));
  }
  return "w";
}

std::optional<long long> parse_int(const char* s) {
  std::string_view v(s);
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  long long x = 0;
  const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || p != v.data() + v.size() || v.empty()) return std::nullopt;
  return x;
}

// "heading 1", "Heading1", "标题 1", "标题1" → 1; anything else → 0.
int heading_level_from_name(std::string_view name) {
  std::string s;
  for (char c : name) {
    if (c == ' ' || c == '_' || c == '-') continue;
    s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view v(s);
  if (v.starts_with("heading")) {
    v.remove_prefix(7);
  } else if (v.starts_with("\xE6\xA0\x87\xE9\xA2\x98")) {  // 标题
    v.remove_prefix(6);
  } else {
    return 0;
  }
  if (v.size() == 1 && v[0] >= '1' && v[0] <= '9') return v[0] - '0';
  return 0;
}

// w:outlineLvl values 0–8 are heading levels 1–9; 9 means "body text".
std::optional<int> outline_value(const char* val) {
  const auto v = parse_int(val);
  if (!v || *v < 0 || *v > 9) return std::nullopt;
  return *v == 9 ? 0 : static_cast<int>(*v) + 1;
}

// ----------------------------------------------------------------------------------------------
// Styles: style id → heading level

class Styles {
 public:
  void load(pugi::xml_node root) {
    const std::string p = prefixed(word_prefix(root));
    const std::string s_style = p + "style", s_type = p + "type", s_id = p + "styleId",
                      s_name = p + "name", s_val = p + "val", s_based = p + "basedOn",
                      s_ppr = p + "pPr", s_outline = p + "outlineLvl";
    for (pugi::xml_node st : root.children(s_style.c_str())) {
      const char* type = st.attribute(s_type.c_str()).value();
      if (*type != '\0' && std::strcmp(type, "paragraph") != 0) continue;
      const std::string id = st.attribute(s_id.c_str()).value();
      if (id.empty()) continue;
      Info info;
      info.name = st.child(s_name.c_str()).attribute(s_val.c_str()).value();
      info.based_on = st.child(s_based.c_str()).attribute(s_val.c_str()).value();
      const pugi::xml_node ppr = st.child(s_ppr.c_str());
      if (pugi::xml_node ol = ppr.child(s_outline.c_str())) {
        info.outline = outline_value(ol.attribute(s_val.c_str()).value());
      }
      if (pugi::xml_node np = ppr.child((p + "numPr").c_str())) {
        if (pugi::xml_node id_node = np.child((p + "numId").c_str())) {
          info.num_id = std::string(id_node.attribute(s_val.c_str()).value());
        }
        if (pugi::xml_node il = np.child((p + "ilvl").c_str())) {
          if (const auto v = parse_int(il.attribute(s_val.c_str()).value())) info.ilvl = static_cast<int>(std::clamp<long long>(*v, 0, 8));
        }
      }
      styles_.emplace(id, std::move(info));
    }
  }

  // Resolution: the style's name (heading N / 标题 N), else its own w:outlineLvl, else the
  // style it is based on (at most 16 steps). A style id that styles.xml does not define is read
  // as a name ("Heading1", "heading 1") or, as Chinese Word writes the ids of 标题 1–9, a bare
  // digit "1"–"9".
  int level(const std::string& id) {
    if (id.empty()) return 0;
    if (auto it = cache_.find(id); it != cache_.end()) return it->second;
    int lvl = resolve(id, 0);
    if (cache_.size() < 100000) cache_.emplace(id, lvl);
    return lvl;
  }

  // The list a paragraph style attaches (w:pPr/w:numPr, inherited through w:basedOn).
  struct NumRef {
    std::string num_id;
    std::optional<int> ilvl;
  };
  std::optional<NumRef> numbering(const std::string& id) const {
    std::string cur = id;
    for (int depth = 0; depth < 16 && !cur.empty(); ++depth) {
      const auto it = styles_.find(cur);
      if (it == styles_.end()) return std::nullopt;
      if (it->second.num_id) return NumRef{*it->second.num_id, it->second.ilvl};
      if (it->second.based_on == cur) return std::nullopt;
      cur = it->second.based_on;
    }
    return std::nullopt;
  }

 private:
  struct Info {
    std::string name, based_on;
    std::optional<int> outline;
    std::optional<std::string> num_id;
    std::optional<int> ilvl;
  };

  static std::string prefixed(const std::string& prefix) { return prefix.empty() ? "" : prefix + ":"; }

  int resolve(const std::string& id, int depth) const {
    const auto it = styles_.find(id);
    if (it == styles_.end()) {
      if (depth > 0) return 0;
      if (id.size() == 1 && id[0] >= '1' && id[0] <= '9') return id[0] - '0';
      return heading_level_from_name(id);
    }
    if (const int n = heading_level_from_name(it->second.name)) return n;
    if (it->second.outline) return *it->second.outline;
    if (depth < 16 && !it->second.based_on.empty() && it->second.based_on != id) {
      return resolve(it->second.based_on, depth + 1);
    }
    return 0;
  }

  std::unordered_map<std::string, Info> styles_;
  std::unordered_map<std::string, int> cache_;
};

// ----------------------------------------------------------------------------------------------
// Text helpers

bool is_blank(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ') {
      ++i;
    } else if (s.substr(i, 3) == "\xE3\x80\x80") {  // U+3000 ideographic space
      i += 3;
    } else if (s.substr(i, 2) == "\xC2\xA0") {  // U+00A0
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

std::string_view trim_blanks(std::string_view s) {
  for (;;) {
    if (s.starts_with(" ")) s.remove_prefix(1);
    else if (s.starts_with("\xE3\x80\x80")) s.remove_prefix(3);
    else if (s.starts_with("\xC2\xA0")) s.remove_prefix(2);
    else break;
  }
  for (;;) {
    if (s.ends_with(" ")) s.remove_suffix(1);
    else if (s.ends_with("\xE3\x80\x80")) s.remove_suffix(3);
    else if (s.ends_with("\xC2\xA0")) s.remove_suffix(2);
    else break;
  }
  return s;
}

// Appends text from the XML: line and tab characters become spaces, other C0 controls are
// dropped, invalid UTF-8 becomes U+FFFD (so no later decoder shifts our offsets).
void append_clean(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') out += ' ';
      else if (c >= 0x20 || c == 0) { if (c != 0) out += static_cast<char>(c); }
      ++i;
      continue;
    }
    const utf8::Decoded d = utf8::decode(s, i);
    if (d.valid) out.append(s.substr(i, d.length));
    else utf8::append(out, utf8::kReplacement);
    i += d.length;
  }
}

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// ----------------------------------------------------------------------------------------------
// Automatic numbering (word/numbering.xml). Chinese reports often number their headings with
// Word's lists ("一、" "（一）" "1." are then not in the text at all), so the label Word shows is
// rendered and put in front of the paragraph's text. Counters run per abstract list (lists that
// share one, continue each other) unless a w:num overrides a level's start, which gives that
// w:num counters of its own; w:lvlRestart and w:numStyleLink are not followed.

std::string decimal(long long n) { return std::to_string(n); }

// Word's Chinese counting formats; numbers beyond them as decimals, as Word writes them.
std::string counting_or_decimal(long long n, const char* const digits[10], const char* ten, const char* hundred) {
  std::string out = chinese_counting(n, digits, ten, hundred);
  return out.empty() ? decimal(n) : out;
}

std::string roman(long long n, bool upper) {
  if (n <= 0 || n >= 4000) return decimal(n);
  static const std::pair<int, const char*> parts[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                       {90, "xc"},  {50, "l"},   {40, "xl"},  {10, "x"},   {9, "ix"},
                                                       {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  for (const auto& [v, s] : parts) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string format_number(long long n, std::string_view fmt) {
  static const char* const cn[10] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char* const cn_zero[10] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char* const legal[10] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  static const char* const tiangan[10] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
  if (fmt == "chineseCounting" || fmt == "chineseCountingThousand" || fmt == "japaneseCounting" ||
      fmt == "taiwaneseCounting" || fmt == "taiwaneseCountingThousand" || fmt == "ideographLegalTraditional") {
    return counting_or_decimal(n, cn_zero, "十", "百");
  }
  if (fmt == "chineseLegalSimplified") return counting_or_decimal(n, legal, "拾", "佰");
  if (fmt == "ideographDigital" || fmt == "taiwaneseDigital" || fmt == "japaneseDigitalTenThousand") {
    if (n < 0) return decimal(n);
    std::string out;
    for (char c : decimal(n)) out += cn[c - '0'];
    return out;
  }
  if (fmt == "ideographTraditional") return n >= 1 && n <= 10 ? tiangan[n - 1] : decimal(n);
  if (fmt == "decimalEnclosedCircle" || fmt == "decimalEnclosedCircleChinese") {
    if (n >= 1 && n <= 20) {
      std::string out;
      utf8::append(out, static_cast<char32_t>(0x2460 + n - 1));
      return out;
    }
    return decimal(n);
  }
  if (fmt == "decimalEnclosedParen" || fmt == "decimalEnclosedFullstop") {
    if (n >= 1 && n <= 20) {
      std::string out;
      utf8::append(out, static_cast<char32_t>((fmt == "decimalEnclosedParen" ? 0x2474 : 0x2488) + n - 1));
      return out;
    }
    return decimal(n);
  }
  if (fmt == "decimalFullWidth" || fmt == "decimalFullWidth2") {
    std::string out;
    for (char c : decimal(n)) {
      if (c >= '0' && c <= '9') utf8::append(out, static_cast<char32_t>(0xFF10 + (c - '0')));
      else out += c;
    }
    return out;
  }
  if (fmt == "decimalZero") return n >= 0 && n < 10 ? "0" + decimal(n) : decimal(n);
  if (fmt == "upperRoman" || fmt == "lowerRoman") return roman(n, fmt == "upperRoman");
  if (fmt == "upperLetter" || fmt == "lowerLetter") {
    if (n <= 0 || n > 780) return decimal(n);
    const char letter = static_cast<char>((fmt == "upperLetter" ? 'A' : 'a') + (n - 1) % 26);
    return std::string(static_cast<std::size_t>((n - 1) / 26 + 1), letter);
  }
  return decimal(n);  // decimal, ordinal, cardinalText … and anything unknown
}

class Numbering {
 public:
  void load(pugi::xml_node root) {
    const std::string prefix = word_prefix(root);
    p_ = prefix.empty() ? "" : prefix + ":";
    // Named strings: children(name) keeps the pointer, so a temporary would dangle.
    const std::string val = p_ + "val", abstract_name = p_ + "abstractNum", lvl_name = p_ + "lvl",
                      num_name = p_ + "num", override_name = p_ + "lvlOverride";
    for (pugi::xml_node a : root.children(abstract_name.c_str())) {
      Abstract abs;
      for (pugi::xml_node l : a.children(lvl_name.c_str())) {
        const auto il = parse_int(l.attribute((p_ + "ilvl").c_str()).value());
        if (!il || *il < 0 || *il > 8) continue;
        abs.levels[static_cast<std::size_t>(*il)] = read_level(l);
      }
      abstracts_.emplace(a.attribute((p_ + "abstractNumId").c_str()).value(), std::move(abs));
    }
    for (pugi::xml_node n : root.children(num_name.c_str())) {
      Num num;
      num.abstract_id = n.child((p_ + "abstractNumId").c_str()).attribute(val.c_str()).value();
      for (pugi::xml_node o : n.children(override_name.c_str())) {
        const auto il = parse_int(o.attribute((p_ + "ilvl").c_str()).value());
        if (!il || *il < 0 || *il > 8) continue;
        const auto i = static_cast<std::size_t>(*il);
        if (pugi::xml_node so = o.child((p_ + "startOverride").c_str())) {
          if (const auto v = parse_int(so.attribute(val.c_str()).value())) num.start_override[i] = clamp_count(*v);
        }
        if (pugi::xml_node l = o.child((p_ + "lvl").c_str())) num.level_override[i] = read_level(l);
        num.own_counters = true;
      }
      nums_.emplace(n.attribute((p_ + "numId").c_str()).value(), std::move(num));
    }
  }

  // The label Word shows for a paragraph of list `num_id` at `ilvl` (ilvl unknown: the level
  // whose w:pStyle is `style_id`, else 0), with its suffix; advances the counters. Empty when
  // there is no such list, or for bullets.
  std::string next(const std::string& num_id, std::optional<int> ilvl, const std::string& style_id) {
    if (num_id.empty() || num_id == "0") return {};
    const auto nit = nums_.find(num_id);
    if (nit == nums_.end()) return {};
    const Num& num = nit->second;
    const auto ait = abstracts_.find(num.abstract_id);
    if (ait == abstracts_.end()) return {};
    const Abstract& abs = ait->second;
    std::size_t l = 0;
    if (ilvl) {
      l = static_cast<std::size_t>(std::clamp(*ilvl, 0, 8));
    } else {
      for (std::size_t i = 0; i < 9; ++i) {
        if (abs.levels[i] && !style_id.empty() && abs.levels[i]->pstyle == style_id) l = i;
      }
    }
    auto level = [&](std::size_t i) -> std::optional<Level> {
      if (num.level_override[i]) return num.level_override[i];
      return abs.levels[i];
    };
    auto start = [&](std::size_t i) -> long long {
      if (num.start_override[i]) return *num.start_override[i];
      const auto lv = level(i);
      return lv ? lv->start : 1;
    };
    if (counters_.size() > 100000) return {};
    Counters& c = counters_[(num.own_counters ? "n:" + num_id : "a:" + num.abstract_id)];
    c.value[l] = c.started[l] ? std::min(c.value[l] + 1, 1000000000LL) : start(l);
    c.started[l] = true;
    for (std::size_t k = l + 1; k < 9; ++k) c.started[k] = false;

    const auto lv = level(l);
    if (!lv || lv->format == "bullet" || lv->format == "none") return {};
    std::string label;
    const std::string& text = lv->text;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
        const auto k = static_cast<std::size_t>(text[i + 1] - '1');
        const long long v = c.started[k] ? c.value[k] : start(k);
        const auto kl = level(k);
        label += format_number(v, lv->legal ? "decimal" : kl ? std::string_view(kl->format) : "decimal");
        ++i;
      } else {
        label += text[i];
      }
    }
    std::string out;
    append_clean(out, label);
    if (!out.empty() && lv->suffix != "nothing") out += ' ';
    return out;
  }

 private:
  struct Level {
    long long start = 1;
    std::string format = "decimal", text, suffix = "tab", pstyle;
    bool legal = false;
  };
  struct Abstract {
    std::array<std::optional<Level>, 9> levels;
  };
  struct Num {
    std::string abstract_id;
    std::array<std::optional<long long>, 9> start_override;
    std::array<std::optional<Level>, 9> level_override;
    bool own_counters = false;
  };
  struct Counters {
    std::array<long long, 9> value{};
    std::array<bool, 9> started{};
  };

  static long long clamp_count(long long v) { return std::clamp<long long>(v, 0, 1000000000LL); }

  Level read_level(pugi::xml_node l) const {
    const std::string val = p_ + "val";
    Level lv;
    if (pugi::xml_node n = l.child((p_ + "start").c_str())) {
      if (const auto v = parse_int(n.attribute(val.c_str()).value())) lv.start = clamp_count(*v);
    }
    if (pugi::xml_node n = l.child((p_ + "numFmt").c_str())) lv.format = n.attribute(val.c_str()).value();
    if (pugi::xml_node n = l.child((p_ + "lvlText").c_str())) lv.text = n.attribute(val.c_str()).value();
    if (pugi::xml_node n = l.child((p_ + "suff").c_str())) lv.suffix = n.attribute(val.c_str()).value();
    if (pugi::xml_node n = l.child((p_ + "pStyle").c_str())) lv.pstyle = n.attribute(val.c_str()).value();
    if (pugi::xml_node n = l.child((p_ + "isLgl").c_str())) {
      const std::string_view v = n.attribute(val.c_str()).value();
      lv.legal = v.empty() || v == "1" || v == "true" || v == "on";
    }
    return lv;
  }

  std::string p_;
  std::unordered_map<std::string, Abstract> abstracts_;
  std::unordered_map<std::string, Num> nums_;
  std::unordered_map<std::string, Counters> counters_;
};

// ----------------------------------------------------------------------------------------------
// The body walker

class Extractor {
 public:
  Extractor(const std::string& prefix, Styles& styles, Numbering& numbering)
      : styles_(styles), numbering_(numbering) {
    const std::string p = prefix.empty() ? "" : prefix + ":";
    p_ = p;
    a_val_ = p + "val";
  }

  void body(pugi::xml_node body) { blocks(body, 0, nullptr); }

  bool overflow() const { return overflow_; }

  DocxText take() { return std::move(out_); }

 private:
  // Collects a cell's content while its row is being built.
  struct CellSink {
    std::string text;                        // paragraphs joined by a space
    std::vector<pugi::xml_node> nested;      // tables inside the cell, emitted after the row
  };

  // Element name test against the WordprocessingML prefix.
  bool is(pugi::xml_node n, const char* local) const {
    const char* name = n.name();
    if (std::strncmp(name, p_.c_str(), p_.size()) != 0) return false;
    return std::strcmp(name + p_.size(), local) == 0;
  }
  std::string_view wlocal(pugi::xml_node n) const {
    const char* name = n.name();
    if (std::strncmp(name, p_.c_str(), p_.size()) != 0) return {};
    return std::string_view(name + p_.size());
  }
  pugi::xml_node wchild(pugi::xml_node n, const char* local) const {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && is(c, local)) return c;
    }
    return {};
  }
  const char* val(pugi::xml_node n) const {
    const char* v = n.attribute(a_val_.c_str()).value();
    if (*v == '\0') v = n.attribute("val").value();
    return v;
  }

  std::uint32_t next_line_start() const {
    return out_.lines.empty() ? 0 : static_cast<std::uint32_t>(out_.text.size() + 1);
  }

  void add_line(const std::string& line, LineLocation loc) {
    if (overflow_) return;
    if (out_.text.size() + line.size() + 1 > kMaxText) {
      overflow_ = true;
      return;
    }
    if (!out_.lines.empty()) out_.text += '\n';
    out_.text += line;
    out_.lines.push_back(std::move(loc));
  }

  // Block-level content: body, w:sdtContent, w:customXml, table cells.
  void blocks(pugi::xml_node parent, int depth, CellSink* cell) {
    if (depth > kMaxBlockDepth) return;
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view n = wlocal(c);
      if (n == "p") {
        if (cell) {
          std::string t = list_label(c);
          inline_text(c, t, 0);
          const std::string_view trimmed = trim_blanks(t);
          if (!trimmed.empty()) {
            if (!cell->text.empty()) cell->text += ' ';
            cell->text += trimmed;
          }
        } else {
          paragraph(c);
        }
      } else if (n == "tbl") {
        if (cell) cell->nested.push_back(c);
        else table(c, depth + 1);
      } else if (n == "sdt") {
        blocks(wchild(c, "sdtContent"), depth + 1, cell);
      } else if (n == "customXml" || n == "ins" || n == "moveTo") {
        blocks(c, depth + 1, cell);
      }
      // w:sectPr, w:bookmarkStart/End, w:proofErr, w:del, w:moveFrom, w:altChunk …: nothing.
    }
  }

  void paragraph(pugi::xml_node p) {
    ++paragraph_ordinal_;
    std::string t = list_label(p);  // an automatic number ("一、"), as Word shows it
    inline_text(p, t, 0);
    if (is_blank(t)) return;
    while (t.ends_with(' ')) t.pop_back();  // trailing blanks, e.g. a lone list label's suffix
    LineLocation loc;
    loc.kind = LineLocation::Kind::Paragraph;
    loc.paragraph = paragraph_ordinal_;
    loc.outline_level = heading_level(p);
    add_line(t, std::move(loc));
  }

  // The paragraph's list label: its own w:numPr, else its style's (w:numId 0 switches it off).
  std::string list_label(pugi::xml_node p) {
    const pugi::xml_node ppr = wchild(p, "pPr");
    if (!ppr) return {};
    const std::string style = val(wchild(ppr, "pStyle"));
    std::optional<int> ilvl;
    if (pugi::xml_node np = wchild(ppr, "numPr")) {
      if (pugi::xml_node il = wchild(np, "ilvl")) {
        if (const auto v = parse_int(val(il))) ilvl = static_cast<int>(std::clamp<long long>(*v, 0, 8));
      }
      if (pugi::xml_node id = wchild(np, "numId")) return numbering_.next(val(id), ilvl, style);
    }
    if (style.empty()) return {};
    const auto ref = styles_.numbering(style);
    if (!ref) return {};
    return numbering_.next(ref->num_id, ilvl ? ilvl : ref->ilvl, style);
  }

  // w:rPr/w:vanish: hidden text, which Word does not show (or print).
  bool hidden(pugi::xml_node run) const {
    const pugi::xml_node v = wchild(wchild(run, "rPr"), "vanish");
    if (!v) return false;
    const std::string_view s = val(v);
    return !(s == "0" || s == "false" || s == "off");
  }

  // Direct w:outlineLvl wins over the style (it may also say "body text", level 0).
  int heading_level(pugi::xml_node p) {
    const pugi::xml_node ppr = wchild(p, "pPr");
    if (!ppr) return 0;
    if (pugi::xml_node ol = wchild(ppr, "outlineLvl")) {
      if (const auto v = outline_value(val(ol))) return *v;
    }
    if (pugi::xml_node ps = wchild(ppr, "pStyle")) return styles_.level(val(ps));
    return 0;
  }

  // Runs and their containers inside a paragraph.
  void inline_text(pugi::xml_node parent, std::string& out, int depth) {
    if (depth > kMaxInlineDepth) return;
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view n = wlocal(c);
      if (n.empty()) continue;  // other namespaces: mc:AlternateContent (drawings), m:oMath …
      if (n == "t") {
        text_element(c, out);
      } else if (n == "r" && hidden(c)) {
        continue;
      } else if (n == "r" || n == "hyperlink" || n == "smartTag" || n == "fldSimple" || n == "ins" ||
                 n == "moveTo" || n == "customXml" || n == "dir" || n == "bdo" || n == "ruby" ||
                 n == "rubyBase") {
        inline_text(c, out, depth + 1);
      } else if (n == "sdt") {
        inline_text(wchild(c, "sdtContent"), out, depth + 1);
      } else if (n == "tab" || n == "ptab" || n == "br" || n == "cr") {
        out += ' ';
      } else if (n == "noBreakHyphen") {
        out += '-';
      }
      // Skipped: w:pPr, w:rPr, w:del / w:delText (deleted revisions), w:moveFrom,
      // w:instrText / w:fldChar (field codes; the field result runs are kept), w:sym,
      // w:softHyphen, w:rt (ruby/pinyin annotation), w:drawing / w:pict / w:object (text boxes).
    }
  }

  // w:t: its text, with surrounding XML whitespace dropped unless xml:space="preserve".
  void text_element(pugi::xml_node t, std::string& out) {
    std::string raw;
    for (pugi::xml_node c = t.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) raw += c.value();
    }
    std::string_view v(raw);
    if (std::strcmp(t.attribute("xml:space").value(), "preserve") != 0) {
      while (!v.empty() && is_xml_space(v.front())) v.remove_prefix(1);
      while (!v.empty() && is_xml_space(v.back())) v.remove_suffix(1);
    }
    append_clean(out, v);
  }

  // ---- tables ----

  template <class F>
  void for_each_child_in(pugi::xml_node parent, const char* local, int depth, F&& f) {
    if (depth > kMaxBlockDepth) return;
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view n = wlocal(c);
      if (n == local) f(c);
      else if (n == "sdt") for_each_child_in(wchild(c, "sdtContent"), local, depth + 1, f);
      else if (n == "customXml") for_each_child_in(c, local, depth + 1, f);
    }
  }

  std::uint32_t attr_count(pugi::xml_node n, std::uint32_t lo, std::uint32_t hi, std::uint32_t dflt) const {
    if (!n) return dflt;
    const auto v = parse_int(val(n));
    if (!v) return dflt;
    return static_cast<std::uint32_t>(std::clamp<long long>(*v, lo, hi));
  }

  void table(pugi::xml_node tbl, int depth) {
    if (depth > kMaxBlockDepth) return;
    const std::size_t table_index = out_.tables.size();
    out_.tables.emplace_back();
    const std::uint32_t ordinal = static_cast<std::uint32_t>(table_index + 1);

    // Slot values: a cell id in `grid`, kNone (no cell there) or kOutside (a cell that is not
    // in the grid because the table hit its cap).
    constexpr std::int32_t kNone = -1, kOutside = -2;
    TableGridBuilder grid;
    std::vector<std::int32_t> prev;  // the previous row's slots (grid or not)
    std::uint32_t row_number = 0;
    std::optional<std::uint32_t> first_start;

    for_each_child_in(tbl, "tr", depth, [&](pugi::xml_node tr) {
      ++row_number;
      const std::uint32_t r = grid.row();  // grid row, if it fits
      std::uint32_t col = attr_count(wchild(wchild(tr, "trPr"), "gridBefore"), 0, kMaxGridColumns, 0);

      struct Written {
        std::int32_t origin;  // cell id in `grid`, or -1 when not in the grid
        std::uint32_t start, length;
      };
      std::vector<Written> written;
      std::vector<std::int32_t> current;  // this row's slots
      std::string line;
      std::vector<std::uint32_t> cell_starts;
      std::vector<pugi::xml_node> nested;
      auto mark = [&](std::uint32_t from, std::uint32_t to, std::int32_t v) {
        to = std::min(to, kMaxGridColumns);
        if (from >= to) return;
        if (current.size() < to) current.resize(to, kNone);
        std::fill(current.begin() + from, current.begin() + to, v);
      };

      for_each_child_in(tr, "tc", depth, [&](pugi::xml_node tc) {
        const pugi::xml_node tcpr = wchild(tc, "tcPr");
        const std::uint32_t span = attr_count(wchild(tcpr, "gridSpan"), 1, kMaxGridColumns, 1);
        bool cont = false;
        if (pugi::xml_node vm = wchild(tcpr, "vMerge")) {
          const char* v = val(vm);
          cont = *v == '\0' || std::strcmp(v, "continue") == 0;
        }
        const std::uint32_t c0 = col;
        col = std::min<std::uint32_t>(col + span, 2 * kMaxGridColumns);
        // A continued cell (w:vMerge without "restart") merges into whatever cell covers the
        // slot above it; its own content is not shown by Word and is ignored. With nothing
        // above, it is read as an ordinary cell.
        if (cont && c0 < prev.size() && prev[c0] != kNone) {
          const std::int32_t o = prev[c0];
          if (o >= 0 && !grid.capped()) {
            ExtractedCell& above = grid.cell(o);
            above.row_span = r - above.row + 1;
            mark(c0, col, o);
          } else {
            mark(c0, col, kOutside);
          }
          return;
        }
        CellSink sink;
        blocks(tc, depth + 1, &sink);
        for (const pugi::xml_node& n : sink.nested) nested.push_back(n);
        if (!cell_starts.empty()) line += " | ";
        cell_starts.push_back(static_cast<std::uint32_t>(line.size()));
        written.push_back({-1, static_cast<std::uint32_t>(line.size()),
                           static_cast<std::uint32_t>(sink.text.size())});
        line += sink.text;
        if (grid.capped() || c0 >= kMaxGridColumns) {
          mark(c0, col, kOutside);
          return;
        }
        ExtractedCell cell;
        cell.row = r;
        cell.column = c0;
        cell.col_span = span;
        cell.text = std::move(sink.text);
        const std::int32_t id = grid.add_cell(std::move(cell));
        written.back().origin = id;
        mark(c0, col, id);
      });

      // The row goes into the grid unless it crosses the slot cap (table_grid.h): then it and
      // every later row stay out of the grid (their lines are still written).
      const std::uint32_t line_start = next_line_start();
      if (!grid.capped()) {
        if (grid.end_row(current, line_start + static_cast<std::uint32_t>(line.size()))) {
          for (const Written& w : written) {
            if (w.origin >= 0) grid.cell(w.origin).span = Span{line_start + w.start, line_start + w.start + w.length};
          }
        } else {
          for (std::int32_t& v : current) {
            if (v != kNone) v = kOutside;
          }
        }
      }

      if (!first_start) first_start = line_start;
      LineLocation loc;
      loc.kind = LineLocation::Kind::TableRow;
      loc.table = ordinal;
      loc.row = row_number;
      loc.cell_starts = std::move(cell_starts);
      add_line(line, std::move(loc));
      prev = std::move(current);
      for (const pugi::xml_node& n : nested) table(n, depth + 1);
    });

    // Expand into the full grid, row-major: slots not written (short rows, w:gridBefore/After)
    // are empty; slots covered by a gridSpan / vMerge started elsewhere are continuations, with
    // row_span and col_span left at 1.
    const std::uint32_t begin = first_start.value_or(next_line_start());
    const std::uint32_t end = static_cast<std::uint32_t>(out_.text.size());
    out_.tables[table_index] = grid.finish(Span{std::min(begin, end), end}, ContinuationSpans::One);
  }

  Styles& styles_;
  Numbering& numbering_;
  std::string p_, a_val_;
  DocxText out_;
  std::uint32_t paragraph_ordinal_ = 0;
  bool overflow_ = false;
};

// ----------------------------------------------------------------------------------------------
// The package: which part is the main document, which holds the styles

constexpr const char* kMainContentTypes[] = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
};

std::string part_name(std::string_view part) {
  while (part.starts_with("/")) part.remove_prefix(1);
  return std::string(part);
}

// The main document part named by [Content_Types].xml, if it names one that exists.
std::optional<std::string> main_part_from_content_types(zip_t* za) {
  std::string buf;
  pugi::xml_document doc;
  if (!load_auxiliary(za, "[Content_Types].xml", kMaxAuxiliaryXml, buf, doc)) return std::nullopt;
  for (pugi::xml_node o : doc.document_element().children()) {
    if (local_name(o.name()) != "Override") continue;
    const std::string_view type = o.attribute("ContentType").value();
    for (const char* main : kMainContentTypes) {
      if (type != main) continue;
      std::string name = part_name(o.attribute("PartName").value());
      if (locate(za, name)) return name;
    }
  }
  return std::nullopt;
}

// A part related to the main one (type "/styles", "/numbering"): from the main part's
// relationships, else its usual name next to the main part (word/styles.xml …).
std::string related_part(zip_t* za, const std::string& main, std::string_view type_suffix) {
  const auto slash = main.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : main.substr(0, slash + 1);
  const std::string file = slash == std::string::npos ? main : main.substr(slash + 1);
  std::string buf;
  pugi::xml_document doc;
  if (load_auxiliary(za, dir + "_rels/" + file + ".rels", kMaxAuxiliaryXml, buf, doc)) {
    for (pugi::xml_node r : doc.document_element().children()) {
      if (local_name(r.name()) != "Relationship") continue;
      const std::string_view type = r.attribute("Type").value();
      if (!type.ends_with(type_suffix)) continue;
      const std::string_view target = r.attribute("Target").value();
      const std::string name = target.starts_with("/") ? part_name(target) : dir + std::string(target);
      if (locate(za, name)) return name;
    }
  }
  return dir + std::string(type_suffix.substr(1)) + ".xml";
}

std::string what_else(zip_t* za) {
  if (locate(za, "xl/workbook.xml")) return " (it is an Excel workbook)";
  if (locate(za, "ppt/presentation.xml")) return " (it is a PowerPoint presentation)";
  if (locate(za, "content.xml") && locate(za, "mimetype")) return " (it looks like an OpenDocument file, e.g. .odt)";
  const zip_int64_t n = lib().get_num_entries(za, 0);
  return " (the zip holds " + std::to_string(n < 0 ? 0 : n) + " entries)";
}

std::string position_of(std::string_view xml, std::ptrdiff_t offset) {
  if (offset < 0) offset = 0;
  const std::size_t end = std::min<std::size_t>(static_cast<std::size_t>(offset), xml.size());
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < end; ++i) {
    if (xml[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(xml[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return "byte " + std::to_string(offset) + " (line " + std::to_string(line) + ", column " +
         std::to_string(col) + ")";
}

std::variant<DocxText, DocxError> read_docx_impl(std::string_view bytes, const DocxLimits& limits) {
  if (bytes.empty()) return make_error(DocxError::Kind::NotZip, "the file is empty");
  static constexpr char kOle[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  if (bytes.starts_with(std::string_view(kOle, 8))) return ole_error(bytes);

  // Strict first; some writers produce local headers that disagree with the central directory
  // in harmless ways, so an inconsistent archive is retried leniently (every read below is
  // bounded by our own counters, not by the headers).
  std::string unavailable;
  if (!zip_library(&unavailable)) return make_error(DocxError::Kind::ReaderUnavailable, unavailable);
  OpenResult z = open_zip(bytes, ZIP_RDONLY | ZIP_CHECKCONS);
  if (!z.za && z.code == ZIP_ER_INCONS) {
    OpenResult lenient = open_zip(bytes, ZIP_RDONLY);
    if (lenient.za) z = std::move(lenient);
  }
  if (!z.za) {
    return make_error(kind_for_zip_error(z.code), "not a readable zip archive: " + z.message);
  }
  zip_t* za = z.za.get();

  std::string main = main_part_from_content_types(za).value_or("word/document.xml");
  const auto main_index = locate(za, main);
  if (!main_index) {
    return make_error(DocxError::Kind::NoDocument, "no word/document.xml in the zip" + what_else(za));
  }

  std::string xml;
  if (auto e = read_entry(za, *main_index, main, limits.max_document_xml, limits.max_compression_ratio, xml)) {
    return *e;
  }

  Styles styles;
  Numbering numbering;
  {
    std::string buf;
    pugi::xml_document sdoc;
    const std::uint64_t cap = std::min<std::uint64_t>(limits.max_document_xml, kMaxAuxiliaryXml);
    if (load_auxiliary(za, related_part(za, main, "/styles"), cap, buf, sdoc)) styles.load(sdoc.document_element());
    std::string nbuf;
    pugi::xml_document ndoc;
    if (load_auxiliary(za, related_part(za, main, "/numbering"), cap, nbuf, ndoc)) {
      numbering.load(ndoc.document_element());
    }
  }

  // parse_ws_pcdata_single keeps <w:t xml:space="preserve"> </w:t>: with parse_default alone,
  // pugixml drops whitespace-only text nodes, and with them the spaces between words.
  pugi::xml_document doc;
  const pugi::xml_parse_result pr =
      doc.load_buffer_inplace(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!pr) {
    return make_error(DocxError::Kind::BadXml,
                 main + " is not well-formed XML: " + pr.description() + " at " + position_of(xml, pr.offset));
  }
  const pugi::xml_node root = doc.document_element();
  const std::string prefix = word_prefix(root);
  const std::string body_name = (prefix.empty() ? "" : prefix + ":") + "body";
  const pugi::xml_node body = root.child(body_name.c_str());
  if (!body) {
    return make_error(DocxError::Kind::BadXml, main + " has no w:body element (root element <" +
                                              std::string(root.name()) + ">)");
  }

  Extractor ex(prefix, styles, numbering);
  ex.body(body);
  if (ex.overflow()) return make_error(DocxError::Kind::TooLarge, "the document's text exceeds 4 GiB");
  return ex.take();
}

}  // namespace

std::variant<DocxText, DocxError> read_docx(std::string_view bytes, const DocxLimits& limits) {
  try {
    return read_docx_impl(bytes, limits);
  } catch (const std::bad_alloc&) {
    return make_error(DocxError::Kind::TooLarge, "out of memory while reading the document");
  } catch (const std::length_error&) {
    return make_error(DocxError::Kind::TooLarge, "the document is too large to hold in memory");
  } catch (const std::exception& e) {
    return make_error(DocxError::Kind::BadXml, std::string("unexpected error while reading the document: ") + e.what());
  } catch (...) {
    return make_error(DocxError::Kind::BadXml, "unexpected error while reading the document");
  }
}

}  // namespace nblint
