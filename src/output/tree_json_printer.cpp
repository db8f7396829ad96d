// `nblint tree --format json`: the whole Report model as one JSON document. The schema is
// documented field by field in docs/model.md; keys keep the order written here.
#include <nlohmann/json.hpp>

#include "output/json_stream.h"
#include "output/model_names.h"
#include "output/printers.h"
#include "parse/organ.h"
#include "util/utf8.h"

namespace nblint {

namespace {

using Json = nlohmann::ordered_json;
namespace names = model_names;

// Spans longer than this (in code points) are given without their text.
constexpr std::size_t kMaxSpanText = 200;

class ModelWriter {
 public:
  ModelWriter(const SourceText& source, const Report& report, const PackChoice* choice, Lang lang)
      : source_(source), report_(report), choice_(choice), lang_(lang) {}

  Json document() const {
    Json doc;
    doc["version"] = NBLINT_VERSION;
    doc["path"] = source_.display_path;
    doc["encoding"] = source_.encoding;
    doc["line_count"] = source_.line_count();
    doc["pack"] = pack();
    doc["title"] = title();
    doc["preamble_year"] = optional_date(report_.preamble_year);
    doc["year_mentions"] = year_mentions();
    doc["dates"] = Json::array();
    for (const DateValue& d : report_.dates) doc["dates"].push_back(date(d));
    doc["period"] = period();
    doc["published"] = published();
    doc["metadata"] = metadata();
    doc["sections"] = sections();
    doc["paragraphs"] = report_.paragraphs.size();
    doc["chrome"] = chrome();
    doc["noise"] = noise();
    doc["comments"] = Json::array();
    for (const Span& s : report_.comments) doc["comments"].push_back(span(s));
    doc["prose_facts"] = prose_facts();
    doc["period_claims"] = period_claims();
    doc["tables"] = tables();
    return doc;
  }

 private:
  // {"line", "column", "end_line", "end_column", "text"}: 1-based code points, end exclusive;
  // "text" is the original text, left out when the span is longer than kMaxSpanText.
  Json span(Span s) const {
    const LineColumn b = source_.locate(s.begin), e = source_.locate(s.end);
    Json j = {{"line", b.line}, {"column", b.column}, {"end_line", e.line}, {"end_column", e.column}};
    const std::size_t size = source_.text.size();
    const std::size_t begin = std::min<std::size_t>(s.begin, size), end = std::min<std::size_t>(s.end, size);
    const std::string_view text = std::string_view(source_.text).substr(begin, end > begin ? end - begin : 0);
    if (utf8::count_code_points(text) <= kMaxSpanText) j["text"] = text;
    return j;
  }

  static Json zero_as_null(int v) { return v ? Json(v) : Json(nullptr); }

  Json date(const DateValue& d) const {
    return {{"year", d.year},
            {"month", zero_as_null(d.month)},
            {"day", zero_as_null(d.day)},
            {"malformed", d.malformed},
            {"span", span(d.span)}};
  }

  Json optional_date(const std::optional<DateValue>& d) const { return d ? date(*d) : Json(nullptr); }

  // Integers as JSON numbers; decimals as strings ("12.50") so that no digit is lost.
  static Json number(const Quantity& q) {
    if (q.is_integer()) return q.integer();
    return q.digits();
  }

  static Json unit(const Quantity& q) { return q.unit.empty() ? Json(nullptr) : Json(utf8::encode(q.unit)); }

  static const char* year_source(YearSource s) {
    switch (s) {
      case YearSource::Title: return "title";
      case YearSource::Preamble: return "preamble";
      case YearSource::Period: return "period";
      case YearSource::Publication: return "publication";
      case YearSource::Mentions: return "mentions";
    }
    return "unknown";
  }

  Json pack() const {
    if (!choice_ || !choice_->pack) return nullptr;
    Json j = {{"id", choice_->pack->id}, {"forced", choice_->forced}};
    j["year"] = choice_->year ? Json(*choice_->year) : Json(nullptr);
    j["year_source"] = choice_->year ? Json(year_source(choice_->source)) : Json(nullptr);
    j["evidence"] = choice_->year && !choice_->forced ? span(choice_->evidence) : Json(nullptr);
    return j;
  }

  Json title() const {
    if (!report_.title) return nullptr;
    const TitleFact& t = *report_.title;
    Json j = {{"span", span(t.span)}, {"line", t.line}};
    j["year"] = optional_date(t.year);
    j["organ"] = t.organ ? Json{{"span", span(t.organ->span)}, {"level", organ_level_name(t.organ->level)}}
                         : Json(nullptr);
    return j;
  }

  Json year_mentions() const {
    Json a = Json::array();
    for (const auto& [year, m] : report_.year_mentions)
      a.push_back({{"year", year}, {"count", m.count}, {"first", span(m.first)}});
    return a;
  }

  Json period() const {
    if (!report_.period) return nullptr;
    return {{"span", span(report_.period->span)},
            {"from", optional_date(report_.period->from)},
            {"to", optional_date(report_.period->to)}};
  }

  Json published() const {
    if (!report_.published) return nullptr;
    return {{"label", span(report_.published->label)}, {"date", date(report_.published->date)}};
  }

  Json metadata() const {
    Json a = Json::array();
    for (const MetadataField& m : report_.metadata) {
      a.push_back({{"label", utf8::encode(m.label)},
                   {"label_span", span(m.label_span)},
                   {"value_span", span(m.value_span)},
                   {"date", optional_date(m.date)}});
    }
    return a;
  }

