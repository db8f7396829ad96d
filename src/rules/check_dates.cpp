#include "rules/check_dates.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "rules/publication_deadline.h"

namespace nblint {

namespace {

constexpr std::string_view kMissing = "date/period-missing";
constexpr std::string_view kMismatch = "date/period-mismatch";
constexpr std::string_view kPartial = "date/partial-period";
constexpr std::string_view kYear = "date/year-mismatch";
constexpr std::string_view kDeadline = "date/publish-deadline";
constexpr std::string_view kInvalid = "date/invalid";

Span join(Span a, Span b) { return {std::min(a.begin, b.begin), std::max(a.end, b.end)}; }

bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

// The period's dates with the 自 before and the 止 after them when written so: the statement as
// the user reads it (自2023年1月1日起至2023年12月28日止).
Span with_range_words(std::string_view source, Span s) {
  constexpr std::string_view kFrom = "自", kTo = "止";
  if (s.begin >= kFrom.size() && source.substr(s.begin - kFrom.size(), kFrom.size()) == kFrom) s.begin -= kFrom.size();
  if (source.substr(s.end, kTo.size()) == kTo) s.end += kTo.size();
  return s;
}

std::string two_digits(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

// A calendar date in the message's language, from the catalogue's "date" template.
std::string calendar(const CheckContext& ctx, int year, int month, int day) {
  return ctx.message(kDeadline, "date",
                     {{"year", std::to_string(year)}, {"month", std::to_string(month)}, {"day", std::to_string(day)},
                      {"mm", two_digits(month)}, {"dd", two_digits(day)}});
}

std::string year_source_name(const CheckContext& ctx, YearSource source) {
  switch (source) {
    case YearSource::Title: return ctx.message("meta/pack", "source_title", {});
    case YearSource::Preamble: return ctx.message("meta/pack", "source_preamble", {});
    case YearSource::Period: return ctx.message("meta/pack", "source_period", {});
    case YearSource::Publication: return ctx.message("meta/pack", "source_publication", {});
    case YearSource::Mentions: return ctx.message("meta/pack", "source_mentions", {});
  }
  return {};
}

class DateChecks {
 public:
  DateChecks(const CheckContext& ctx, int year)
      : ctx_(ctx), report_(ctx.report), pack_(*ctx.choice.pack), year_(year),
        source_(year_source_name(ctx, ctx.choice.source)) {}

  void invalid() {
    std::set<std::uint32_t> seen;  // the publication date is often a metadata field as well
    const auto check = [&](const DateValue& d) {
      if (!seen.insert(d.span.begin).second) return;
      const std::string text(ctx_.original(d.span));
      if (d.malformed) {
        ctx_.emit(kInvalid, ctx_.message(kInvalid, "malformed", {{"text", text}}), d.span);
      } else if (d.month > 12 || (d.day > 0 && d.month == 0)) {
        ctx_.emit(kInvalid, ctx_.message(kInvalid, "month", {{"text", text}, {"month", std::to_string(d.month)}}), d.span);
      } else if (!is_possible_date(d)) {
        ctx_.emit(kInvalid,
                  ctx_.message(kInvalid, "day",
                               {{"text", text}, {"year", std::to_string(d.year)}, {"month", std::to_string(d.month)},
                                {"day", std::to_string(d.day)}, {"days", std::to_string(days_in_month(d.year, d.month))}}),
                  d.span);
      }
    };
    if (report_.period) {
      if (report_.period->from) check(*report_.period->from);
      if (report_.period->to) check(*report_.period->to);
    }
    if (report_.published) check(report_.published->date);
    for (const DateValue& d : report_.dates)  // in the text: only a date that cannot exist
      if (!is_possible_date(d)) check(d);
    for (const MetadataField& f : report_.metadata)
      if (f.date && std::find(pack_.dates.fields.begin(), pack_.dates.fields.end(), f.label) != pack_.dates.fields.end())
        check(*f.date);
  }

  // period-missing, period-mismatch, and year-mismatch for a whole year that is another year.
  void period() {
    if (!report_.period) {
      const Span at = report_.title ? report_.title->span : Span{0, 0};
      ctx_.emit(kMissing, ctx_.message(kMissing, "default", {{"year", std::to_string(year_)}}), at);
      return;
    }
    const PeriodFact& p = *report_.period;
    const Span at = p.to ? join(p.from->span, p.to->span) : p.from->span;
    period_dates_ = at;
    const auto bounds = period_bounds(p);
    if (!bounds) return;  // malformed or impossible ends: date/invalid says so
    const std::string text(ctx_.original(with_range_words(report_.folded.source, at)));
    if (bounds->whole_year()) {
      if (bounds->from_year != year_)
        ctx_.emit(kYear,
                  ctx_.message(kYear, "period",
                               {{"text", text}, {"found", std::to_string(bounds->from_year)},
                                {"year", std::to_string(year_)}, {"source", source_}}),
                  at);
      return;
    }
    ctx_.emit(kMismatch, ctx_.message(kMismatch, "default", {{"text", text}, {"year", std::to_string(year_)}}), at);
  }

  // A claim made by the period statement itself is the period's: period-mismatch (or, for a
  // date that does not exist, date/invalid) reports it, not this rule.
  void partial() {
    for (const DataPeriodClaim& c : report_.period_claims) {
      if (period_dates_ && overlaps(c.span, *period_dates_)) continue;
      ctx_.emit(kPartial,
                ctx_.message(kPartial, "default", {{"text", std::string(ctx_.original(c.span))}, {"year", std::to_string(year_)}}),
                c.span);
    }
  }

  // The title and the opening statement against the report year (the period: see period()).
  void years() {
    const auto compare = [&](const std::optional<DateValue>& d, YearSource source, std::string_view key) {
      if (!d || d->malformed || ctx_.choice.source == source || d->year == year_) return;
      ctx_.emit(kYear,
                ctx_.message(kYear, key,
                             {{"text", std::string(ctx_.original(d->span))}, {"found", std::to_string(d->year)},
                              {"year", std::to_string(year_)}, {"source", source_}}),
                d->span);
    };
    if (report_.title) compare(report_.title->year, YearSource::Title, "title");
    compare(report_.preamble_year, YearSource::Preamble, "preamble");
  }

  // The publication: in the year after the report year (year-mismatch), and by the deadline
  // for the organ's level (publish-deadline).
  void publication() {
    const PublicationTiming timing = publication_timing(report_, pack_, year_);
    const DeadlineSpec* deadline = timing.deadline;
    const std::string deadline_text =
        deadline ? calendar(ctx_, timing.deadline_date.year, timing.deadline_date.month, timing.deadline_date.day)
                 : std::string();

    if (!timing.stated) {
      if (deadline)
        ctx_.emit_info(kDeadline, ctx_.message(kDeadline, "no_date", {{"deadline", deadline_text}}),
                       report_.title ? report_.title->span : Span{0, 0});
      return;
    }
    if (!timing.published) return;  // malformed, impossible or without a day: date/invalid's
    const DateValue& d = *timing.stated;
    const std::string text(ctx_.original(d.span));
    if (d.year != year_ + 1 && ctx_.choice.source != YearSource::Publication) {
      ctx_.emit(kYear,
                ctx_.message(kYear, d.year <= year_ ? "published_early" : "published_late",
                             {{"text", text}, {"found", std::to_string(d.year)}, {"year", std::to_string(year_)},
                              {"next", std::to_string(year_ + 1)}, {"source", source_}}),
                d.span);
      return;
    }
    if (!deadline || d.year != year_ + 1) return;
    const int late = timing.days_late().value_or(0);
    if (late <= 0) return;
    ctx_.emit(kDeadline,
              ctx_.message(kDeadline, timing.lenient ? "late_unknown_level" : "late",
                           {{"published", text}, {"deadline", deadline_text}, {"basis", deadline->basis.get(ctx_.lang)},
                            {"days", std::to_string(late)}}),
              d.span);
  }

 private:
  const CheckContext& ctx_;
  const Report& report_;
  const Pack& pack_;
  const int year_;
  const std::string source_;
  std::optional<Span> period_dates_;  // the period statement's dates, from the first to the last
};

}  // namespace

std::optional<PeriodBounds> period_bounds(const PeriodFact& p) {
  if (!p.from) return std::nullopt;
  const DateValue& f = *p.from;
  if (!is_possible_date(f)) return std::nullopt;
  PeriodBounds b;
  if (!p.to) {
    if (f.month != 0) return std::nullopt;  // 自2019年1月1日起, no end: nothing to compare
    return PeriodBounds{f.year, 1, 1, f.year, 12, 31};  // 统计期限为2019年度
  }
  const DateValue& t = *p.to;
  if (!is_possible_date(t) || t.year == 0 || f.month == 0 || t.month == 0) return std::nullopt;
  b.from_year = f.year, b.from_month = f.month, b.from_day = f.day == 0 ? 1 : f.day;
  b.to_year = t.year, b.to_month = t.month, b.to_day = t.day == 0 ? days_in_month(t.year, t.month) : t.day;
  return b;
}

void check_dates(const CheckContext& ctx) {
  DateChecks checks(ctx, ctx.choice.year.value_or(0));
  checks.invalid();
  if (!ctx.choice.year) return;  // the rest compares with the report year
  checks.period();
  checks.partial();
  checks.years();
  checks.publication();
}

}  // namespace nblint
