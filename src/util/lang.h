// The language of user-facing text: Simplified Chinese by default, English on request.
#pragma once
#include <string>

namespace nblint {

enum class Lang { Zh, En };

struct Localized {
  std::string zh, en;
  const std::string& get(Lang lang) const { return lang == Lang::En && !en.empty() ? en : zh; }
};

}  // namespace nblint
