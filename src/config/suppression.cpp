#include "config/suppression.h"

#include <algorithm>

#include "rules/message_format.h"

namespace nblint {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ','; }

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_blank(s[i])) ++i;
    std::size_t j = i;
    while (j < s.size() && !is_blank(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

SuppressionComment parse_suppression_comment(std::string_view comment, const Catalogue& catalogue) {
  SuppressionComment out;
  if (comment.starts_with("<!--")) comment.remove_prefix(4);
  if (comment.ends_with("-->")) comment.remove_suffix(3);
  std::vector<std::string_view> tokens = words(comment);
  if (tokens.empty() || !tokens.front().starts_with("nblint-")) return out;
  // " -- reason": everything after a lone "--" explains the suppression.
  if (const auto dashes = std::find(tokens.begin(), tokens.end(), "--"); dashes != tokens.end())
    tokens.erase(dashes, tokens.end());
  using Kind = SuppressionDirective::Kind;
  SuppressionDirective d;
  const std::string_view name = tokens.front();
  if (name == "nblint-disable") {
    d.kind = Kind::Disable;
  } else if (name == "nblint-enable") {
    d.kind = Kind::Enable;
  } else if (name == "nblint-disable-next-line") {
    d.kind = Kind::DisableNextLine;
  } else {
    out.unknown_directive = std::string(name);
    return out;
  }
  d.all = tokens.size() == 1;
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    if (catalogue.contains(tokens[i]))
      d.ids.emplace(tokens[i]);
    else
      out.unknown_ids.emplace_back(tokens[i]);
  }
  out.directive = std::move(d);
  return out;
}

std::vector<SuppressionDirective> read_suppressions(const SourceText& source, const std::vector<Span>& comments,
                                                   const Catalogue& catalogue, Lang lang,
                                                   std::vector<Diagnostic>& problems) {
  std::vector<SuppressionDirective> directives;
  const RuleInfo* rule = catalogue.find(kSuppressionRule);
  for (const Span& span : comments) {
    const std::string_view text = std::string_view(source.text).substr(span.begin, span.end - span.begin);
    SuppressionComment c = parse_suppression_comment(text, catalogue);
    const auto problem = [&](std::string_view key, const MessageArgs& args) {
      if (rule) problems.push_back({rule->id, rule->severity, format_message(rule->message(key).get(lang), args), span});
    };
    if (!c.unknown_directive.empty()) problem("unknown_directive", {{"directive", c.unknown_directive}});
    for (const std::string& id : c.unknown_ids) problem("unknown_rule", {{"rule", id}});
    if (!c.directive) continue;
    c.directive->line = source.locate(span.begin).line;
    c.directive->end_line = source.locate(span.end).line;
    directives.push_back(std::move(*c.directive));
  }
  return directives;
}

bool is_suppressed(const std::vector<SuppressionDirective>& directives, std::string_view rule, std::uint32_t line) {
  using Kind = SuppressionDirective::Kind;
  // Replay the ranges up to `line`: all rules off (except those enabled again), or some rules off.
  bool all_off = false;
  std::set<std::string, std::less<>> off, back_on;
  for (const SuppressionDirective& d : directives) {
    if (d.kind == Kind::DisableNextLine) {
      if (d.end_line + 1 == line && (d.all || d.ids.count(std::string(rule)))) return true;
      continue;
    }
    if (d.line > line) continue;
    const bool disable = d.kind == Kind::Disable;
    if (d.all) {
      all_off = disable;
      off.clear();
      back_on.clear();
      continue;
    }
    for (const std::string& id : d.ids) {
      if (all_off) {
        if (disable) back_on.erase(id); else back_on.insert(id);
      } else {
        if (disable) off.insert(id); else off.erase(id);
      }
    }
  }
  if (all_off) return back_on.find(rule) == back_on.end();
  return off.find(rule) != off.end();
}

std::size_t apply_suppressions(const SourceText& source, const std::vector<Span>& comments, const Catalogue& catalogue,
                               Lang lang, std::vector<Diagnostic>& diagnostics) {
  std::vector<Diagnostic> problems;
  const std::vector<SuppressionDirective> directives = read_suppressions(source, comments, catalogue, lang, problems);
  const std::size_t before = diagnostics.size();
  if (!directives.empty())
    std::erase_if(diagnostics, [&](const Diagnostic& d) {
      return is_suppressed(directives, d.rule, source.locate(d.span.begin).line);
    });
  const std::size_t dropped = before - diagnostics.size();
  if (!problems.empty()) {
    diagnostics.insert(diagnostics.end(), problems.begin(), problems.end());
    std::stable_sort(diagnostics.begin(), diagnostics.end(), in_source_order);
  }
  return dropped;
}

}  // namespace nblint
