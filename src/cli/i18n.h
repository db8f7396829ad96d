// User-facing strings of the command line itself (rule messages live in rules/catalogue.yaml).
#pragma once
#include <string>

#include "ingest/file_reader.h"
#include "util/lang.h"

namespace nblint {

inline const char* tr(Lang lang, const char* zh, const char* en) { return lang == Lang::En ? en : zh; }

// "文件不存在" / "no such file"…
std::string read_error_reason(const ReadError& e, Lang lang);

// Language from the command line (--lang en / --lang=en) or NBLINT_LANG; Chinese by default.
Lang detect_lang(int argc, char** argv);

}  // namespace nblint
