// Tours: `kind: tours` (tours on record) and `kind: schedule` (planned tours, xuncha schedule's output).
#include "decoder.hpp"

namespace xuncha::load::detail {
namespace {

const RecordSpec& extension_spec() {
  static const RecordSpec s{{
      {.key = "days", .type = FieldType::integer, .required = true, .lo = 1, .hi = 366,
       .about = {"延长的天数", "days added to the time on site"}},
      {.key = "approval", .type = FieldType::text, .required = true, .about = {"批准延长的人或文件", "who approved the extension"}},
  }, {"经批准延长的进驻时间", "an approved extension of the time on site"}};
  return s;
}

const RecordSpec& milestones_spec() {
  static const RecordSpec s = [] {
    RecordSpec r{{}, {"各工作环节完成的日期", "dates of the procedure's steps"}};
    static constexpr std::array<About, milestone_count> steps{{
        {"提前告知被巡查地区的日期", "date the region was notified"},
        {"集中培训巡查组的日期", "date the team was trained"},
        {"工作计划获批的日期", "date the work plan was approved"},
        {"在省级媒体公开巡查内容的日期", "date the content was published in provincial media"},
        {"在市级媒体公布进驻的日期", "date the entry was announced in city media"},
        {"报送巡查报告的日期", "date the report was submitted"},
        {"巡查报告审定的日期", "date the report was approved"},
        {"向被巡查地区反馈的日期", "date of the feedback to the region"},
        {"被巡查地区报送整改方案的日期", "date the rectification plan was submitted"},
        {"被巡查地区报送整改结果的日期", "date the rectification results were submitted"},
        {"资料归档的日期", "date the records were archived"},
        {"回头看的日期", "date of the look-back"},
    }};
    for (std::size_t i = 0; i < milestone_count; ++i)
      r.fields.push_back({.key = milestone_names[i], .type = FieldType::date, .about = steps[i]});
    return r;
  }();
  return s;
}

const RecordSpec& results_report_spec() {
  static const RecordSpec s{{
      {.key = "complete", .type = FieldType::boolean,
       .about = {"整改结果报告是否称全部问题已整改完成", "the results report states that every problem is done"}},
      {.key = "open", .type = FieldType::text, .list = true,
       .about = {"整改结果报告中说明仍在整改的问题编号", "ids of the problems the results report states are still being rectified"}},
  }, {"整改结果报告所述的整改情况（IV.2.7）", "what the rectification results report says (IV.2.7)"}};
  return s;
}

const RecordSpec& contact_spec() {
  static const RecordSpec s{{
      {.key = "phone", .type = FieldType::text, .about = {"值班电话", "duty phone"}},
      {.key = "mailbox", .type = FieldType::text, .about = {"邮政信箱", "P.O. box"}},
      {.key = "email", .type = FieldType::text, .about = {"电子邮箱", "e-mail address"}},
      {.key = "address", .type = FieldType::text, .about = {"巡查组驻地", "where the team stays"}},
      {.key = "hours", .type = FieldType::text, .about = {"受理时段（如 8:00—18:00）", "when reports are taken (e.g. 8:00-18:00)"}},
  }, {"巡查期间受理举报的方式，巡查公告中公布（IV.2.2）", "how the public reports to the team on site, as its announcement prints it (IV.2.2)"}};
  return s;
}

RecordSpec tour_fields(bool planned) {
  RecordSpec r{{
      {.key = "id", .type = FieldType::text, .required = true, .about = {"巡查编号（如 T2026-zigong）", "tour id (e.g. T2026-zigong)"}},
      {.key = "region", .type = FieldType::text, .required = true, .about = {"被巡查地区编号", "id of the region inspected"}},
      {.key = "kind", .type = FieldType::choice, .choices = {"regular", "irregular"}, .aliases = {{"定期", 0}, {"不定期", 1}},
       .about = {"巡查类型：regular 定期（默认）、irregular 不定期", "kind of tour: regular 定期 (default) or irregular 不定期"}},
      {.key = "body", .type = FieldType::choice, .choices = {"province", "state_council"}, .aliases = {{"省", 0}, {"国务院", 1}},
       .about = {"组织巡查的机构：province 省（默认）、state_council 国务院", "who runs the tour: province 省 (default) or state_council 国务院"}},
      {.key = "year", .type = FieldType::integer, .lo = min_year, .hi = max_year,
       .about = {"巡查年度（有开始日期时可省略，须与之一致）", "the tour's year (optional when start is given; must agree with it)"}},
      {.key = "team", .type = FieldType::text, .about = {"巡查组编号（省级巡查必填，国务院巡查不填）", "team id (required for provincial tours, absent for State Council tours)"}},
      {.key = "start", .type = FieldType::date, .about = {"进驻第一天", "first day on site"}},
      {.key = "end", .type = FieldType::date, .about = {"进驻最后一天", "last day on site"}},
      {.key = "extension", .type = FieldType::record, .record = &extension_spec(),
       .about = {"经批准延长的进驻时间", "an approved extension of the time on site"}},
      {.key = "serious", .type = FieldType::boolean,
       .about = {"问题是否严重到需要回头看", "problems serious enough to need a look-back (回头看)"}},
      {.key = "contact", .type = FieldType::record, .record = &contact_spec(),
       .about = {"巡查期间受理举报的方式：值班电话、邮政信箱、电子邮箱、驻地、受理时段（巡查公告）",
                 "how the public reports to the team on site: phone, P.O. box, e-mail, address, hours (the announcement)"}},
      {.key = "milestones", .type = FieldType::record, .record = &milestones_spec(),
       .about = {"各工作环节完成的日期", "dates of the procedure's steps"}},
      {.key = "results_report", .type = FieldType::record, .record = &results_report_spec(),
       .about = {"整改结果报告所述的整改情况：是否称全部完成、哪些问题仍在整改（IV.2.7）",
                 "what the rectification results report says: all done, or which problems are still open (IV.2.7)"}},
  }, planned ? About{"一次计划中的巡查", "a planned tour"} : About{"一次巡查", "a tour"},
     // Without a start the year must be given (tour() below says it is missing).
     {"year", "start"}};
  // Planned tours name the round's team by number.
  if (planned)
    r.fields.push_back({.key = "team_slot", .type = FieldType::integer, .lo = 1, .hi = 1000,
                        .about = {"本轮第几个巡查组", "number of the round's team"}});
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
  if (auto e = Decoder::find(r.entries, "results_report")) {
    auto sub = d.record(e->value, child_path(path, "results_report"), results_report_spec());
    d.bool_field(sub, "complete", x.results_complete);
    if (auto o = Decoder::find(sub.entries, "open")) {
      auto items = d.sequence(o->value, child_path(path, "results_report.open"));
      for (std::size_t i = 0; i < items.size(); ++i)
        if (auto id = d.scalar_text(items[i], fmt::format("{}.results_report.open[{}]", path, i))) {
          x.results_open.push_back(*id);
          sub.src.fields.emplace_back(fmt::format("open[{}]", i), d.mark_of(items[i]));
        }
    }
    if (!sub.ok) r.ok = false;
    for (auto [key, mark] : sub.src.fields) r.src.fields.emplace_back(fmt::format("results_report.{}", key), mark);
  }
  if (auto e = Decoder::find(r.entries, "contact")) {
    auto sub = d.record(e->value, child_path(path, "contact"), contact_spec());
    x.contact.phone = d.text_field(sub, "phone").value_or("");
    x.contact.mailbox = d.text_field(sub, "mailbox").value_or("");
    x.contact.email = d.text_field(sub, "email").value_or("");
    x.contact.address = d.text_field(sub, "address").value_or("");
    x.contact.hours = d.text_field(sub, "hours").value_or("");
    if (!sub.ok) r.ok = false;
    for (auto [key, mark] : sub.src.fields) r.src.fields.emplace_back(fmt::format("contact.{}", key), mark);
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
  static const RecordSpec s = list_document("tours", tour_spec(), {"已记录的巡查", "tours on record"});
  return s;
}

const RecordSpec& schedule_document() {
  static const RecordSpec s{{
      kind_field(),
      version_field(),
      {.key = "province", .about = {"由 xuncha schedule 写出，不读取", "written by xuncha schedule; not read"}},
      {.key = "from", .type = FieldType::integer, .lo = min_year, .hi = max_year,
       .about = {"排期的第一年", "first year of the schedule"}},
      {.key = "years", .about = {"由 xuncha schedule 写出，不读取", "written by xuncha schedule; not read"}},
      {.key = "as_of", .about = {"由 xuncha schedule 写出，不读取", "written by xuncha schedule; not read"}},
      {.key = "rounds", .about = {"由 xuncha schedule 写出，不读取：各轮次年度及其巡查组数",
                                  "written by xuncha schedule; not read: each round year and its number of teams"}},
      {.key = "tours", .type = FieldType::record, .required = true, .list = true, .record = &planned_tour_spec(),
       .about = {"计划中的巡查", "planned tours"}},
  }, {"排期：计划中的巡查（xuncha schedule -f yaml 的输出）", "schedule: planned tours (the output of xuncha schedule -f yaml)"}};
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
