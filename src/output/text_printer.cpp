#include "output/location.h"
#include "output/printers.h"

namespace nblint {

void print_text(std::ostream& out, const FileResult& file, Lang lang) {
  for (const Diagnostic& d : file.diagnostics) {
    const LineColumn at = file.source().locate(d.span.begin);
    out << file.source().display_path << ':' << at.line << ':' << at.column << ": " << severity_name(d.severity)
        << ": " << d.message;
    if (const std::string where = describe_location(file.document, d.span.begin, lang); !where.empty())
      out << (lang == Lang::En ? " (" : "（") << where << (lang == Lang::En ? ")" : "）");
    out << " [" << d.rule << "]\n";
  }
}

}  // namespace nblint