  Json section(int index, const std::vector<std::size_t>& paragraph_counts) const {
    const Section& s = report_.sections[static_cast<std::size_t>(index)];
    const Heading& h = s.heading;
    Json j = {{"index", index},
              {"style", names::style_id(h.style)},
              {"ordinal", h.ordinal},
              {"rank", h.rank},
              {"line", h.line},
              {"marker", span(h.marker)},
              {"text", span(h.text)},
              {"key", utf8::encode(h.key)},
              {"body_chars", s.body_chars},
              {"paragraphs", paragraph_counts[static_cast<std::size_t>(index)]},
              {"extent", span(s.extent)}};
    Json children = Json::array();
    for (int c : s.children) children.push_back(section(c, paragraph_counts));
    j["children"] = std::move(children);
    return j;
  }

  Json sections() const {
    std::vector<std::size_t> counts(report_.sections.size(), 0);
    for (const Paragraph& p : report_.paragraphs)
      if (p.section >= 0 && static_cast<std::size_t>(p.section) < counts.size()) ++counts[static_cast<std::size_t>(p.section)];
    Json a = Json::array();
    for (std::size_t i = 0; i < report_.sections.size(); ++i)
      if (report_.sections[i].parent < 0) a.push_back(section(static_cast<int>(i), counts));
    return a;
  }

  Json chrome() const {
    Json a = Json::array();
    for (const ChromeLine& c : report_.chrome) a.push_back({{"kind", names::chrome_kind(c.kind)}, {"span", span(c.span)}});
    return a;
  }

  Json noise() const {
    Json a = Json::array();
    for (const NoiseRun& n : report_.noise) {
      a.push_back({{"kind", names::noise_kind(n.kind)},
                   {"count", n.count},
                   {"span", span(n.span)},
                   {"example", span(n.example)}});
    }
    return a;
  }

  Json prose_facts() const {
    Json a = Json::array();
    for (const ProseFact& f : report_.prose_facts) {
      a.push_back({{"kind", std::string(prose_fact_key(f.kind))},
                   {"value", number(f.value)},
                   {"unit", unit(f.value)},
                   {"line", f.line},
                   {"span", span(f.span)},
                   {"number", f.number.empty() ? Json(nullptr) : span(f.number)}});
    }
    return a;
  }

  Json period_claims() const {
    Json a = Json::array();
    for (const DataPeriodClaim& c : report_.period_claims) {
      a.push_back({{"line", c.line},
                   {"span", span(c.span)},
                   {"from", {{"month", zero_as_null(c.from_month)}, {"day", zero_as_null(c.from_day)}}},
                   {"to",
                    {{"year", zero_as_null(c.to_year)}, {"month", zero_as_null(c.to_month)}, {"day", zero_as_null(c.to_day)}}}});
    }
    return a;
  }

  // The pack's table definition with this key, to name the columns of its cells.
  const TableSpec* spec(const std::string& key) const {
    if (!choice_ || !choice_->pack) return nullptr;
    for (const TableSpec& t : choice_->pack->tables)
      if (t.key == key) return &t;
    return nullptr;
  }

  Json cell(const BoundCell& c, const TableSpec* table, std::size_t index) const {
    Json j;
    j["column"] = table && index < table->columns.size() ? Json(table->columns[index].key) : Json(nullptr);
    j["state"] = names::cell_state(c.state);
    const bool is_number = c.state == CellState::Number;
    j["value"] = is_number ? number(c.value) : Json(nullptr);
    j["unit"] = is_number ? unit(c.value) : Json(nullptr);
    j["line"] = c.line;
    j["span"] = span(c.span);
    j["text"] = utf8::encode(c.text);
    return j;
  }

  Json tables() const {
    Json a = Json::array();
    for (const BoundTable& t : report_.tables) {
      const TableSpec* table = spec(t.key);
      Json j = {{"key", t.key}, {"section", t.section}, {"found", t.found}};
      j["span"] = t.found ? span(t.span) : Json(nullptr);
      j["header"] = Json::array();
      for (const std::u32string& h : t.header) j["header"].push_back(utf8::encode(h));
      j["rows"] = Json::array();
      for (const BoundRow& r : t.rows) {
        Json row = {{"key", r.key}, {"line", r.line}, {"label", r.label.empty() ? Json(nullptr) : span(r.label)}};
        row["cells"] = Json::array();
        for (std::size_t i = 0; i < r.cells.size(); ++i) row["cells"].push_back(cell(r.cells[i], table, i));
        j["rows"].push_back(std::move(row));
      }
      j["notes"] = Json::array();
      for (const BindNote& n : t.notes) {
        j["notes"].push_back({{"issue", names::bind_issue(n.issue)},
                              {"row", n.row.empty() ? Json(nullptr) : Json(n.row)},
                              {"column", n.column.empty() ? Json(nullptr) : Json(n.column)},
                              {"expected", n.expected},
                              {"found", n.found},
                              {"span", span(n.span)},
                              {"message", names::bind_note_message(n, lang_)}});
      }
      a.push_back(std::move(j));
    }
    return a;
  }

  const SourceText& source_;
  const Report& report_;
  const PackChoice* choice_;
  Lang lang_;
};

}  // namespace

void print_tree_json(std::ostream& out, const SourceText& source, const Report& report, const PackChoice* choice,
                     Lang lang) {
  const Json doc = ModelWriter(source, report, choice, lang).document();
  out << dumped_json(doc) << '\n';
}

}  // namespace nblint
