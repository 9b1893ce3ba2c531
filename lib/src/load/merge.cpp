// Merging the files' records into one Dataset: ids must be unique across all files.
#include "decoder.hpp"

namespace xuncha::load::detail {
namespace {

template <class T>
void report_duplicate(const T& item, const T& first, std::string_view what_zh, std::string_view what_en,
                      const Dataset& data, std::vector<Diagnostic>& diags, std::vector<RejectedRecord>& lost) {
  Diagnostic d;
  d.rule = "L005";
  d.where = data.locate(item.src.field("id"));
  d.yaml_path = item.src.path + ".id";
  d.subject = item.id;
  d.message = {fmt::format("{}编号「{}」重复（首次定义于 {}:{}）", what_zh, item.id,
                           data.locate(first.src.at).file, first.src.at.line),
               fmt::format("duplicate {} id '{}' (first defined at {}:{})", what_en, item.id,
                           data.locate(first.src.at).file, first.src.at.line)};
  d.related.push_back({data.locate(first.src.field("id")), {"首次定义", "first defined here"}});
  diags.push_back(std::move(d));
  // The duplicate was likely meant to have another id: references to an unknown id of its kind
  // may be meant for it (references.cpp).
  lost.push_back({what_en, item.id, item.src.field("id"), true});
}

// `total`: the records of this type in all files. When one file holds them all (a file of
// millions of records), its vector becomes the data set's as it is, duplicates taken out in
// place: moving them would hold two copies at once. Else the data set's vector is sized once.
// No two records of a kind share an id...
template <class T>
bool never_same(T&, T&) { return false; }

// ... except a planned tour and the same tour as a team plan repeats it with its team (`xuncha
// staff -f yaml` writes the schedule's tours with their teams, so the plan loads beside the
// schedule): one tour, and the copy with the team stands.
bool same_planned_tour(Tour& first, Tour& again) {
  if (!first.planned || !again.planned || first.region != again.region || first.year != again.year ||
      first.kind != again.kind || first.start != again.start || first.end != again.end ||
      (first.team_slot && again.team_slot && first.team_slot != again.team_slot))
    return false;
  if (!first.team.empty() && !again.team.empty() && first.team != again.team) return false;
  if (first.team.empty() && !again.team.empty()) {
    if (!again.team_slot) again.team_slot = first.team_slot;
    if (!again.plan_from) again.plan_from = first.plan_from;
    first = std::move(again);
  }
  return true;
}

template <class T, class Same = bool (*)(T&, T&)>
void merge_unique(std::vector<T>& into, std::vector<T>& from, std::size_t total, std::string_view what_zh,
                  std::string_view what_en, IdIndex& seen, const Dataset& data, std::vector<Diagnostic>& diags,
                  std::vector<RejectedRecord>& lost, Same same = &never_same<T>) {
  if (from.empty()) return;
  if (seen.empty()) seen.reserve(total);
  if (into.empty() && from.size() == total) {
    into.swap(from);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < into.size(); ++i) {
      auto [it, fresh] = seen.emplace(into[i].id, kept);
      if (!fresh && same(into[it->second], into[i])) continue;
      if (!fresh) {
        report_duplicate(into[i], into[it->second], what_zh, what_en, data, diags, lost);
        continue;
      }
      if (kept != i) into[kept] = std::move(into[i]);
      ++kept;
    }
    into.erase(into.begin() + static_cast<std::ptrdiff_t>(kept), into.end());
  } else {
    into.reserve(total);
    for (auto& item : from) {
      auto [it, fresh] = seen.emplace(item.id, into.size());
      if (!fresh && same(into[it->second], item)) continue;
      if (!fresh) {
        report_duplicate(item, into[it->second], what_zh, what_en, data, diags, lost);
        continue;
      }
      into.push_back(std::move(item));
    }
  }
  std::vector<T>().swap(from);  // (what was moved out of still held its room)
}

}  // namespace

void merge_files(std::vector<FileData>& files, Dataset& data, std::vector<Diagnostic>& diags) {
  auto total = [&](auto member) {
    std::size_t n = 0;
    for (const auto& f : files) n += (f.*member).size();
    return n;
  };
  auto ledger_total = [&](auto member) {
    std::size_t n = 0;
    for (const auto& f : files) n += (f.ledger.*member).size();
    return n;
  };
  std::size_t regions = total(&FileData::regions), units = total(&FileData::units),
              people = total(&FileData::people), appointments = total(&FileData::appointments),
              teams = total(&FileData::teams), tours = total(&FileData::tours),
              problems = ledger_total(&LedgerFileData::problems), hazards = ledger_total(&LedgerFileData::hazards),
              leads = ledger_total(&LedgerFileData::leads), reports = ledger_total(&LedgerFileData::reports),
              lookbacks = ledger_total(&LedgerFileData::lookbacks);
  for (auto& f : files) {
    diags.insert(diags.end(), std::make_move_iterator(f.diagnostics.begin()),
                 std::make_move_iterator(f.diagnostics.end()));
    merge_unique(data.regions, f.regions, regions, "地区", "region", data.region_index, data, diags, f.rejected);
    merge_unique(data.units, f.units, units, "单位", "unit", data.unit_index, data, diags, f.rejected);
    merge_unique(data.people, f.people, people, "人员", "person", data.person_index, data, diags, f.rejected);
    merge_unique(data.appointments, f.appointments, appointments, "聘任", "appointment", data.appointment_index,
                 data, diags, f.rejected);
    merge_unique(data.teams, f.teams, teams, "巡查组", "team", data.team_index, data, diags, f.rejected);
    merge_unique(data.tours, f.tours, tours, "巡查", "tour", data.tour_index, data, diags, f.rejected, &same_planned_tour);
    auto& l = data.ledger;  // the problem ledger
    merge_unique(l.problems, f.ledger.problems, problems, "问题", "problem", data.problem_index, data, diags, f.rejected);
    merge_unique(l.hazards, f.ledger.hazards, hazards, "挂牌隐患", "hazard", data.hazard_index, data, diags, f.rejected);
    merge_unique(l.leads, f.ledger.leads, leads, "问题线索", "lead", data.lead_index, data, diags, f.rejected);
    merge_unique(l.reports, f.ledger.reports, reports, "群众举报", "public report", data.public_report_index, data,
                 diags, f.rejected);
    merge_unique(l.lookbacks, f.ledger.lookbacks, lookbacks, "回头看", "look-back", data.lookback_index, data, diags, f.rejected);
    for (auto& cy : f.calendar_years) data.calendar_years.push_back(std::move(cy));
    for (auto& patch : f.policy) patch(data.policy);
    auto& in = data.policy_input;
    for (auto& r : f.policy_input.rules) in.rules.push_back(std::move(r));
    for (auto& s : f.policy_input.untracked_steps) in.untracked_steps.push_back(std::move(s));
    std::vector<Diagnostic>().swap(f.diagnostics);
  }
}

}  // namespace xuncha::load::detail
