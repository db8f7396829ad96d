// User-facing strings of the command line itself (rule messages live in rules/catalogue/).
#pragma once
#include <string>

#include "ingest/ingest.h"
#include "util/lang.h"

namespace nblint {

inline const char* tr(Lang lang, const char* zh, const char* en) { return lang == Lang::En ? en : zh; }

// Why an input could not be read: "文件不存在" / "no such file" …
std::string ingest_error_reason(const IngestError& e, Lang lang);

// Language from the command line (--lang en / --lang=en) or NBLINT_LANG; Chinese by default.
Lang detect_lang(int argc, char** argv);

}  // namespace nblint
