#include "ingest/zip_library.h"

#include <dlfcn.h>

#include <cstdlib>

#ifndef NBLINT_LIBZIP_SONAME
#error "NBLINT_LIBZIP_SONAME must be defined by the build (CMakeLists.txt)"
#endif

namespace nblint {
namespace {

struct Loaded {
  ZipLibrary library{};
  bool ok = false;
  std::string failure;
};

// Sets `into` to symbol `name` of `handle`; false (and the reason in `failure`) when it is missing.
template <class Function>
bool bind(void* handle, const char* name, Function& into, std::string& failure) {
  void* symbol = dlsym(handle, name);
  if (!symbol) {
    const char* why = dlerror();
    failure = why ? why : std::string("no symbol ") + name;
    return false;
  }
  // POSIX guarantees a data pointer from dlsym converts to the function pointer it names.
  into = reinterpret_cast<Function>(symbol);
  return true;
}

Loaded load() {
  Loaded loaded;
  const char* forced = std::getenv("NBLINT_LIBZIP");
  const std::string file = forced && *forced ? forced : NBLINT_LIBZIP_SONAME;
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    loaded.failure = why ? why : file;
    return loaded;
  }
  ZipLibrary& z = loaded.library;
  loaded.ok = bind(handle, "zip_discard", z.discard, loaded.failure) &&
              bind(handle, "zip_error_code_zip", z.error_code_zip, loaded.failure) &&
              bind(handle, "zip_error_fini", z.error_fini, loaded.failure) &&
              bind(handle, "zip_error_init", z.error_init, loaded.failure) &&
              bind(handle, "zip_error_strerror", z.error_strerror, loaded.failure) &&
              bind(handle, "zip_fclose", z.fclose, loaded.failure) &&
              bind(handle, "zip_file_get_error", z.file_get_error, loaded.failure) &&
              bind(handle, "zip_fopen_index", z.fopen_index, loaded.failure) &&
              bind(handle, "zip_fread", z.fread, loaded.failure) &&
              bind(handle, "zip_get_error", z.get_error, loaded.failure) &&
              bind(handle, "zip_get_num_entries", z.get_num_entries, loaded.failure) &&
              bind(handle, "zip_name_locate", z.name_locate, loaded.failure) &&
              bind(handle, "zip_open_from_source", z.open_from_source, loaded.failure) &&
              bind(handle, "zip_source_buffer_create", z.source_buffer_create, loaded.failure) &&
              bind(handle, "zip_source_free", z.source_free, loaded.failure) &&
              bind(handle, "zip_stat_index", z.stat_index, loaded.failure) &&
              bind(handle, "zip_stat_init", z.stat_init, loaded.failure) &&
              bind(handle, "zip_strerror", z.strerror, loaded.failure);
  if (!loaded.ok) {
    if (loaded.failure.find(file) == std::string::npos) loaded.failure = file + ": " + loaded.failure;
    dlclose(handle);
  }
  return loaded;
}

}  // namespace

const ZipLibrary* zip_library(std::string* why) {
  // A function-local static is initialised exactly once even when several threads read DOCX
  // files at the same time, and is only read afterwards.
  static const Loaded loaded = load();
  if (!loaded.ok && why) *why = loaded.failure;
  return loaded.ok ? &loaded.library : nullptr;
}

}  // namespace nblint
