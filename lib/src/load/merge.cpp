// Merging the files' records into one Dataset: ids must be unique across all files.
#include "decoder.hpp"

namespace xuncha::load::detail {
namespace {

template <class T>
void merge_unique(std::vector<T>& into, std::vector<T>& from, std::string_view what_zh,
                  std::string_view what_en, IdIndex& seen,
                  const Dataset& data, std::vector<Diagnostic>& diags) {
  for (auto& item : from) {
    auto [it, fresh] = seen.emplace(item.id, into.size());
    if (!fresh) {
      const auto& first = into[it->second];
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
      continue;
    }
    into.push_back(std::move(item));
  }
}

}  // namespace

void merge_files(std::vector<FileData>& files, Dataset& data, std::vector<Diagnostic>& diags) {
  for (auto& f : files) {
    diags.insert(diags.end(), std::make_move_iterator(f.diagnostics.begin()),
                 std::make_move_iterator(f.diagnostics.end()));
    merge_unique(data.regions, f.regions, "地区", "region", data.region_index, data, diags);
    merge_unique(data.units, f.units, "单位", "unit", data.unit_index, data, diags);
    merge_unique(data.people, f.people, "人员", "person", data.person_index, data, diags);
    merge_unique(data.appointments, f.appointments, "聘任", "appointment", data.appointment_index, data, diags);
    merge_unique(data.teams, f.teams, "巡查组", "team", data.team_index, data, diags);
    merge_unique(data.tours, f.tours, "巡查", "tour", data.tour_index, data, diags);
    auto& l = data.ledger;  // the problem ledger
    merge_unique(l.problems, f.ledger.problems, "问题", "problem", data.problem_index, data, diags);
    merge_unique(l.hazards, f.ledger.hazards, "挂牌隐患", "hazard", data.hazard_index, data, diags);
    merge_unique(l.leads, f.ledger.leads, "问题线索", "lead", data.lead_index, data, diags);
    merge_unique(l.reports, f.ledger.reports, "群众举报", "public report", data.public_report_index, data, diags);
    merge_unique(l.lookbacks, f.ledger.lookbacks, "回头看", "look-back", data.lookback_index, data, diags);
    for (auto& cy : f.calendar_years) data.calendar_years.push_back(std::move(cy));
    for (auto& patch : f.policy) patch(data.policy);
    auto& in = data.policy_input;
    for (auto& r : f.policy_input.rules) in.rules.push_back(std::move(r));
    for (auto& s : f.policy_input.untracked_steps) in.untracked_steps.push_back(std::move(s));
  }
}

}  // namespace xuncha::load::detail
