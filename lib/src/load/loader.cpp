#include <xuncha/load/loader.hpp>

#include <xuncha/core/suggest.hpp>
#include <xuncha/deadlines/deadlines.hpp>
#include <xuncha/load/yaml_tree.hpp>

#include "decode.hpp"
#include <xuncha/rules/registry.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sys/stat.h>
#include <thread>

namespace xuncha::load {
namespace fs = std::filesystem;
namespace {

using namespace detail;
using Type = YNode::Type;

// ---- reading -------------------------------------------------------------------------------

// Reads a regular file; refuses folders, FIFOs and devices so a run never blocks on them.
std::optional<std::string> read_file(const std::string& path, std::size_t max_bytes,
                                     Message& why) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    why = {fmt::format("无法读取文件：{}", std::strerror(errno)),
           fmt::format("cannot read file: {}", std::strerror(errno))};
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    why = {"不是普通文件（文件夹、管道或设备），无法作为输入",
           "not a regular file (a folder, FIFO or device); expected a YAML file"};
    return std::nullopt;
  }
  if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    why = {fmt::format("文件过大（{} 字节，上限 {} 字节）", st.st_size, max_bytes),
           fmt::format("file too large ({} bytes; the limit is {} bytes)", st.st_size, max_bytes)};
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why = {fmt::format("无法读取文件：{}", std::strerror(errno)),
           fmt::format("cannot read file: {}", std::strerror(errno))};
    return std::nullopt;
  }
  std::string text;
  text.resize(static_cast<std::size_t>(st.st_size));
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

// ---- decoded records of one file ---------------------------------------------------------

struct FileData {
  std::vector<Region> regions;
  std::vector<Unit> units;
  std::vector<Person> people;
  std::vector<Appointment> appointments;
  std::vector<Team> teams;
  std::vector<Tour> tours;
  std::vector<CalendarYear> calendar_years;
  std::vector<std::function<void(Policy&)>> policy;
  std::vector<Diagnostic> diagnostics;
  LedgerFileData ledger;  // problem ledger (decode_ledger.cpp)
};

const std::vector<std::string_view> kinds = {"appointments", "calendar", "hazards", "leads", "lookbacks",
                                             "people", "policy", "problems", "public_reports",
                                             "regions", "schedule", "teams", "tours", "units"};


// Decodes the documents of one file into records, reporting every problem it meets.
class Decoder : public DecoderBase {
 public:
  Decoder(std::string file_name, std::uint32_t file_index, FileData& out)
      : DecoderBase(std::move(file_name), file_index, out.diagnostics), out_(out) {}

  void document(const YDocument& doc, InputRole role) {
    doc_ = &doc;
    budget_ = 64 * doc.nodes.size() + 4096;
    const YNode& root = doc.node(doc.root);
    if (root.type != Type::map) {
      if (root.type == Type::null) {
        error("L009", root, "", {"文档为空：需要 kind: 与 version: 开头的映射",
                                 "empty document: expected a map starting with kind: and version:"});
      } else {
        error("L002", root, "", {"文档顶层应为映射（kind:、version: 及数据）",
                                 "expected a map (kind:, version: and the data) at the top of the document"});
      }
      return;
    }
    auto entries = map_entries(root, "");
    const Entry* kind_entry = find(entries, "kind");
    std::string kind;
    if (!kind_entry) {
      if (role == InputRole::calendar) {
        kind = "calendar";
      } else {
        missing(root, "", "kind");
        return;
      }
    } else if (auto k = scalar_text(kind_entry->value, "kind")) {
      kind = *k;
    } else {
      return;
    }
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
      auto hint = closest_match(kind, kinds);
      error("L010", doc.node(kind_entry->value), "kind",
            {fmt::format("未知的 kind「{}」{}；可用：{}", kind, did_you_mean_zh(hint), join(kinds)),
             fmt::format("unknown kind '{}'{}; expected one of: {}", kind, did_you_mean_en(hint),
                         join(kinds))});
      return;
    }
    if (role == InputRole::policy && kind != "policy") {
      error("L010", doc.node(kind_entry->value), "kind",
            {fmt::format("--policy 文件只能包含 kind: policy，而不是「{}」", kind),
             fmt::format("a --policy file holds only kind: policy, not '{}'", kind)});
      return;
    }
    if (role == InputRole::calendar && kind != "calendar") {
      error("L010", doc.node(kind_entry->value), "kind",
            {fmt::format("--calendar 文件只能包含 kind: calendar，而不是「{}」", kind),
             fmt::format("a --calendar file holds only kind: calendar, not '{}'", kind)});
      return;
    }
    const Entry* version = find(entries, "version");
    if (!version) {
      if (!(role == InputRole::calendar && !kind_entry)) {
        missing(root, "", "version");
        return;
      }
    } else if (auto v = integer(version->value, "version")) {
      if (*v != 1) {
        error("L011", doc.node(version->value), "version",
              {fmt::format("不支持的版本 {}；本程序读取 version: 1", *v),
               fmt::format("unsupported version {}; this xuncha reads version: 1", *v)});
        return;
      }
    } else {
      return;
    }

