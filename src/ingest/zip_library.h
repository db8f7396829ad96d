// libzip, loaded by the DOCX reader on the first .docx (dlopen) instead of linked: with what it
// links (libcrypto, libbz2, libz) it cost every start about 145 page faults and 1.1–1.4 ms, a
// third of `nblint --version` and a sixth of checking one small report, and nearly no run reads
// a DOCX. The functions are libzip's own, called through pointers; zip.h gives their types.
#pragma once
#include <zip.h>

#include <string>

namespace nblint {

struct ZipLibrary {
  decltype(&::zip_discard) discard;
  decltype(&::zip_error_code_zip) error_code_zip;
  decltype(&::zip_error_fini) error_fini;
  decltype(&::zip_error_init) error_init;
  decltype(&::zip_error_strerror) error_strerror;
  decltype(&::zip_fclose) fclose;
  decltype(&::zip_file_get_error) file_get_error;
  decltype(&::zip_fopen_index) fopen_index;
  decltype(&::zip_fread) fread;
  decltype(&::zip_get_error) get_error;
  decltype(&::zip_get_num_entries) get_num_entries;
  decltype(&::zip_name_locate) name_locate;
  decltype(&::zip_open_from_source) open_from_source;
  decltype(&::zip_source_buffer_create) source_buffer_create;
  decltype(&::zip_source_free) source_free;
  decltype(&::zip_stat_index) stat_index;
  decltype(&::zip_stat_init) stat_init;
  decltype(&::zip_strerror) strerror;
};

// The library, loaded on the first call (thread-safe, once per process, never unloaded). nullptr
// when it cannot be loaded; `*why` then says what was tried and the loader's reason. The file is
// $NBLINT_LIBZIP when set (for the tests of a missing library), else libzip's soname as the
// build found it (NBLINT_LIBZIP_SONAME, libzip.so.4 on Debian 12).
const ZipLibrary* zip_library(std::string* why);

}  // namespace nblint
