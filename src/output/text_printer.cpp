#include "output/printers.h"

namespace nblint {

void print_text(std::ostream& out, const FileResult& file) {
  for (const Diagnostic& d : file.diagnostics) {
    const LineColumn at = file.source.locate(d.span.begin);
    out << file.source.display_path << ':' << at.line << ':' << at.column << ": "
        << severity_name(d.severity) << ": " << d.message << " [" << d.rule << "]\n";
  }
}

}  // namespace nblint