    if (kind == "policy") return policy(entries);
    if (kind == "calendar") return calendar(entries);
    if (kind == "schedule") return schedule(entries);
    std::vector<std::string_view> allowed{"kind", "version", kind};
    check_keys(entries, "", allowed);
    const Entry* list = find(entries, kind);
    if (!list) return missing(root, "", kind);
    auto items = sequence(list->value, kind);
    for (std::size_t i = 0; i < items.size() && !capped_; ++i) {
      std::string path = fmt::format("{}[{}]", kind, i);
      if (kind == "regions") region(items[i], path);
      else if (kind == "units") unit(items[i], path);
      else if (kind == "people") person(items[i], path);
      else if (kind == "appointments") appointment(items[i], path);
      else if (kind == "teams") team(items[i], path);
      else if (kind == "tours") tour(items[i], path, false);
      else if (is_ledger_kind(kind)) decode_ledger_item(*this, kind, items[i], path, out_.ledger);
    }
  }


 private:
  // ---- kinds ----
  void region(std::uint32_t index, const std::string& path) {
    auto r = record(index, path, {"id", "name", "class", "counties", "days", "risk"},
                    {"id", "name", "class", "counties"});
    if (r.entries.empty() && !r.ok) return;
    Region x;
    x.id = text_field(r, "id").value_or("");
    x.name = text_field(r, "name").value_or("");
    field(r, "class", [&](std::uint32_t v, const std::string& p) {
      auto c = choice(v, p, region_class_names,
                      {{"市", 0}, {"州", 1}, {"直管市", 2}, {"林区", 3}});
      if (c) x.cls = static_cast<RegionClass>(*c);
      return c.has_value();
    });
    field(r, "counties", [&](std::uint32_t v, const std::string& p) {
      auto i = integer(v, p, 0, 1000);
      if (i) x.counties = static_cast<int>(*i);
      return i.has_value();
    });
    field(r, "days", [&](std::uint32_t v, const std::string& p) {
      auto i = integer(v, p, 1, 366);
      if (i) x.days = static_cast<int>(*i);
      return i.has_value();
    });
    field(r, "risk", [&](std::uint32_t v, const std::string& p) {
      auto i = integer(v, p, 1, 5);
      if (i) x.risk = static_cast<int>(*i);
      return i.has_value();
    });
    if (!r.ok || x.id.empty()) return;
    x.src = std::move(r.src);
    out_.regions.push_back(std::move(x));
  }

  void unit(std::uint32_t index, const std::string& path) {
    auto r = record(index, path, {"id", "name", "committee_member", "emergency_management", "region"},
                    {"id", "name", "committee_member"});
    Unit x;
    x.id = text_field(r, "id").value_or("");
    x.name = text_field(r, "name").value_or("");
    x.region = text_field(r, "region").value_or("");
    bool_field(r, "committee_member", x.committee_member);
    bool_field(r, "emergency_management", x.emergency_management);
    if (!r.ok || x.id.empty()) return;
    x.src = std::move(r.src);
    out_.units.push_back(std::move(x));
  }

  void person(std::uint32_t index, const std::string& path) {
    auto r = record(index, path,
                    {"id", "name", "unit", "rank", "serving", "safety_supervision", "home_region", "expert"},
                    {"id", "name", "unit"});
    Person x;
    x.id = text_field(r, "id").value_or("");
    x.name = text_field(r, "name").value_or("");
    x.unit = text_field(r, "unit").value_or("");
    x.home_region = text_field(r, "home_region").value_or("");
    field(r, "rank", [&](std::uint32_t v, const std::string& p) {
      auto c = choice(v, p, rank_zh,
                      {{"section", 1}, {"deputy_division", 2}, {"division", 3},
                       {"deputy_bureau", 4}, {"bureau", 5}, {"无", 0}});
      if (c) x.rank = static_cast<Rank>(*c);
      return c.has_value();
    });
    bool_field(r, "serving", x.serving);
    bool_field(r, "safety_supervision", x.safety_supervision);
    if (auto e = find(r.entries, "expert")) {
      std::string p = child_path(path, "expert");
      auto sub = record(e->value, p, {"pool_id", "field"}, {});
      if (sub.ok) {
        ExpertEntry ee;
        ee.pool_id = text_field(sub, "pool_id").value_or("");
        ee.field = text_field(sub, "field").value_or("");
        x.expert = ee;
      }
      if (!sub.ok) r.ok = false;
    }
    if (!r.ok || x.id.empty()) return;
    x.src = std::move(r.src);
    out_.people.push_back(std::move(x));
  }

  void appointment(std::uint32_t index, const std::string& path) {
    auto r = record(index, path, {"id", "person", "tour", "date"}, {"id", "person", "tour"});
    Appointment x;
    x.id = text_field(r, "id").value_or("");
    x.person = text_field(r, "person").value_or("");
    x.tour = text_field(r, "tour").value_or("");
    date_field(r, "date", [&](Date d) { x.date = d; });
    if (!r.ok || x.id.empty()) return;
    x.src = std::move(r.src);
    out_.appointments.push_back(std::move(x));
  }

  void team(std::uint32_t index, const std::string& path) {
    auto r = record(index, path, {"id", "cycle", "leader", "deputies", "liaison", "members", "experts"},
                    {"id"});
    Team x;
    x.id = text_field(r, "id").value_or("");
    x.cycle = text_field(r, "cycle").value_or("");
    for (std::size_t role = 0; role < role_names.size(); ++role)
      if (!id_list(r, role_names[role], x.roles[role])) r.ok = false;
    if (!r.ok || x.id.empty()) return;
    x.src = std::move(r.src);
    out_.teams.push_back(std::move(x));
  }

  void tour(std::uint32_t index, const std::string& path, bool planned) {
    std::vector<std::string_view> keys{"id", "region", "kind", "body", "year", "team", "start", "end",
                                       "extension", "serious", "milestones"};
    if (planned) keys.push_back("team_slot");  // planned tours name the round's team by number
    auto r = record(index, path, keys, {"id", "region"});
    Tour x;
    x.planned = planned;
    field(r, "team_slot", [&](std::uint32_t v, const std::string& p) {
      auto i = integer(v, p, 1, 1000);
      if (i) x.team_slot = static_cast<int>(*i);
      return i.has_value();
    });
    x.id = text_field(r, "id").value_or("");
    x.region = text_field(r, "region").value_or("");
    x.team = text_field(r, "team").value_or("");
    field(r, "kind", [&](std::uint32_t v, const std::string& p) {
      static constexpr std::array<std::string_view, 2> names{"regular", "irregular"};
      auto c = choice(v, p, names, {{"定期", 0}, {"不定期", 1}});
      if (c) x.kind = static_cast<TourKind>(*c);
      return c.has_value();
    });
    field(r, "body", [&](std::uint32_t v, const std::string& p) {
      static constexpr std::array<std::string_view, 2> names{"province", "state_council"};
      auto c = choice(v, p, names, {{"省", 0}, {"国务院", 1}});
      if (c) x.body = static_cast<Body>(*c);
      return c.has_value();
    });
    field(r, "year", [&](std::uint32_t v, const std::string& p) {
      auto i = integer(v, p, min_year, max_year);
      if (i) x.year = static_cast<int>(*i);
      return i.has_value();
    });
    date_field(r, "start", [&](Date d) { x.start = d; });
    date_field(r, "end", [&](Date d) { x.end = d; });
    bool_field(r, "serious", x.serious);
    if (auto e = find(r.entries, "extension")) {
      auto sub = record(e->value, child_path(path, "extension"), {"days", "approval"}, {"days", "approval"});
      Extension ext;
      field(sub, "days", [&](std::uint32_t v, const std::string& p) {
        auto i = integer(v, p, 1, 366);
        if (i) ext.days = static_cast<int>(*i);
        return i.has_value();
      });
      ext.approval = text_field(sub, "approval").value_or("");
      if (sub.ok) x.extension = ext;
      else r.ok = false;
      for (auto& f : sub.src.fields) r.src.fields.emplace_back("extension." + f.first, f.second);
    }
    if (auto e = find(r.entries, "milestones")) {
      std::vector<std::string_view> names(milestone_names.begin(), milestone_names.end());
      auto sub = record(e->value, child_path(path, "milestones"), names, {});
      for (std::size_t m = 0; m < milestone_count; ++m)
        date_field(sub, milestone_names[m], [&](Date d) { x.milestones[m] = d; });
      if (!sub.ok) r.ok = false;
      for (auto& f : sub.src.fields) r.src.fields.emplace_back("milestones." + f.first, f.second);
    }
    if (r.ok && x.start && x.year != 0 && year_of(*x.start) != x.year) {
      error("L013", doc_->node(find(r.entries, "year")->value), child_path(path, "year"),
            {fmt::format("year {} 与开始日期 {} 不一致", x.year, format_iso(*x.start)),
             fmt::format("year {} disagrees with start {}", x.year, format_iso(*x.start))});
      r.ok = false;
    }
    if (r.ok && x.year == 0) {
      if (x.start) {
        x.year = year_of(*x.start);
      } else {
        missing(doc_->node(index), path, "year");
        r.ok = false;
      }
    }
    if (!r.ok || x.id.empty()) return;
    x.src = std::move(r.src);
    out_.tours.push_back(std::move(x));
  }

  void schedule(const std::vector<Entry>& entries) {
    check_keys(entries, "", {"kind", "version", "province", "from", "years", "as_of", "tours"});
    const Entry* list = find(entries, "tours");
    if (!list) return missing(doc_->node(doc_->root), "", "tours");
    int from = 0;
    if (const Entry* f = find(entries, "from"))
      if (auto y = integer(f->value, "from", min_year, max_year)) from = static_cast<int>(*y);
    auto items = sequence(list->value, "tours");
    std::size_t first = out_.tours.size();
    for (std::size_t i = 0; i < items.size(); ++i) tour(items[i], fmt::format("tours[{}]", i), true);
    for (std::size_t i = first; i < out_.tours.size(); ++i) out_.tours[i].plan_from = from;
  }

  void calendar(const std::vector<Entry>& entries) {
    check_keys(entries, "", {"kind", "version", "years"});
    const Entry* years = find(entries, "years");
    if (!years) return missing(doc_->node(doc_->root), "", "years");
    const YNode& ym = doc_->node(years->value);
    if (ym.type != Type::map) return wrong_type(ym, "years", "以年份为键的映射", "a map keyed by year");
    for (const auto& e : map_entries(ym, "years")) {
      std::string path = child_path("years", e.key);
      CalendarYear cy;
      auto y = integer(e.key_node, path, min_year, max_year);
      if (!y) continue;
      cy.year = static_cast<int>(*y);
      auto r = record(e.value, path, {"holidays", "workdays"}, {});
      if (!r.ok) continue;
      for (auto which : {"holidays", "workdays"}) {
        auto le = find(r.entries, which);
        if (!le) continue;
        auto& target = std::string_view(which) == "holidays" ? cy.holidays : cy.workdays;
        auto items = sequence(le->value, child_path(path, which));
        for (std::size_t i = 0; i < items.size(); ++i)
          if (auto d = date_value(items[i], fmt::format("{}.{}[{}]", path, which, i))) target.push_back(*d);
      }
      out_.calendar_years.push_back(std::move(cy));
    }
  }

  void policy(const std::vector<Entry>& entries) {
    struct IntKey {
      std::string_view key;
      int Policy::*field;
      int lo, hi;
    };
    static const std::vector<IntKey> ints{
        {"regions_expected", &Policy::regions_expected, 1, 10000},
        {"coverage_years", &Policy::coverage_years, 1, 50},
        {"cadence_years", &Policy::cadence_years, 1, 50},
        {"report_workdays", &Policy::report_workdays, 0, 1000},
        {"rectification_plan_workdays", &Policy::rectification_plan_workdays, 0, 1000},
        {"rectification_results_months", &Policy::rectification_results_months, 0, 120},
        {"preparation_lead_workdays", &Policy::preparation_lead_workdays, 0, 1000},
        {"archive_workdays", &Policy::archive_workdays, 0, 1000},
        {"look_back_months", &Policy::look_back_months, 0, 120},
        {"due_soon_workdays", &Policy::due_soon_workdays, 0, 1000},
        {"teams_per_round", &Policy::teams_per_round, 1, 10000},
        {"first_round_year", &Policy::first_round_year, min_year, max_year},
        {"planning_feedback_workdays", &Policy::planning_feedback_workdays, 0, 1000},
    };
    struct BoolKey {
      std::string_view key;
      bool Policy::*field;
    };
    static const std::vector<BoolKey> bools{
        {"roll_forward_to_workday", &Policy::roll_forward_to_workday},
        {"archive_with_report", &Policy::archive_with_report},
        {"conflict_of_interest", &Policy::conflict_of_interest},
        {"off_round_tours", &Policy::off_round_tours},
    };
    std::vector<std::string_view> allowed{"kind",   "version",   "province",  "team_size", "days_on_site",
                                          "rules",  "batches",   "blackouts", "objective", "untracked_steps",
                                          "ledger"};
    for (const auto& k : ints) allowed.push_back(k.key);
    for (const auto& k : bools) allowed.push_back(k.key);
    check_keys(entries, "", allowed);
    auto& patches = out_.policy;
    for (const auto& e : entries) {
      if (e.key == "ledger") decode_ledger_policy(*this, e, patches);
      for (const auto& k : ints) {
        if (e.key != k.key) continue;
        if (auto v = integer(e.value, k.key, k.lo, k.hi)) {
          int value = static_cast<int>(*v);
          auto f = k.field;
          patches.push_back([f, value](Policy& p) { p.*f = value; });
        }
      }
      for (const auto& k : bools) {
        if (e.key != k.key) continue;
        if (auto v = boolean(e.value, k.key)) {
          bool value = *v;
          auto f = k.field;
          patches.push_back([f, value](Policy& p) { p.*f = value; });
        }
      }
    }
    if (auto e = find(entries, "province")) {
      if (auto v = scalar_text(e->value, "province")) {
        std::string value = *v;
        patches.push_back([value](Policy& p) { p.province = value; });
      }
    }
    if (auto e = find(entries, "team_size")) {
      auto r = record(e->value, "team_size", {"min", "max"}, {});
      int lo = -1, hi = -1;
      field(r, "min", [&](std::uint32_t v, const std::string& p) {
        auto i = integer(v, p, 1, 100);
        if (i) lo = static_cast<int>(*i);
        return i.has_value();
      });
      field(r, "max", [&](std::uint32_t v, const std::string& p) {
        auto i = integer(v, p, 1, 100);
        if (i) hi = static_cast<int>(*i);
        return i.has_value();
      });
      if (lo > 0 && hi > 0 && lo > hi) {
        error("L013", doc_->node(e->value), "team_size",
              {fmt::format("team_size 的 min（{}）大于 max（{}）", lo, hi),
               fmt::format("team_size min ({}) is greater than max ({})", lo, hi)});
      } else {
        patches.push_back([lo, hi](Policy& p) {
          if (lo > 0) p.team_min = lo;
          if (hi > 0) p.team_max = hi;
        });
      }
    }
    if (auto e = find(entries, "days_on_site")) {
      auto r = record(e->value, "days_on_site",
                      {region_class_names.begin(), region_class_names.end()}, {});
      for (std::size_t c = 0; c < region_class_names.size(); ++c) {
        field(r, region_class_names[c], [&](std::uint32_t v, const std::string& p) {
          auto i = integer(v, p, 1, 366);
          if (i) {
            int value = static_cast<int>(*i);
            patches.push_back([c, value](Policy& pol) {
              int* slots[] = {&pol.days_city, &pol.days_prefecture, &pol.days_direct_city,
                              &pol.days_forestry};
              *slots[c] = value;
            });
          }
          return i.has_value();
        });
      }
    }
    if (auto e = find(entries, "untracked_steps")) {
      // Steps with a deadline the office does not record (a list, possibly empty: all tracked).
      std::uint32_t untracked = 0;
      bool ok = true;
      auto items = sequence(e->value, "untracked_steps");
      // The values offered are the steps that carry a deadline; another milestone gets its own message.
      static constexpr auto names = [] {
        std::array<std::string_view, deadlines::deadline_step_list.size()> out{};
        for (std::size_t i = 0; i < out.size(); ++i)
          out[i] = milestone_names[static_cast<std::size_t>(deadlines::deadline_step_list[i])];
        return out;
      }();
      for (std::size_t i = 0; i < items.size(); ++i) {
        std::string path = fmt::format("untracked_steps[{}]", i);
        const YNode& node = doc_->node(items[i]);
        if (node.type == Type::scalar) {
          std::string_view text = node.value;
          auto it = std::find(milestone_names.begin(), milestone_names.end(), text);
          if (it != milestone_names.end() && std::find(names.begin(), names.end(), text) == names.end()) {
            ok = false;
            error("L013", node, path,
                  {fmt::format("「{}」没有期限，无需列入 untracked_steps", text),
                   fmt::format("'{}' has no deadline; untracked_steps lists steps that have one", text)});
            continue;
          }
        }
        auto c = choice(items[i], path, names);
        if (!c) {
          ok = false;
          continue;
        }
        auto m = std::make_optional(static_cast<std::size_t>(deadlines::deadline_step_list[*c]));
        untracked |= 1u << *m;
      }
      if (ok) patches.push_back([untracked](Policy& p) { p.untracked_steps = untracked; });
    }
    schedule_policy(entries);
    if (auto e = find(entries, "rules")) {
      const YNode& n = doc_->node(e->value);
      if (n.type != Type::map) return wrong_type(n, "rules", "映射（规则编号: 级别）", "a map of rule id to severity");
      for (const auto& re : map_entries(n, "rules")) {
        std::string p = child_path("rules", re.key);
        auto level = scalar_text(re.value, p);
        Severity s{};
        if (!level) continue;
        if (!parse_severity(*level, s)) {
          error("L013", doc_->node(re.value), p,
                {fmt::format("「{}」级别无效：「{}」；可用：off, info, warning, error", p, *level),
                 fmt::format("invalid severity '{}' for '{}'; expected off, info, warning or error", *level, p)});
          continue;
        }
        std::string id(re.key);
        if (!rules::find_rule(id)) {
          auto hint = rules::suggest_rule(id);
          error("L013", doc_->node(re.key_node), p,
                {fmt::format("未知的规则「{}」{}", id, did_you_mean_zh(hint)),
                 fmt::format("unknown rule '{}'{}", id, did_you_mean_en(hint))});
          continue;
        }
        if (auto* info = rules::find_rule(id)) id = std::string(info->id);
        patches.push_back([id, s](Policy& pol) { pol.rule_severity[id] = s; });
      }
    }
  }

  // "MM-DD" of a batch window; sets month and day.
  bool month_day(std::uint32_t index, const std::string& path, int& month, int& day) {
    auto text = scalar_text(index, path);
    if (!text) return false;
    const std::string& t = *text;
    int m = 0, d = 0;
    bool shape = t.size() == 5 && t[2] == '-' && std::isdigit(static_cast<unsigned char>(t[0])) &&
                 std::isdigit(static_cast<unsigned char>(t[1])) && std::isdigit(static_cast<unsigned char>(t[3])) &&
                 std::isdigit(static_cast<unsigned char>(t[4]));
    if (shape) {
      m = (t[0] - '0') * 10 + (t[1] - '0');
      d = (t[3] - '0') * 10 + (t[4] - '0');
    }
    // Checked against a leap year: 02-29 is a valid window edge (clamped in other years).
    if (!shape || !date::year_month_day{date::year{2024}, date::month{static_cast<unsigned>(m)},
                                        date::day{static_cast<unsigned>(d)}}.ok()) {
      error("L007", doc_->node(index), path,
            {fmt::format("「{}」应为月-日 MM-DD（如 03-01），实际是「{}」", path, t),
             fmt::format("'{}' must be a month and day MM-DD (e.g. 03-01), found '{}'", path, t)});
      return false;
    }
    month = m;
    day = d;
    return true;
  }

  // Scheduling keys of a policy: batch windows, blackout periods, objective weights.
  void schedule_policy(const std::vector<Entry>& entries) {
    auto& patches = out_.policy;
    if (auto e = find(entries, "batches")) {
      std::vector<BatchWindow> batches;
      bool ok = true;
      auto items = sequence(e->value, "batches");
      for (std::size_t i = 0; i < items.size(); ++i) {
        std::string path = fmt::format("batches[{}]", i);
        auto r = record(items[i], path, {"name", "from", "to"}, {"from", "to"});
        BatchWindow b;
        b.name = text_field(r, "name").value_or(fmt::format("{}", i + 1));
        field(r, "from", [&](std::uint32_t v, const std::string& p) { return month_day(v, p, b.from_month, b.from_day); });
        field(r, "to", [&](std::uint32_t v, const std::string& p) { return month_day(v, p, b.to_month, b.to_day); });
        if (r.ok && std::pair{b.to_month, b.to_day} < std::pair{b.from_month, b.from_day}) {
          error("L013", doc_->node(items[i]), path,
                {fmt::format("批次「{}」的 to 早于 from（批次不跨年）", b.name),
                 fmt::format("batch '{}' ends before it starts (a batch stays within one year)", b.name)});
          r.ok = false;
        }
        if (r.ok) {
          // Batches may not share days: a team would be planned in two places at once.
          for (std::size_t j = 0; j < batches.size(); ++j) {
            const auto& o = batches[j];
            bool apart = std::pair{b.to_month, b.to_day} < std::pair{o.from_month, o.from_day} ||
                         std::pair{o.to_month, o.to_day} < std::pair{b.from_month, b.from_day};
            if (apart) continue;
            error("L013", doc_->node(items[i]), path,
                  {fmt::format("批次「{}」（{:02}-{:02}—{:02}-{:02}）与批次「{}」（{:02}-{:02}—{:02}-{:02}）重叠；批次不能共用日期",
                               b.name, b.from_month, b.from_day, b.to_month, b.to_day, o.name, o.from_month, o.from_day,
                               o.to_month, o.to_day),
                   fmt::format("batch '{}' ({:02}-{:02} to {:02}-{:02}) overlaps batch '{}' ({:02}-{:02} to {:02}-{:02}); "
                               "batches cannot share days",
                               b.name, b.from_month, b.from_day, b.to_month, b.to_day, o.name, o.from_month, o.from_day,
                               o.to_month, o.to_day)});
            r.ok = false;
            break;
          }
        }
        ok = ok && r.ok;
        batches.push_back(std::move(b));
      }
      if (ok && batches.empty()) {
        error("L013", doc_->node(e->value), "batches",
              {"batches 不能为空：至少需要一个批次窗口", "batches cannot be empty: at least one batch window is needed"});
        ok = false;
      }
      if (ok) patches.push_back([batches](Policy& p) { p.batches = batches; });
    }
    if (auto e = find(entries, "blackouts")) {
      std::vector<Blackout> blackouts;
      bool ok = true;
      auto items = sequence(e->value, "blackouts");
      for (std::size_t i = 0; i < items.size(); ++i) {
        std::string path = fmt::format("blackouts[{}]", i);
        auto r = record(items[i], path, {"name", "from", "to"}, {"from", "to"});
        Blackout b;
        b.name = text_field(r, "name").value_or("");
        date_field(r, "from", [&](Date d) { b.from = d; });
        date_field(r, "to", [&](Date d) { b.to = d; });
        if (r.ok && b.to < b.from) {
          error("L013", doc_->node(items[i]), path,
                {"停止巡查期间的 to 早于 from", "blackout period ends before it starts"});
          r.ok = false;
        }
        ok = ok && r.ok;
        blackouts.push_back(std::move(b));
      }
      if (ok) patches.push_back([blackouts](Policy& p) { p.blackouts = blackouts; });
    }
    if (auto e = find(entries, "objective")) {
      auto r = record(e->value, "objective", {"round_load", "risk", "team_balance", "tour_days"}, {});
      static constexpr std::pair<std::string_view, int ObjectiveWeights::*> keys[] = {
          {"round_load", &ObjectiveWeights::round_load},
          {"risk", &ObjectiveWeights::risk},
          {"team_balance", &ObjectiveWeights::team_balance},
          {"tour_days", &ObjectiveWeights::tour_days}};
      for (const auto& key_member : keys) {
        // Not a structured binding: clang before 16 cannot capture one in a lambda.
        auto member = key_member.second;
        field(r, key_member.first, [&](std::uint32_t v, const std::string& p) {
          auto i = integer(v, p, 0, 1000000);
          if (i) {
            int value = static_cast<int>(*i);
            auto m = member;
            patches.push_back([m, value](Policy& pol) { pol.weights.*m = value; });
          }
          return i.has_value();
        });
      }
    }
  }

  FileData& out_;
};

