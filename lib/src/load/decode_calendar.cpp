// `kind: calendar`: the State Council's yearly holiday notices (days off and make-up working days).
#include "decoder.hpp"

namespace xuncha::load::detail {
namespace {

const RecordSpec& calendar_year_spec() {
  static const RecordSpec s{{
      {.key = "holidays", .type = FieldType::date, .list = true, .about = {"放假日（法定节假日及调休连休的日子）", "days off (statutory holidays and the days joined to them)"}},
      {.key = "workdays", .type = FieldType::date, .list = true, .about = {"调休上班的周末", "make-up working days on a weekend"}},
  }, {"一年的放假安排通知", "one year's holiday notice"}};
  return s;
}

}  // namespace

const RecordSpec& calendar_document() {
  // A --calendar file may omit kind: and version:.
  static const RecordSpec s{{
      kind_field(false),
      version_field(false),
      {.key = "years", .type = FieldType::year_map, .required = true, .lo = min_year, .hi = max_year, .record = &calendar_year_spec(),
       .about = {"按年份（1900–2199）列出的放假安排", "holiday notices by year (1900-2199)"}},
  }, {"工作日历：按年份的放假安排通知", "working-day calendar: holiday notices by year"}};
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
    std::optional<long long> y;
    const YNode& key = d.node(e.key_node);
    if (key.quoted && e.key.size() == 4 && e.key.find_first_not_of("0123456789") == std::string_view::npos) {
      // A quoted year ("2026":) is text to an editor, whose schema takes four digits in range.
      y = std::stoll(std::string(e.key));
      if (*y < year->lo || *y > year->hi) {
        d.error("L013", key, path,
                {fmt::format("「{}」数值超出范围：{}（允许 {}–{}）", path, *y, year->lo, year->hi),
                 fmt::format("'{}' is out of range: {} (allowed {}–{})", path, *y, year->lo, year->hi)});
        continue;
      }
    } else {
      y = d.integer(e.key_node, path, year->lo, year->hi);
    }
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
