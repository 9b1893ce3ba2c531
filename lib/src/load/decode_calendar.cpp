// `kind: calendar`: the State Council's yearly holiday notices (days off and make-up working days).
#include "decoder.hpp"

namespace xuncha::load::detail {
namespace {

const RecordSpec& calendar_year_spec() {
  static const RecordSpec s{{
      {.key = "holidays", .type = FieldType::date, .list = true, .about = "days off (statutory holidays and the days joined to them)"},
      {.key = "workdays", .type = FieldType::date, .list = true, .about = "make-up working days on a weekend"},
  }, "one notice year"};
  return s;
}

}  // namespace

const RecordSpec& calendar_document() {
  // A --calendar file may omit kind: and version:.
  static const RecordSpec s{{
      kind_field(false),
      version_field(false),
      {.key = "years", .type = FieldType::year_map, .required = true, .lo = min_year, .hi = max_year, .record = &calendar_year_spec()},
  }, "xuncha calendar: working-day calendar (holiday notices by year)"};
  return s;
}

void decode_calendar(Decoder& d, const Entries& entries) {
  const RecordSpec& doc = calendar_document();
  d.check_keys(entries, "", doc.keys());
  const Entry* years = Decoder::find(entries, "years");
  if (!years) return d.missing(d.root(), "", "years");
  const YNode& ym = d.node(years->value);
  if (ym.type != Type::map) return d.wrong_type(ym, "years", "以年份为键的映射", "a map keyed by year");
  const FieldSpec* year = doc.find("years");
  for (const auto& e : d.map_entries(ym, "years")) {
    std::string path = child_path("years", e.key);
    CalendarYear cy;
    auto y = d.integer(e.key_node, path, year->lo, year->hi);
    if (!y) continue;
    cy.year = static_cast<int>(*y);
    auto r = d.record(e.value, path, *year->record);
    if (!r.ok) continue;
    for (auto which : {"holidays", "workdays"}) {
      auto le = Decoder::find(r.entries, which);
      if (!le) continue;
      auto& target = std::string_view(which) == "holidays" ? cy.holidays : cy.workdays;
      auto items = d.sequence(le->value, child_path(path, which));
      for (std::size_t i = 0; i < items.size(); ++i)
        if (auto v = d.date_value(items[i], fmt::format("{}.{}[{}]", path, which, i))) target.push_back(*v);
    }
    d.out().calendar_years.push_back(std::move(cy));
  }
}

}  // namespace xuncha::load::detail
