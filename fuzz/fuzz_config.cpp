// libFuzzer target: .nblint.yaml parsing on arbitrary YAML.
// Invariant: a bad configuration is a ConfigError (file:line:column: why); nothing else escapes.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "config/config_file.h"
#include "rules/catalogue.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string yaml(reinterpret_cast<const char*>(data), size);
  // A directory that does not exist: `extends` and `packs` paths are refused, never read.
  static const std::filesystem::path path = "/nonexistent-nblint-fuzz/.nblint.yaml";
  try {
    (void)nblint::parse_config_file(yaml, path, nblint::Catalogue::builtin());
  } catch (const nblint::ConfigError&) {
    // the expected way to refuse a configuration
  }
  return 0;
}
