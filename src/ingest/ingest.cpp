#include "ingest/ingest.h"

#include <algorithm>

#include "ingest/decode.h"
#include "ingest/file_reader.h"
#include "ingest/html_reader.h"
#include "ingest/pdf_reader.h"

namespace nblint {

const char* format_name(Format f) {
  switch (f) {
    case Format::Text: return "text";
    case Format::Markdown: return "markdown";
    case Format::Html: return "html";
    case Format::Docx: return "docx";
    case Format::Pdf: return "pdf";
  }
  return "text";
}

namespace {

std::string lower_extension(std::string_view path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string ext(path.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

constexpr std::string_view kZipMagic = "PK\x03\x04";
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

bool looks_like_html(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
  std::string head(text.substr(i, 64));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
  return head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head") ||
         head.starts_with("<body") || head.starts_with("<meta");
}

IngestError from_docx(const DocxError& e) {
  using K = DocxError::Kind;
  switch (e.kind) {
    case K::NotZip: return {IngestError::Kind::DocxNotZip, e.detail};
    case K::Encrypted: return {IngestError::Kind::DocxEncrypted, e.detail};
    case K::NoDocument: return {IngestError::Kind::DocxNoDocument, e.detail};
    case K::TooLarge: return {IngestError::Kind::DocxTooLarge, e.detail};
    case K::BadXml: return {IngestError::Kind::DocxBadXml, e.detail};
    case K::ReaderUnavailable: return {IngestError::Kind::DocxReaderUnavailable, e.detail};
  }
  return {IngestError::Kind::DocxNotZip, e.detail};
}

IngestError from_read(const ReadError& e) {
  using K = ReadError::Kind;
  switch (e.kind) {
    case K::NotFound: return {IngestError::Kind::NotFound, e.detail};
    case K::PermissionDenied: return {IngestError::Kind::PermissionDenied, e.detail};
    case K::NotAFile: return {IngestError::Kind::NotAFile, e.detail};
    case K::TooLarge: return {IngestError::Kind::TooLarge, e.detail};
    case K::Empty: return {IngestError::Kind::Empty, e.detail};
    case K::IoError: return {IngestError::Kind::IoError, e.detail};
  }
  return {IngestError::Kind::IoError, e.detail};
}

std::variant<Document, IngestError> ingest_docx(std::string display_path, std::string_view bytes,
                                                const IngestOptions& options) {
  auto read = read_docx(bytes, options.docx);
  if (auto* e = std::get_if<DocxError>(&read)) return from_docx(*e);
  DocxText& docx = std::get<DocxText>(read);
  Decoded decoded;
  decoded.text = std::move(docx.text);
  decoded.encoding = "UTF-8";
  decoded.detected_by = "docx";
  Document doc;
  doc.format = Format::Docx;
  doc.source = make_source_text(std::move(display_path), std::move(decoded));
  // A .docx has no text file to point into: its paragraphs, one per line, are the source
  // (docs/formats.md), and line_locations say which paragraph or table cell a line is.
  doc.tables = std::move(docx.tables);
  doc.line_locations = std::move(docx.lines);
  return doc;
}

std::variant<Document, IngestError> ingest_pdf(std::string display_path, std::string_view bytes) {
  auto read = read_pdf(bytes);
  if (auto* e = std::get_if<PdfError>(&read)) {
    switch (e->kind) {
      case PdfError::Kind::Damaged: return IngestError{IngestError::Kind::PdfDamaged, e->detail};
      case PdfError::Kind::Encrypted: return IngestError{IngestError::Kind::PdfEncrypted, e->detail};
      case PdfError::Kind::NoText: return IngestError{IngestError::Kind::PdfNoText, e->detail};
      case PdfError::Kind::ReaderUnavailable: return IngestError{IngestError::Kind::PdfReaderUnavailable, e->detail};
    }
  }
  PdfText& pdf = std::get<PdfText>(read);
  Decoded decoded;
  decoded.text = std::move(pdf.text);
  decoded.encoding = "UTF-8";
  decoded.detected_by = "pdf";
  Document doc;
  doc.format = Format::Pdf;
  doc.source = make_source_text(std::move(display_path), std::move(decoded));
  // Like a .docx, a PDF's extracted lines are the source; each line says its page and line.
  for (std::size_t i = 0; i < pdf.lines.size(); ++i) {
    LineLocation loc;
    loc.kind = LineLocation::Kind::PageLine;
    loc.page = pdf.lines[i].paragraph;
    loc.page_line = i < pdf.line_on_page.size() ? pdf.line_on_page[i] : 0;
    doc.line_locations.push_back(loc);
  }
  return doc;
}

}  // namespace

std::optional<Format> format_from_extension(std::string_view path) {
  const std::string ext = lower_extension(path);
  if (ext == ".txt" || ext == ".text") return Format::Text;
  if (ext == ".md" || ext == ".markdown") return Format::Markdown;
  if (ext == ".html" || ext == ".htm" || ext == ".shtml" || ext == ".xhtml") return Format::Html;
  if (ext == ".docx") return Format::Docx;
  if (ext == ".pdf") return Format::Pdf;
  return std::nullopt;
}

namespace {

// `owner`, when given, holds `bytes`, and a text file's decoding may take its buffer over.
std::variant<Document, IngestError> ingest_any(std::string display_path, std::string_view bytes, std::string* owner,
                                               std::optional<Format> format, const IngestOptions& options) {
  if (bytes.empty()) return IngestError{IngestError::Kind::Empty, ""};
  // Content beats a misleading extension for the binary formats.
  if (bytes.starts_with(kZipMagic)) format = Format::Docx;
  if (bytes.starts_with(kOleMagic))
    return IngestError{format == Format::Docx ? IngestError::Kind::DocxEncrypted : IngestError::Kind::LegacyWord, ""};
  if (bytes.starts_with("%PDF-")) format = Format::Pdf;
  if (format == Format::Pdf) return ingest_pdf(std::move(display_path), bytes);
  if (format == Format::Docx) return ingest_docx(std::move(display_path), bytes, options);

  auto decoded = owner ? decode_buffer(std::move(*owner), options.encoding) : decode_bytes(bytes, options.encoding);
  if (auto* e = std::get_if<DecodeError>(&decoded)) {
    switch (e->kind) {
      case DecodeError::Kind::UnknownEncoding: return IngestError{IngestError::Kind::UnknownEncoding, e->detail};
      case DecodeError::Kind::Binary: return IngestError{IngestError::Kind::Binary, e->detail};
      case DecodeError::Kind::Undetectable: return IngestError{IngestError::Kind::Undetectable, e->detail};
    }
  }
  Document doc;
  doc.source = make_source_text(std::move(display_path), std::move(std::get<Decoded>(decoded)));
  if (!format) format = looks_like_html(doc.source.text) ? Format::Html : Format::Text;
  doc.format = *format;
  if (doc.format == Format::Html) {
    HtmlText html = read_html(doc.source.text);
    doc.content = std::move(html.content);
    doc.content_origin = std::move(html.origin);
    doc.tables = std::move(html.tables);
  }
  return doc;
}

}  // namespace

std::variant<Document, IngestError> ingest_bytes(std::string display_path, std::string_view bytes,
                                                 std::optional<Format> format, const IngestOptions& options) {
  return ingest_any(std::move(display_path), bytes, nullptr, format, options);
}

std::variant<Document, IngestError> ingest_buffer(std::string display_path, std::string&& bytes,
                                                 std::optional<Format> format, const IngestOptions& options) {
  return ingest_any(std::move(display_path), bytes, &bytes, format, options);
}

std::variant<Document, IngestError> ingest_file(const std::string& path, const IngestOptions& options) {
  auto bytes = read_input(path, options.max_file_size);
  if (auto* e = std::get_if<ReadError>(&bytes)) return from_read(*e);
  return ingest_buffer(path == "-" ? "<stdin>" : path, std::move(std::get<std::string>(bytes)),
                      path == "-" ? std::nullopt : format_from_extension(path), options);
}

}  // namespace nblint
