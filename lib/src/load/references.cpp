// References across files: every id a record names must exist (with a "did you mean").
#include "decoder.hpp"

#include <xuncha/core/suggest.hpp>

#include <algorithm>
#include <map>

namespace xuncha::load::detail {
namespace {

template <class Index>
std::vector<std::string_view> keys_of(const Index& idx) {
  std::vector<std::string_view> out;
  out.reserve(idx.size());
  for (const auto& [k, v] : idx) out.push_back(k);
  std::sort(out.begin(), out.end());
  return out;
}

struct RefChecker {
  const Dataset& data;
  std::vector<Diagnostic>& diags;
  std::map<std::string_view, std::vector<std::string_view>> candidates;

  void check(const Source& src, std::string_view field, const std::string& id,
             std::string_view kind, std::string_view kind_zh,
             const IdIndex& index) {
    if (id.empty() || index.find(std::string_view(id)) != index.end()) return;
    auto& cands = candidates[kind];
    if (cands.empty()) cands = keys_of(index);
    auto hint = closest_match(id, cands);
    Diagnostic d;
    d.rule = "L006";
    d.where = data.locate(src.field(field));
    d.yaml_path = src.path + "." + std::string(field);
    d.subject = id;
    d.message = {fmt::format("引用了不存在的{}「{}」{}", kind_zh, id,
                             hint.empty() ? "" : fmt::format("（是否想写「{}」？）", hint)),
                 fmt::format("unknown {} '{}'{}", kind, id,
                             hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint))};
    diags.push_back(std::move(d));
  }
};

}  // namespace

void check_references(const Dataset& data, std::vector<Diagnostic>& diags) {
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
}

}  // namespace xuncha::load::detail
