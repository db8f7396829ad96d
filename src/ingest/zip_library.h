// libzip, loaded by the DOCX reader on the first .docx (dlopen) instead of linked: with what it
// links (libcrypto, libbz2, libz) it cost every start about 145 page faults and 1.1–1.4 ms, a
// third of `nblint --version` and a sixth of checking one small report, and nearly no run reads
// a DOCX. The functions are libzip's own, called through pointers; zip.h gives their types.
#pragma once
#include <zip.h>

#include <string>

namespace nblint {

// The libzip functions the DOCX reader calls, listed once: the struct's members and what the
// loader looks up are both made from this list, so neither can miss one.
#define NBLINT_ZIP_FUNCTIONS(X)                                                                     \
  X(discard) X(error_code_zip) X(error_fini) X(error_init) X(error_strerror) X(fclose)              \
  X(file_get_error) X(fopen_index) X(fread) X(get_error) X(get_num_entries) X(name_locate)          \
  X(open_from_source) X(source_buffer_create) X(source_free) X(stat_index) X(stat_init) X(strerror)

// zip_<name> as the member <name>, typed from zip.h.
struct ZipLibrary {
#define NBLINT_ZIP_MEMBER(name) decltype(&::zip_##name) name;
  NBLINT_ZIP_FUNCTIONS(NBLINT_ZIP_MEMBER)
#undef NBLINT_ZIP_MEMBER
};

// The library, loaded on the first call (thread-safe, once per process, never unloaded). nullptr
// when it cannot be loaded; `*why` then says what was tried and the loader's reason. The file is
// $NBLINT_LIBZIP when set (for the tests of a missing library), else libzip's soname as the
// build found it (NBLINT_LIBZIP_SONAME, libzip.so.4 on Debian 12).
const ZipLibrary* zip_library(std::string* why);

}  // namespace nblint