bool whitespace_only(std::string_view text) {
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  return true;
}

// Comment-only files are empty too: they hold no document.
bool has_content(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto eol = text.find('\n', pos);
    auto line = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
    auto first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#' && line.substr(first, 3) != "---" &&
        line.substr(first, 3) != "...")
      return true;
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  return false;
}

void decode_file(const InputFile& input, std::uint32_t index, const LoadOptions& options,
                 FileData& out) {
  std::string storage;
  std::string_view text;
  if (input.text) {
    text = *input.text;
  } else {
    Message why;
    auto content = read_file(input.name, options.max_file_bytes, why);
    if (!content) {
      out.diagnostics.push_back(input_error("L012", input.name, 0, 0, std::move(why)));
      return;
    }
    storage = std::move(*content);
    text = storage;
  }
  if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    out.diagnostics.push_back(input_error(
        "L008", input.name, 1, 1,
        {"文件是 UTF-16 编码；请另存为 UTF-8", "file is UTF-16 encoded; save it as UTF-8"}));
    return;
  }
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  int line = 0, column = 0;
  auto problem = check_encoding(text, line, column);
  if (!problem.empty()) {
    auto d = input_error("L008", input.name, line, column, {});
    auto bar = problem.find('|');
    d.message = {problem.substr(0, bar), problem.substr(bar + 1)};
    out.diagnostics.push_back(std::move(d));
    return;
  }
  if (whitespace_only(text) || !has_content(text)) {
    out.diagnostics.push_back(input_error(
        "L009", input.name, 1, 1,
        {"文件为空：至少需要一个含 kind: 与 version: 的文档",
         "file is empty: expected at least one document with kind: and version:"}));
    return;
  }
  auto parsed = parse_yaml(text);
  Decoder decoder(input.name, index, out);
  for (const auto& doc : parsed.documents) {
    if (decoder.capped()) break;
    decoder.document(doc, input.role);
  }
  if (decoder.capped()) {
    out.diagnostics.push_back(input_error(
        "L015", input.name, 1, 1,
        {fmt::format("本文件错误超过 {} 个，已停止读取；请先修正以上错误", max_errors_per_file),
         fmt::format("more than {} errors in this file; stopped reading it: fix those first", max_errors_per_file)}));
  }
  if (parsed.failed) {
    Diagnostic d = input_error(parsed.error.too_deep ? "L015" : "L001", input.name,
                               static_cast<int>(parsed.error.line),
                               static_cast<int>(parsed.error.column), {});
    if (parsed.error.too_deep) {
      d.message = {"嵌套层次过深，已停止解析", "nesting too deep; stopped parsing"};
    } else {
      d.message = {fmt::format("YAML 语法错误：{}", parsed.error.message),
                   fmt::format("YAML syntax error: {}", parsed.error.message)};
    }
    out.diagnostics.push_back(std::move(d));
  }
}

}  // namespace

