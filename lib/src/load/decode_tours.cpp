// Tours: `kind: tours` (tours on record) and `kind: schedule` (planned tours, xuncha schedule's output).
#include "decoder.hpp"

namespace xuncha::load::detail {
namespace {

const RecordSpec& extension_spec() {
  static const RecordSpec s{{
      {.key = "days", .type = FieldType::integer, .required = true, .lo = 1, .hi = 366},
      {.key = "approval", .type = FieldType::text, .required = true, .about = "who approved the extension"},
  }, "an approved extension of the time on site"};
  return s;
}

const RecordSpec& milestones_spec() {
  static const RecordSpec s = [] {
    RecordSpec r{{}, "dates of the procedure's steps"};
    for (auto m : milestone_names) r.fields.push_back({.key = m, .type = FieldType::date});
    return r;
  }();
  return s;
}

RecordSpec tour_fields(bool planned) {
  RecordSpec r{{
      {.key = "id", .type = FieldType::text, .required = true},
      {.key = "region", .type = FieldType::text, .required = true, .about = "region id"},
      {.key = "kind", .type = FieldType::choice, .choices = {"regular", "irregular"}, .aliases = {{"定期", 0}, {"不定期", 1}}},
      {.key = "body", .type = FieldType::choice, .choices = {"province", "state_council"}, .aliases = {{"省", 0}, {"国务院", 1}}},
      {.key = "year", .type = FieldType::integer, .lo = min_year, .hi = max_year},
      {.key = "team", .type = FieldType::text, .about = "team id"},
      {.key = "start", .type = FieldType::date},
      {.key = "end", .type = FieldType::date},
      {.key = "extension", .type = FieldType::record, .record = &extension_spec()},
      {.key = "serious", .type = FieldType::boolean},
      {.key = "milestones", .type = FieldType::record, .record = &milestones_spec()},
  }, planned ? "a planned tour" : "a tour"};
  // Planned tours name the round's team by number.
  if (planned) r.fields.push_back({.key = "team_slot", .type = FieldType::integer, .lo = 1, .hi = 1000});
  return r;
}

const RecordSpec& tour_spec() {
  static const RecordSpec s = tour_fields(false);
  return s;
}
const RecordSpec& planned_tour_spec() {
  static const RecordSpec s = tour_fields(true);
  return s;
}

void tour(Decoder& d, std::uint32_t index, const std::string& path, bool planned) {
  auto r = d.record(index, path, planned ? planned_tour_spec() : tour_spec());
  Tour x;
  x.planned = planned;
  // Read even where it is not allowed (reported as an unknown field), as the range check shows more.
  const FieldSpec* slot = planned_tour_spec().find("team_slot");
  d.field(r, "team_slot", [&](std::uint32_t v, const std::string& p) {
    auto i = d.integer(v, p, slot->lo, slot->hi);
    if (i) x.team_slot = static_cast<int>(*i);
    return i.has_value();
  });
  x.id = d.text_field(r, "id").value_or("");
  x.region = d.text_field(r, "region").value_or("");
  x.team = d.text_field(r, "team").value_or("");
  d.choice_field(r, "kind", [&](std::size_t c) { x.kind = static_cast<TourKind>(c); });
  d.choice_field(r, "body", [&](std::size_t c) { x.body = static_cast<Body>(c); });
  d.int_field(r, "year", [&](int v) { x.year = v; });
  d.date_field(r, "start", [&](Date v) { x.start = v; });
  d.date_field(r, "end", [&](Date v) { x.end = v; });
  d.bool_field(r, "serious", x.serious);
  if (auto e = Decoder::find(r.entries, "extension")) {
    auto sub = d.record(e->value, child_path(path, "extension"), extension_spec());
    Extension ext;
    d.int_field(sub, "days", [&](int v) { ext.days = v; });
    ext.approval = d.text_field(sub, "approval").value_or("");
    if (sub.ok) x.extension = ext;
    else r.ok = false;
    for (auto [key, mark] : sub.src.fields) r.src.fields.emplace_back(fmt::format("extension.{}", key), mark);
  }
  if (auto e = Decoder::find(r.entries, "milestones")) {
    auto sub = d.record(e->value, child_path(path, "milestones"), milestones_spec());
    for (std::size_t m = 0; m < milestone_count; ++m)
      d.date_field(sub, milestone_names[m], [&](Date v) { x.milestones[m] = v; });
    if (!sub.ok) r.ok = false;
    for (auto [key, mark] : sub.src.fields) r.src.fields.emplace_back(fmt::format("milestones.{}", key), mark);
  }
  if (r.ok && x.start && x.year != 0 && year_of(*x.start) != x.year) {
    d.error("L013", d.node(Decoder::find(r.entries, "year")->value), child_path(path, "year"),
            {fmt::format("year {} 与开始日期 {} 不一致", x.year, format_iso(*x.start)),
             fmt::format("year {} disagrees with start {}", x.year, format_iso(*x.start))});
    r.ok = false;
  }
  if (r.ok && x.year == 0) {
    if (x.start) {
      x.year = year_of(*x.start);
    } else {
      d.missing(d.node(index), path, "year");
      r.ok = false;
    }
  }
  if (!d.keep(r, "tour", x.id)) return;
  x.src = std::move(r.src);
  d.out().tours.push_back(std::move(x));
}

}  // namespace

const RecordSpec& tours_document() {
  static const RecordSpec s = list_document("tours", tour_spec(), "xuncha tours: tours on record");
  return s;
}

const RecordSpec& schedule_document() {
  static const RecordSpec s{{
      kind_field(),
      version_field(),
      {.key = "province", .about = "written by xuncha schedule; not read"},
      {.key = "from", .type = FieldType::integer, .lo = min_year, .hi = max_year, .about = "first year of the schedule"},
      {.key = "years", .about = "written by xuncha schedule; not read"},
      {.key = "as_of", .about = "written by xuncha schedule; not read"},
      {.key = "tours", .type = FieldType::record, .required = true, .list = true, .record = &planned_tour_spec()},
  }, "xuncha schedule: planned tours (the output of xuncha schedule -f yaml)"};
  return s;
}

void decode_tours(Decoder& d, const Entries& e) {
  reserve_items(d, e, "tours", d.out().tours);
  d.each_item(e, tours_document(), "tours", [&](auto i, auto& p) { tour(d, i, p, false); });
}

void decode_schedule(Decoder& d, const Entries& entries) {
  d.check_keys(entries, "", schedule_document().keys());
  const Entry* list = Decoder::find(entries, "tours");
  if (!list) return d.missing(d.root(), "", "tours");
  int from = 0;
  if (const Entry* f = Decoder::find(entries, "from")) {
    const FieldSpec* s = schedule_document().find("from");
    if (auto y = d.integer(f->value, "from", s->lo, s->hi)) from = static_cast<int>(*y);
  }
  auto items = d.sequence(list->value, "tours");
  auto& tours = d.out().tours;
  std::size_t first = tours.size();
  for (std::size_t i = 0; i < items.size(); ++i) tour(d, items[i], fmt::format("tours[{}]", i), true);
  for (std::size_t i = first; i < tours.size(); ++i) tours[i].plan_from = from;
}

}  // namespace xuncha::load::detail
