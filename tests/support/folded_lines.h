// Test support: the folded lines of real text (the examples, the fixtures and, when present, the
// shared corpus), for checking a fast path against the plain code it replaced on every line.
#pragma once
#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "support/run.h"
#include "text/normalizer.h"
#include "util/utf8.h"

namespace nblint::test {

inline std::vector<std::u32string> folded_lines() {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const fs::path& dir : {source_dir() / "examples", source_dir() / "tests/fixtures"})
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.path().extension() == ".txt") files.push_back(e.path());
  if (have_shared_corpus())
    for (const auto& e : fs::recursive_directory_iterator(shared_dir() / "corpus"))
      if (e.path().extension() == ".txt") files.push_back(e.path());
  std::vector<std::u32string> lines;
  for (const fs::path& f : files) {
    const std::string bytes = read_file(f);
    if (!utf8::is_valid(bytes)) continue;
    const std::u32string folded = normalize(bytes).text;
    std::size_t b = 0;
    for (std::size_t e; (e = folded.find(U'\n', b)) != std::u32string::npos; b = e + 1)
      lines.push_back(folded.substr(b, e - b));
    lines.push_back(folded.substr(b));
  }
  return lines;
}

// Whether the shared corpus took part, said once per test that reads it.
inline void note_shared_corpus() {
  if (!have_shared_corpus())
    MESSAGE("shared corpus part skipped: " << (shared_dir() / "corpus").string() << " is absent");
}

// Random text of fewer than `max_length` code points drawn from `alphabet`: a small alphabet
// makes the cases a fast path must get right (repeats, neighbours, ends) frequent.
inline std::u32string random_text(std::mt19937& random, std::u32string_view alphabet, std::size_t max_length) {
  std::u32string text(random() % max_length, U' ');
  for (char32_t& c : text) c = alphabet[random() % alphabet.size()];
  return text;
}

}  // namespace nblint::test
