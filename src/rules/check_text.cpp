#include "rules/check_text.h"

#include <algorithm>

#include "model/kind_names.h"
#include "parse/text_scan.h"

namespace nblint {

namespace {

constexpr std::string_view kNoise = "text/encoding-noise";
constexpr std::string_view kChrome = "text/web-chrome";
constexpr std::string_view kPlaceholder = "text/placeholder";

// Furniture lines can be long (a breadcrumb trail); quote the start only.
std::string shorten(std::string_view s) {
  constexpr std::size_t kMaxBytes = 90;
  if (s.size() <= kMaxBytes) return std::string(s);
  std::size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

// Pieces of folded text a pattern is run on: sentences (a placeholder does not cross 。), cut
// to a bounded length so that the regex time limit is never reached on a one-line report.
template <typename F>
void for_each_piece(const NormalizedText& folded, F&& f) {
  constexpr std::size_t kMaxPiece = 600;
  const std::u32string_view text(folded.text);
  for_each_line(folded, [&](std::size_t begin, std::size_t end) {
    while (begin < end) {
      std::size_t stop = std::min(end, begin + kMaxPiece);
      const std::size_t full_stop = find_code_point(text.substr(begin, stop - begin), U'。');
      if (full_stop != std::u32string_view::npos) stop = begin + full_stop + 1;
      f(begin, stop);
      begin = stop;
    }
  });
}

// Template leftovers: the pack's patterns; matches close together (20XX年X月X日) are one finding.
void report_placeholders(const CheckContext& ctx) {
  constexpr std::size_t kJoinGap = 2;      // code points between matches that still make one
  constexpr std::size_t kContext = 8;      // code points quoted on each side
  const NormalizedText& folded = ctx.report.folded;
  const std::u32string_view all(folded.text);
  const auto& specs = ctx.choice.pack->placeholders;
  std::vector<const Pattern*> patterns;
  for (const auto& spec : specs) patterns.push_back(&spec.pattern);
  const PatternScanner::Lease scanner = PatternScanner::lease(patterns);  // one matcher per pattern for all the pieces
  for_each_piece(folded, [&](std::size_t begin, std::size_t end) {
    struct Hit {
      std::size_t b, e;
      std::size_t spec;
    };
    if (!scanner->set_text(all.substr(begin, end - begin))) return;  // no placeholder can be in it
    std::vector<Hit> hits;
    for (std::size_t i = 0; i < specs.size(); ++i)
      for (const auto& [b, e] : scanner->find_all(i))
        hits.push_back({begin + b, begin + e, i});
    std::sort(hits.begin(), hits.end(), [](const Hit& x, const Hit& y) { return x.b < y.b; });
    for (std::size_t i = 0; i < hits.size();) {
      Hit run = hits[i];
      for (++i; i < hits.size() && hits[i].b <= run.e + kJoinGap; ++i) run.e = std::max(run.e, hits[i].e);
      const Span at = folded.source_span(run.b, run.e);
      const Span around = folded.source_span(run.b - std::min(run.b - begin, kContext), std::min(end, run.e + kContext));
      ctx.emit(kPlaceholder,
               ctx.message(kPlaceholder, "default",
                           {{"text", std::string(ctx.original(at))}, {"what", specs[run.spec].what.get(ctx.lang)},
                            {"context", std::string(ctx.original(around))}}),
               at);
    }
  });
}

}  // namespace

void check_text(const CheckContext& ctx) {
  if (ctx.choice.pack && ctx.choice.pack->enables(kPlaceholder)) report_placeholders(ctx);
  for (const NoiseRun& n : ctx.report.noise)
    ctx.emit(kNoise,
             ctx.message(kNoise, noise_kind_name(n.kind),
                         {{"count", std::to_string(n.count)}, {"example", std::string(ctx.original(n.example))}}),
             n.span);
  for (const ChromeLine& c : ctx.report.chrome)
    ctx.emit(kChrome,
             ctx.message(kChrome, "default",
                         {{"text", shorten(ctx.original(c.span))}, {"kind", ctx.message(kChrome, chrome_kind_name(c.kind), {})}}),
             c.span);
}

}  // namespace nblint
