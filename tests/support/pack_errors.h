// Test support for pack YAML written in a test: expect the loader to fail with a PackError at a
// given line (edit the YAML with replace_once, support/replace_once.h).
#pragma once
#include <doctest/doctest.h>

#include <string>

#include "rules/catalogue.h"
#include "rules/pack_loader.h"

namespace nblint::test {

// Loading `yaml` as custom.yaml fails at `line` (and `column`, when not 0) with a message
// containing `words`.
inline void check_error(const std::string& yaml, int line, const std::string& words, int column = 0) {
  try {
    load_pack(yaml, "custom.yaml", Catalogue::builtin());
    FAIL("expected a PackError");
  } catch (const PackError& e) {
    CHECK(e.file() == "custom.yaml");
    CHECK(e.line() == line);
    if (column) CHECK(e.column() == column);
    CHECK_MESSAGE(std::string(e.what()).find(words) != std::string::npos, e.what());
  }
}

}  // namespace nblint::test
