// libFuzzer target: load_pack on arbitrary YAML against the built-in catalogue.
// Invariant: a bad pack is a PackError (file:line:column: why); nothing else may escape.
#include <cstddef>
#include <cstdint>
#include <string>

#include "rules/catalogue.h"
#include "rules/pack_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  try {
    (void)nblint::load_pack(yaml, "fuzz.yaml", nblint::Catalogue::builtin());
  } catch (const nblint::PackError&) {
    // the expected way to refuse a pack
  }
  return 0;
}
