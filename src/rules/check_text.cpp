#include "rules/check_text.h"

#include "model/kind_names.h"

namespace nblint {

namespace {

constexpr std::string_view kNoise = "text/encoding-noise";
constexpr std::string_view kChrome = "text/web-chrome";

// Furniture lines can be long (a breadcrumb trail); quote the start only.
std::string shorten(std::string_view s) {
  constexpr std::size_t kMaxBytes = 90;
  if (s.size() <= kMaxBytes) return std::string(s);
  std::size_t cut = kMaxBytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

}  // namespace

void check_text(const CheckContext& ctx) {
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
