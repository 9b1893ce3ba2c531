// The organisation kinds: regions, units, people, appointments and teams (one record per item).
#include "decoder.hpp"

namespace xuncha::load::detail {
namespace {

const RecordSpec& region_spec() {
  static const RecordSpec s{{
      {.key = "id", .type = FieldType::text, .required = true, .about = "region id, e.g. R01"},
      {.key = "name", .type = FieldType::text, .required = true},
      {.key = "class",
       .type = FieldType::choice,
       .required = true,
       .choices = {region_class_names.begin(), region_class_names.end()},
       .aliases = {{"市", 0}, {"州", 1}, {"直管市", 2}, {"林区", 3}}},
      {.key = "counties", .type = FieldType::integer, .required = true, .lo = 0, .hi = 1000},
      {.key = "days", .type = FieldType::integer, .lo = 1, .hi = 366, .about = "days on site (overrides the class default)"},
      {.key = "risk", .type = FieldType::integer, .lo = 1, .hi = 5},
      {.key = "industries", .type = FieldType::ids, .about = "key industries (team plan: experts' fields are matched to them)"},
  }, "a region (市/州/直管市/林区)"};
  return s;
}

const RecordSpec& unit_spec() {
  static const RecordSpec s{{
      {.key = "id", .type = FieldType::text, .required = true},
      {.key = "name", .type = FieldType::text, .required = true},
      {.key = "committee_member", .type = FieldType::boolean, .required = true},
      {.key = "emergency_management", .type = FieldType::boolean},
      {.key = "region", .type = FieldType::text, .about = "region id; empty for provincial units"},
  }, "a unit (a member of the safety committee, or a region's office)"};
  return s;
}

const RecordSpec& expert_spec() {
  static const RecordSpec s{{
      {.key = "pool_id", .type = FieldType::text},
      {.key = "field", .type = FieldType::text},
      {.key = "fields", .type = FieldType::ids, .about = "fields of expertise (team plan: matched to a region's industries)"},
  }, "the person's entry in the expert pool"};
  return s;
}

const RecordSpec& unavailable_spec() {
  static const RecordSpec s{{
      {.key = "from", .type = FieldType::date, .required = true},
      {.key = "to", .type = FieldType::date, .required = true},
      {.key = "reason", .type = FieldType::text},
  }, "a period the person cannot serve (leave, other duties)"};
  return s;
}

const RecordSpec& person_spec() {
  static const RecordSpec s{{
      {.key = "id", .type = FieldType::text, .required = true},
      {.key = "name", .type = FieldType::text, .required = true},
      {.key = "unit", .type = FieldType::text, .required = true, .about = "unit id"},
      {.key = "rank",
       .type = FieldType::choice,
       .choices = {rank_zh.begin(), rank_zh.end()},
       .aliases = {{"section", 1}, {"deputy_division", 2}, {"division", 3}, {"deputy_bureau", 4}, {"bureau", 5}, {"无", 0}}},
      {.key = "serving", .type = FieldType::boolean},
      {.key = "safety_supervision", .type = FieldType::boolean},
      {.key = "home_region", .type = FieldType::text, .about = "region id"},
      {.key = "expert", .type = FieldType::record, .record = &expert_spec()},
      {.key = "unavailable", .type = FieldType::record, .list = true, .record = &unavailable_spec()},
  }, "a person who may serve on a team"};
  return s;
}

const RecordSpec& appointment_spec() {
  static const RecordSpec s{{
      {.key = "id", .type = FieldType::text, .required = true},
      {.key = "person", .type = FieldType::text, .required = true, .about = "person id"},
      {.key = "tour", .type = FieldType::text, .required = true, .about = "tour id"},
      {.key = "date", .type = FieldType::date},
  }, "an appointment of a person to a tour"};
  return s;
}

const RecordSpec& team_spec() {
  static const RecordSpec s = [] {
    RecordSpec r{{{.key = "id", .type = FieldType::text, .required = true}, {.key = "cycle", .type = FieldType::text}},
                 "an inspection team"};
    for (auto role : role_names) r.fields.push_back({.key = role, .type = FieldType::ids, .about = "person id(s)"});
    return r;
  }();
  return s;
}

void region(Decoder& d, std::uint32_t index, const std::string& path) {
  auto r = d.record(index, path, region_spec());
  if (r.entries.empty() && !r.ok) return;
  Region x;
  x.id = d.text_field(r, "id").value_or("");
  x.name = d.text_field(r, "name").value_or("");
  d.choice_field(r, "class", [&](std::size_t c) { x.cls = static_cast<RegionClass>(c); });
  d.int_field(r, "counties", [&](int v) { x.counties = v; });
  d.int_field(r, "days", [&](int v) { x.days = v; });
  d.int_field(r, "risk", [&](int v) { x.risk = v; });
  if (!d.id_list(r, "industries", x.industries)) r.ok = false;
  if (!d.keep(r, "region", x.id)) return;
  x.src = std::move(r.src);
  d.out().regions.push_back(std::move(x));
}

void unit(Decoder& d, std::uint32_t index, const std::string& path) {
  auto r = d.record(index, path, unit_spec());
  Unit x;
  x.id = d.text_field(r, "id").value_or("");
  x.name = d.text_field(r, "name").value_or("");
  x.region = d.text_field(r, "region").value_or("");
  d.bool_field(r, "committee_member", x.committee_member);
  d.bool_field(r, "emergency_management", x.emergency_management);
  if (!d.keep(r, "unit", x.id)) return;
  x.src = std::move(r.src);
  d.out().units.push_back(std::move(x));
}

void person(Decoder& d, std::uint32_t index, const std::string& path) {
  auto r = d.record(index, path, person_spec());
  Person x;
  x.id = d.text_field(r, "id").value_or("");
  x.name = d.text_field(r, "name").value_or("");
  x.unit = d.text_field(r, "unit").value_or("");
  x.home_region = d.text_field(r, "home_region").value_or("");
  d.choice_field(r, "rank", [&](std::size_t c) { x.rank = static_cast<Rank>(c); });
  d.bool_field(r, "serving", x.serving);
  d.bool_field(r, "safety_supervision", x.safety_supervision);
  if (auto e = Decoder::find(r.entries, "expert")) {
    auto sub = d.record(e->value, child_path(path, "expert"), expert_spec());
    ExpertEntry ee;
    if (!d.id_list(sub, "fields", ee.fields)) sub.ok = false;
    if (sub.ok) {
      ee.pool_id = d.text_field(sub, "pool_id").value_or("");
      ee.field = d.text_field(sub, "field").value_or("");
      x.expert = ee;
    }
    if (!sub.ok) r.ok = false;
  }
  if (auto e = Decoder::find(r.entries, "unavailable")) {
    auto items = d.sequence(e->value, child_path(path, "unavailable"));
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string p = child_path(path, fmt::format("unavailable[{}]", i));
      auto sub = d.record(items[i], p, unavailable_spec());
      Unavailable u;
      d.date_field(sub, "from", [&](Date v) { u.from = v; });
      d.date_field(sub, "to", [&](Date v) { u.to = v; });
      u.reason = d.text_field(sub, "reason").value_or("");
      if (sub.ok && u.to < u.from) {
        d.error("L013", d.node(items[i]), p, {"unavailable 的 to 早于 from", "unavailable period ends before it starts"});
        sub.ok = false;
      }
      if (sub.ok) x.unavailable.push_back(std::move(u));
      else r.ok = false;
    }
  }
  if (!d.keep(r, "person", x.id)) return;
  x.src = std::move(r.src);
  d.out().people.push_back(std::move(x));
}

void appointment(Decoder& d, std::uint32_t index, const std::string& path) {
  auto r = d.record(index, path, appointment_spec());
  Appointment x;
  x.id = d.text_field(r, "id").value_or("");
  x.person = d.text_field(r, "person").value_or("");
  x.tour = d.text_field(r, "tour").value_or("");
  d.date_field(r, "date", [&](Date v) { x.date = v; });
  if (!d.keep(r, "appointment", x.id)) return;
  x.src = std::move(r.src);
  d.out().appointments.push_back(std::move(x));
}

void team(Decoder& d, std::uint32_t index, const std::string& path) {
  auto r = d.record(index, path, team_spec());
  Team x;
  x.id = d.text_field(r, "id").value_or("");
  x.cycle = d.text_field(r, "cycle").value_or("");
  for (std::size_t role = 0; role < role_names.size(); ++role)
    if (!d.id_list(r, role_names[role], x.roles[role])) r.ok = false;
  if (!d.keep(r, "team", x.id)) return;
  x.src = std::move(r.src);
  d.out().teams.push_back(std::move(x));
}

}  // namespace

