#include <string>
#include <vector>

#include "output/location.h"
#include "output/printers.h"
#include "util/utf8.h"

namespace nblint {

namespace {

constexpr const char* kReset = "\033[0m";
constexpr const char* kBold = "\033[1m";
constexpr const char* kGreen = "\033[1;32m";
constexpr const char* kBlue = "\033[1;34m";

const char* severity_color(Severity s) {
  switch (s) {
    case Severity::Error: return "\033[1;31m";
    case Severity::Warning: return "\033[1;35m";
    case Severity::Info: return "\033[1;36m";
  }
  return kBold;
}

// The excerpt shows at most this many terminal columns of a line, and at most kLead of them
// before the span: crawler output puts whole reports on one line.
constexpr std::uint32_t kWidth = 100;
constexpr std::uint32_t kLead = 40;

struct Glyph {
  std::uint32_t byte;  // offset in the line
  std::uint32_t length;
  int width;
};

// The line under a finding and a caret/underline under its span (cut to the line), e.g.
//    12 | 一、本年新收政府信息公开申请数量 | 19 | 4
//       |                                   ^~
void print_excerpt(std::ostream& out, const SourceText& source, const Diagnostic& d, const OutputOptions& options) {
  const LineColumn at = source.locate(d.span.begin);
  const std::string_view line = source.line_text(at.line);
  const std::uint32_t line_start = source.line_start(at.line);
  const std::uint32_t begin = d.span.begin - line_start;
  const std::uint32_t end = std::max(begin, std::min<std::uint32_t>(d.span.end - line_start, static_cast<std::uint32_t>(line.size())));
  std::vector<Glyph> glyphs;
  for (std::uint32_t i = 0; i < line.size();) {
    const utf8::Decoded g = utf8::decode(line, i);
    const int width = g.cp == '\t' ? 1 : display_width(g.cp);
    glyphs.push_back({i, g.length, width});
    i += g.length;
  }
  // The window: up to kLead columns before the span, then as much as fits in kWidth.
  std::size_t first = 0;
  while (first < glyphs.size() && glyphs[first].byte < begin) ++first;
  const std::size_t span_first = first;
  for (std::uint32_t lead = 0; first > 0 && lead + glyphs[first - 1].width <= kLead;) lead += glyphs[--first].width;
  std::size_t last = first;
  for (std::uint32_t used = 0; last < glyphs.size() && used + glyphs[last].width <= kWidth;) used += glyphs[last++].width;
  const bool cut_left = first > 0, cut_right = last < glyphs.size();

  const std::string number = std::to_string(at.line);
  const std::string gutter(number.size() + 1, ' ');
  const auto bar = [&](const std::string& left) {
    out << (options.color ? kBlue : "") << left << " | " << (options.color ? kReset : "");
  };
  bar(' ' + number);
  std::string text, marks;
  if (cut_left) text += "…", marks += ' ';
  for (std::size_t i = first; i < last; ++i) {
    const Glyph& g = glyphs[i];
    text += line[g.byte] == '\t' ? std::string(" ") : std::string(line.substr(g.byte, g.length));
    const char mark = i == span_first ? '^' : (g.byte > begin && g.byte < end ? '~' : ' ');
    marks.append(static_cast<std::size_t>(g.width), mark);
    if (g.width > 1 && mark == '^') marks.back() = '~';
  }
  if (span_first >= last) marks += '^';  // an empty span at the end of the line
  if (cut_right) text += "…";
  while (!marks.empty() && marks.back() == ' ') marks.pop_back();
  out << text << '\n';
  bar(gutter);
  out << (options.color ? kGreen : "") << marks << (options.color ? kReset : "") << '\n';
}

}  // namespace

void print_text(std::ostream& out, const FileResult& file, const OutputOptions& options) {
  const Lang lang = options.lang;
  for (const Diagnostic& d : file.diagnostics) {
    const Position at = position_of(file.source(), d.span.begin, options.unit);
    if (options.color) out << kBold;
    out << file.source().display_path << ':' << at.line << ':' << at.column << ": ";
    if (options.color) out << kReset << severity_color(d.severity);
    out << severity_name(d.severity) << ": ";
    if (options.color) out << kReset << kBold;
    out << d.message;
    if (const std::string where = describe_location(file.document, d.span.begin, lang); !where.empty())
      out << (lang == Lang::En ? " (" : "（") << where << (lang == Lang::En ? ")" : "）");
    if (options.color) out << kReset;
    out << " [" << d.rule << "]\n";
    if (options.excerpt) print_excerpt(out, file.source(), d, options);
  }
}

void print_gcc(std::ostream& out, const FileResult& file, const OutputOptions& options) {
  for (const Diagnostic& d : file.diagnostics) {
    const Position at = position_of(file.source(), d.span.begin, options.unit);
    const std::string_view severity = d.severity == Severity::Info ? "note" : severity_name(d.severity);
    out << file.source().display_path << ':' << at.line << ':' << at.column << ": " << severity << ": " << d.message
        << " [" << d.rule << "]\n";
  }
}

}  // namespace nblint
