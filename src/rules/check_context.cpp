#include "rules/check_context.h"

#include <algorithm>

namespace nblint {

void CheckContext::emit(std::string_view rule, std::string message, Span span, Severity at_least) const {
  Severity severity;
  if (choice.pack) {
    const auto it = choice.pack->rules.find(rule);
    if (it == choice.pack->rules.end()) return;
    severity = it->second;
  } else {
    severity = catalogue.find(rule)->severity;
  }
  out.push_back({std::string(rule), std::max(severity, at_least), std::move(message), span});
}

void CheckContext::emit(std::string_view rule, std::string message, Span span, Fix fix) const {
  const std::size_t before = out.size();
  emit(rule, std::move(message), span);
  if (out.size() > before) out.back().fix = std::move(fix);
}

void CheckContext::emit_info(std::string_view rule, std::string message, Span span) const {
  if (choice.pack && !choice.pack->enables(rule)) return;
  out.push_back({std::string(rule), Severity::Info, std::move(message), span});
}

}  // namespace nblint
