#include "rules/check_meta_pack.h"

namespace nblint {

namespace {
constexpr std::string_view kRule = "meta/pack";

const char* source_key(YearSource s) {
  switch (s) {
    case YearSource::Title: return "source_title";
    case YearSource::Preamble: return "source_preamble";
    case YearSource::Mentions: return "source_mentions";
    case YearSource::Period: return "source_period";
    case YearSource::Publication: return "source_publication";
  }
  return "source_title";
}
}  // namespace

void check_meta_pack(const CheckContext& ctx) {
  const PackChoice& c = ctx.choice;
  const Span start = ctx.report.title ? ctx.report.title->span : Span{0, 0};
  if (c.pack) {
    const MessageArgs args{{"pack", c.pack->id}, {"pack_name", c.pack->name.get(ctx.lang)}};
    if (c.forced) {
      ctx.emit(kRule, ctx.message(kRule, "forced", args), start);
      return;
    }
    const auto line_no = std::to_string(ctx.source.locate(c.evidence.begin).line);
    ctx.emit(kRule,
             ctx.message(kRule, "chosen",
                         {{"year", std::to_string(*c.year)},
                          {"source", ctx.message(kRule, source_key(c.source), {})},
                          {"line", line_no},
                          args[0],
                          args[1]}),
             c.evidence);
    return;
  }
  // Nothing structural can be checked: say so at warning level, never pass silently.
  if (c.year) {
    ctx.emit(kRule,
             ctx.message(kRule, "out_of_range",
                         {{"year", std::to_string(*c.year)},
                          {"source", ctx.message(kRule, source_key(c.source), {})},
                          {"line", std::to_string(ctx.source.locate(c.evidence.begin).line)}}),
             c.evidence, Severity::Warning);
  } else {
    ctx.emit(kRule, ctx.message(kRule, "none", {}), start, Severity::Warning);
  }
}

}  // namespace nblint
