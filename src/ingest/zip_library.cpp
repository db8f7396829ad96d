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
#define NBLINT_ZIP_BIND(name) &&bind(handle, "zip_" #name, z.name, loaded.failure)
  loaded.ok = true NBLINT_ZIP_FUNCTIONS(NBLINT_ZIP_BIND);
#undef NBLINT_ZIP_BIND
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