const std::vector<std::string_view>& known_kinds() { return kinds; }

std::string check_encoding(std::string_view text, int& line, int& column) {
  line = 1;
  column = 1;
  std::size_t i = 0;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size();
  while (i < n) {
    unsigned char c = s[i];
    std::size_t len = 0;
    if (c == 0) {
      return "文件含有 NUL 字节（可能是二进制文件）|file contains NUL bytes (is it a binary file?)";
    }
    if (c < 0x80) len = 1;
    else if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3;
    else if (c >= 0xF0 && c <= 0xF4) len = 4;
    bool ok = len > 0 && i + len <= n;
    for (std::size_t k = 1; ok && k < len; ++k) ok = (s[i + k] & 0xC0) == 0x80;
    if (ok && len == 3) {
      ok = !(c == 0xE0 && s[i + 1] < 0xA0) && !(c == 0xED && s[i + 1] >= 0xA0);
    } else if (ok && len == 4) {
      ok = !(c == 0xF0 && s[i + 1] < 0x90) && !(c == 0xF4 && s[i + 1] >= 0x90);
    }
    if (!ok) {
      // GBK/GB18030 double-byte characters: lead 0x81–0xFE, trail 0x40–0xFE (not 0x7F).
      std::size_t pairs = 0, bad = 0;
      for (std::size_t k = i; k < n && k < i + 4096;) {
        if (s[k] < 0x80) {
          ++k;
          continue;
        }
        if (s[k] >= 0x81 && s[k] <= 0xFE && k + 1 < n && s[k + 1] >= 0x40 && s[k + 1] <= 0xFE &&
            s[k + 1] != 0x7F) {
          ++pairs;
          k += 2;
        } else {
          ++bad;
          ++k;
        }
      }
      if (pairs > 0 && bad == 0) {
        return fmt::format(
            "文件不是 UTF-8 编码（第 {} 行第 {} 列字节 0x{:02X}）；看起来是 GBK/GB18030 编码，请用 "
            "`iconv -f GB18030 -t UTF-8` 转换后再读取|file is not UTF-8 (byte 0x{:02X} at line {}, "
            "column {}); it looks like GBK/GB18030, common in Chinese offices: convert it with "
            "`iconv -f GB18030 -t UTF-8`",
            line, column, c, c, line, column);
      }
      return fmt::format("文件不是 UTF-8 编码（第 {} 行第 {} 列字节 0x{:02X}）；请另存为 UTF-8|file is "
                         "not UTF-8 (byte 0x{:02X} at line {}, column {}); save it as UTF-8",
                         line, column, c, c, line, column);
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += len;
  }
  return {};
}

std::vector<InputFile> expand_paths(const std::vector<std::string>& paths,
                                    std::vector<Diagnostic>& diagnostics) {
  std::vector<InputFile> out;
  std::set<std::string> seen;
  for (const auto& p : paths) {
    if (p == "-") {
      out.push_back({p, std::nullopt, InputRole::data});
      continue;
    }
    std::error_code ec;
    auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      diagnostics.push_back(input_error("L012", p, 0, 0,
                                        {"路径不存在或无法访问", "no such file or folder (or not accessible)"}));
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<std::string> found;
      // Symbolic links to folders are not followed: a link loop cannot trap the walk.
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
      if (ec) {
        diagnostics.push_back(input_error("L012", p, 0, 0,
                                          {fmt::format("无法读取文件夹：{}", ec.message()),
                                           fmt::format("cannot read folder: {}", ec.message())}));
        continue;
      }
      for (; it != end; it.increment(ec)) {
        if (ec) {
          diagnostics.push_back(input_error("L012", it->path().string(), 0, 0,
                                            {fmt::format("无法读取：{}", ec.message()),
                                             fmt::format("cannot read: {}", ec.message())}));
          break;
        }
        auto ext = it->path().extension().string();
        if (ext != ".yaml" && ext != ".yml") continue;
        std::error_code fec;
        if (it->is_directory(fec)) continue;
        found.push_back(it->path().lexically_normal().string());
      }
      std::sort(found.begin(), found.end());
      for (auto& f : found)
        if (seen.insert(f).second) out.push_back({f, std::nullopt, InputRole::data});
      continue;
    }
    auto norm = fs::path(p).lexically_normal().string();
    if (seen.insert(norm).second) out.push_back({norm, std::nullopt, InputRole::data});
  }
  return out;
}

