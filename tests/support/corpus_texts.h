// Test support: the shared corpus's .txt files as UTF-32 text, for fast paths checked against
// their plain versions on real reports.
#pragma once
#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "support/run.h"
#include "util/utf8.h"

namespace nblint::test {

// Calls f(path, text) for every .txt file of ../shared/corpus, decoded (invalid bytes as
// utf8::decode gives them); returns how many, 0 with a message when the corpus is absent.
template <typename F>
int for_each_corpus_text(F&& f) {
  if (!have_shared_corpus()) {
    MESSAGE("../shared/corpus absent: not checked on real reports");
    return 0;
  }
  int files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(shared_dir() / "corpus")) {
    if (e.path().extension() != ".txt") continue;
    const std::string bytes = read_file(e.path());
    std::u32string text;
    for (std::size_t i = 0; i < bytes.size();) {
      const utf8::Decoded d = utf8::decode(bytes, i);
      text += d.cp;
      i += d.length;
    }
    f(e.path(), text);
    ++files;
  }
  return files;
}

}  // namespace nblint::test
