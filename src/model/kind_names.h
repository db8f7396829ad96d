// Stable names of the model's kinds: message keys in the catalogue and fields of the JSON tree.
#pragma once

#include "model/report.h"

namespace nblint {

inline const char* chrome_kind_name(ChromeKind kind) {
  switch (kind) {
    case ChromeKind::Breadcrumb: return "breadcrumb";
    case ChromeKind::PrevNext: return "prev_next";
    case ChromeKind::Share: return "share";
    case ChromeKind::LeavingSite: return "leaving_site";
    case ChromeKind::Counter: return "counter";
    case ChromeKind::Toolbar: return "toolbar";
  }
  return "toolbar";
}

inline const char* noise_kind_name(NoiseKind kind) {
  switch (kind) {
    case NoiseKind::Pinyin: return "pinyin";
    case NoiseKind::Replacement: return "replacement";
    case NoiseKind::Mojibake: return "mojibake";
  }
  return "mojibake";
}

}  // namespace nblint
