// The organisation kinds: regions, units, people, appointments and teams (one record per item).
#include "decoder.hpp"

namespace xuncha::load::detail {
namespace {

const RecordSpec& region_spec() {
  static const RecordSpec s{{
      {.key = "id", .type = FieldType::text, .required = true, .about = {"地区编号（如 R01），其他文件以此引用", "region id (e.g. R01), as other files refer to it"}},
      {.key = "name", .type = FieldType::text, .required = true, .about = {"地区名称（如 自贡市）", "the region's name (e.g. 自贡市)"}},
      {.key = "class",
       .type = FieldType::choice,
       .required = true,
       .choices = {region_class_names.begin(), region_class_names.end()},
       .aliases = {{"市", 0}, {"州", 1}, {"直管市", 2}, {"林区", 3}},
       .about = {"地区类别：city 市、prefecture 州、direct_city 直管市、forestry 林区（决定默认进驻天数）",
                 "region class: city 市, prefecture 州, direct_city 直管市, forestry 林区 (sets the default days on site)"}},
      {.key = "counties", .type = FieldType::integer, .required = true, .lo = 0, .hi = 1000,
       .about = {"下辖县（市、区）数", "number of counties (and county-level districts) in the region"}},
      {.key = "county_names", .type = FieldType::ids,
       .about = {"下辖县（市、区）的名称（问题、隐患、举报的 county 须在其中）",
                 "names of its counties (区、县、市); a problem's, hazard's or report's county must be one of them"}},
      {.key = "days", .type = FieldType::integer, .lo = 1, .hi = 366, .about = {"进驻天数（覆盖类别默认值）", "days on site (overrides the class default)"}},
      {.key = "risk", .type = FieldType::integer, .lo = 1, .hi = 5,
       .about = {"风险权重 1–5（默认 3）", "risk weight 1-5 (default 3)"}},
      {.key = "industries", .type = FieldType::ids, .about = {"重点行业、主要风险（组队时与专家专业匹配）", "key industries, main hazards (team plan: experts' fields are matched to them)"}},
      {.key = "months", .type = FieldType::integer, .list = true, .lo = 1, .hi = 12,
       .about = {"可以进驻的月份（1–12；如高原、林区避开深冬和汛期）；不写则按政策 months_by_class，再不写则不限",
                 "months (1-12) a tour may be on site (e.g. plateau and forest regions avoid deep winter and the flood "
                 "season); absent: the policy's months_by_class, else any month"}},
      {.key = "blocked", .type = FieldType::record, .list = true, .record = &season_block_spec(),
       .about = {"每年不进驻的时段（如 [{name: 汛期, from: 06-01, to: 08-31}]）；不写则按政策 blocked_by_class，写了（含空列表）则取代之",
                 "periods of each year with no tour on site (e.g. [{name: flood season, from: 06-01, to: 08-31}]); absent: the "
                 "policy's blocked_by_class; given (even empty) it replaces them"}},
  }, {"一个被巡查地区（市/州/直管市/林区）", "a region to inspect (市/州/直管市/林区)"}};
  return s;
}

const RecordSpec& unit_spec() {
  static const RecordSpec s{{
      {.key = "id", .type = FieldType::text, .required = true, .about = {"单位编号", "unit id"}},
      {.key = "name", .type = FieldType::text, .required = true, .about = {"单位名称", "the unit's name"}},
      {.key = "committee_member", .type = FieldType::boolean, .required = true,
       .about = {"是否为省安委会成员单位", "member of the provincial safety committee (省安委会成员单位)"}},
      {.key = "emergency_management", .type = FieldType::boolean,
       .about = {"是否为应急管理部门（默认 false）", "is the emergency management department (default false)"}},
      {.key = "region", .type = FieldType::text, .about = {"所在地区编号；省级单位不填", "region id; empty for provincial units"}},
  }, {"一个单位（安委会成员单位或地区的部门）", "a unit (a member of the safety committee, or a region's office)"}};
  return s;
}

const RecordSpec& expert_spec() {
  static const RecordSpec s{{
      {.key = "pool_id", .type = FieldType::text, .about = {"专家库中的编号", "id in the expert pool"}},
      {.key = "field", .type = FieldType::text, .about = {"主要专业领域", "main field of expertise"}},
      {.key = "fields", .type = FieldType::ids, .about = {"专业领域（组队时与地区重点行业匹配）", "fields of expertise (team plan: matched to a region's industries)"}},
  }, {"此人在专家库中的信息", "the person's entry in the expert pool"}};
  return s;
}

const RecordSpec& unavailable_spec() {
  static const RecordSpec s{{
      {.key = "from", .type = FieldType::date, .required = true, .about = {"不能参加的第一天", "first day the person cannot serve"}},
      {.key = "to", .type = FieldType::date, .required = true, .about = {"不能参加的最后一天", "last day the person cannot serve"}},
      {.key = "reason", .type = FieldType::text, .about = {"原因（休假、其他任务）", "why (leave, other duties)"}},
  }, {"一段不能参加巡查的时间（休假、其他任务）", "a period the person cannot serve (leave, other duties)"}};
  return s;
}

const RecordSpec& person_spec() {
  static const RecordSpec s{{
      {.key = "id", .type = FieldType::text, .required = true, .about = {"人员编号", "person id"}},
      {.key = "name", .type = FieldType::text, .required = true, .about = {"姓名", "the person's name"}},
      {.key = "unit", .type = FieldType::text, .required = true, .about = {"所在单位编号", "unit id"}},
      {.key = "rank",
       .type = FieldType::choice,
       .choices = {rank_zh.begin(), rank_zh.end()},
       .aliases = {{"section", 1}, {"deputy_division", 2}, {"division", 3}, {"deputy_bureau", 4}, {"bureau", 5}, {"无", 0}},
       .about = {"职级：科级、副处、正处、副厅、正厅，或 none", "rank: 科级 (section), 副处 (deputy_division), 正处 (division), "
                 "副厅 (deputy_bureau), 正厅 (bureau), or none"}},
      {.key = "serving", .type = FieldType::boolean, .about = {"是否现职（默认 true）", "currently serving, 现职 (default true)"}},
      {.key = "safety_supervision", .type = FieldType::boolean,
       .about = {"是否从事安全生产监管工作（默认 false）", "works in safety supervision (default false)"}},
      {.key = "home_region", .type = FieldType::text,
       .about = {"籍贯或工作所在地区编号（回避时使用）", "id of the person's home region (for conflicts of interest)"}},
      {.key = "expert", .type = FieldType::record, .record = &expert_spec(), .about = {"省安全生产专家库中的信息", "entry in the provincial expert pool (省安全生产专家库)"}},
      {.key = "unavailable", .type = FieldType::record, .list = true, .record = &unavailable_spec(),
       .about = {"不能参加巡查的时间段", "periods the person cannot serve"}},
  }, {"可参加巡查组的人员", "a person who may serve on a team"}};
  return s;
}

const RecordSpec& appointment_spec() {
  static const RecordSpec s{{
      {.key = "id", .type = FieldType::text, .required = true, .about = {"任命编号", "appointment id"}},
      {.key = "person", .type = FieldType::text, .required = true, .about = {"人员编号", "person id"}},
      {.key = "tour", .type = FieldType::text, .required = true, .about = {"巡查编号", "tour id"}},
      {.key = "date", .type = FieldType::date, .about = {"聘任日期", "date of the appointment"}},
  }, {"专家的一次聘任（一次一聘）", "an expert's appointment for one tour (一次一聘)"}};
  return s;
}

const RecordSpec& team_spec() {
  static const RecordSpec s = [] {
    RecordSpec r{{{.key = "id", .type = FieldType::text, .required = true, .about = {"巡查组编号", "team id"}},
                  {.key = "cycle", .type = FieldType::text, .about = {"所属巡查工作周期（自由文本，如 2023-2027）", "the inspection work cycle the team belongs to (free text, e.g. 2023-2027)"}}},
                 {"一个巡查组", "an inspection team"}};
    static constexpr std::array<About, 5> roles{{{"组长：一个人员编号", "leader: one person id"},
                                                  {"副组长（人员编号或其列表）", "deputies (person ids)"},
                                                  {"联络员：一个人员编号", "liaison: one person id"},
                                                  {"成员（人员编号或其列表）", "members (person ids)"},
                                                  {"专家（人员编号或其列表）", "experts (person ids)"}}};
    static_assert(roles.size() == role_names.size());
    for (std::size_t i = 0; i < role_names.size(); ++i)
      r.fields.push_back({.key = role_names[i], .type = FieldType::ids, .about = roles[i]});
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
  if (!d.id_list(r, "county_names", x.county_names)) r.ok = false;
  d.field(r, "months", [&](std::uint32_t v, const std::string& p) { return d.month_list(v, p, x.months); });
  d.field(r, "blocked", [&](std::uint32_t v, const std::string& p) {
    x.blocked.emplace();
    return season_blocks(d, v, p, *x.blocked);
  });
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
  static const RecordSpec s = list_document("regions", region_spec(), {"被巡查的地区", "the regions to inspect"});
  return s;
}
const RecordSpec& units_document() {
  static const RecordSpec s = list_document("units", unit_spec(), {"单位（安委会成员单位、地区部门）", "units (members of the safety committee, regions' offices)"});
  return s;
}
const RecordSpec& people_document() {
  static const RecordSpec s = list_document("people", person_spec(), {"可参加巡查的人员", "people who may serve on teams"});
  return s;
}
const RecordSpec& appointments_document() {
  static const RecordSpec s = list_document("appointments", appointment_spec(), {"专家聘任", "experts' appointments to tours"});
  return s;
}
const RecordSpec& teams_document() {
  static const RecordSpec s = list_document("teams", team_spec(), {"巡查组", "inspection teams"});
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
