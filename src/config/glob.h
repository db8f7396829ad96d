// Glob patterns over '/'-separated relative paths, as in .nblint.yaml `overrides: files:`.
#pragma once
#include <string_view>

namespace nblint {

// `*` matches within one path segment, `?` one character (not '/'), `[abc]`/`[a-z]`/`[!a]` a
// character class, and `**` as a whole segment any number of segments (also none):
// `reports/**/*.md` matches reports/a.md and reports/2021/x/a.md. A pattern without '/'
// matches the file name in any directory (`*.html` ≡ `**/*.html`), as .gitignore does.
// Matching is byte-wise, so Chinese directory names work as written.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace nblint