const RecordSpec& regions_document() {
  static const RecordSpec s = list_document("regions", region_spec(), "xuncha regions: the regions to inspect");
  return s;
}
const RecordSpec& units_document() {
  static const RecordSpec s = list_document("units", unit_spec(), "xuncha units");
  return s;
}
const RecordSpec& people_document() {
  static const RecordSpec s = list_document("people", person_spec(), "xuncha people");
  return s;
}
const RecordSpec& appointments_document() {
  static const RecordSpec s = list_document("appointments", appointment_spec(), "xuncha appointments");
  return s;
}
const RecordSpec& teams_document() {
  static const RecordSpec s = list_document("teams", team_spec(), "xuncha teams");
  return s;
}

void decode_regions(Decoder& d, const Entries& e) {
  reserve_items(d, e, "regions", d.out().regions);
  d.each_item(e, regions_document(), "regions", [&](auto i, auto& p) { region(d, i, p); });
}
void decode_units(Decoder& d, const Entries& e) {
  reserve_items(d, e, "units", d.out().units);
  d.each_item(e, units_document(), "units", [&](auto i, auto& p) { unit(d, i, p); });
}
void decode_people(Decoder& d, const Entries& e) {
  reserve_items(d, e, "people", d.out().people);
  d.each_item(e, people_document(), "people", [&](auto i, auto& p) { person(d, i, p); });
}
void decode_appointments(Decoder& d, const Entries& e) {
  reserve_items(d, e, "appointments", d.out().appointments);
  d.each_item(e, appointments_document(), "appointments", [&](auto i, auto& p) { appointment(d, i, p); });
}
void decode_teams(Decoder& d, const Entries& e) {
  reserve_items(d, e, "teams", d.out().teams);
  d.each_item(e, teams_document(), "teams", [&](auto i, auto& p) { team(d, i, p); });
}

}  // namespace xuncha::load::detail