LoadResult load(std::vector<InputFile> inputs, const LoadOptions& options) {
  LoadResult result;
  std::vector<FileData> files(inputs.size());
  unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(inputs.size())));
  if (jobs <= 1) {
    for (std::size_t i = 0; i < inputs.size(); ++i)
      decode_file(inputs[i], static_cast<std::uint32_t>(i), options, files[i]);
  } else {
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> workers;
    for (unsigned w = 0; w < jobs; ++w) {
      workers.emplace_back([&] {
        for (std::size_t i = next++; i < inputs.size(); i = next++)
          decode_file(inputs[i], static_cast<std::uint32_t>(i), options, files[i]);
      });
    }
    for (auto& t : workers) t.join();
  }

  Dataset& data = result.data;
  for (const auto& in : inputs) data.files.push_back(in.name);
  auto& diags = result.diagnostics;
  for (auto& f : files) {
    diags.insert(diags.end(), std::make_move_iterator(f.diagnostics.begin()),
                 std::make_move_iterator(f.diagnostics.end()));
    merge_unique(data.regions, f.regions, "地区", "region", data.region_index, data, diags);
    merge_unique(data.units, f.units, "单位", "unit", data.unit_index, data, diags);
    merge_unique(data.people, f.people, "人员", "person", data.person_index, data, diags);
    merge_unique(data.appointments, f.appointments, "聘任", "appointment", data.appointment_index, data, diags);
    merge_unique(data.teams, f.teams, "巡查组", "team", data.team_index, data, diags);
    merge_unique(data.tours, f.tours, "巡查", "tour", data.tour_index, data, diags);
    merge_ledger(data, f.ledger, diags);
    for (auto& cy : f.calendar_years) data.calendar_years.push_back(std::move(cy));
    for (auto& patch : f.policy) patch(data.policy);
  }

  RefChecker refs{data, diags, {}};
  for (const auto& u : data.units)
    refs.check(u.src, "region", u.region, "region", "地区", data.region_index);
  for (const auto& p : data.people) {
    refs.check(p.src, "unit", p.unit, "unit", "单位", data.unit_index);
    refs.check(p.src, "home_region", p.home_region, "region", "地区", data.region_index);
  }
  for (const auto& a : data.appointments) {
    refs.check(a.src, "person", a.person, "person", "人员", data.person_index);
    refs.check(a.src, "tour", a.tour, "tour", "巡查", data.tour_index);
  }
  for (const auto& t : data.teams) {
    for (std::size_t role = 0; role < role_names.size(); ++role)
      for (std::size_t k = 0; k < t.roles[role].size(); ++k)
        refs.check(t.src, fmt::format("{}[{}]", role_names[role], k), t.roles[role][k], "person",
                   "人员", data.person_index);
  }
  for (const auto& t : data.tours) {
    refs.check(t.src, "region", t.region, "region", "地区", data.region_index);
    refs.check(t.src, "team", t.team, "team", "巡查组", data.team_index);
  }
  check_ledger_refs(data, refs);
  sort_diagnostics(diags);
  return result;
}

}  // namespace xuncha::load
