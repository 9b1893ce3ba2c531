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

// A reference to a record that was rejected, or one made while a file could not be read whole,
// is not an error of its own: the error to fix is the rejection or the file. Each is counted
// into one note (severity info) at the rejected record or the file.
struct Rejected {
  Mark at;
  std::string_view kind_zh;
  std::size_t references = 0;
};

struct RefChecker {
  const Dataset& data;
  std::vector<Diagnostic>& diags;
  std::map<std::pair<std::string_view, std::string_view>, Rejected> rejected;  ///< (kind, id)
  std::vector<std::string_view> incomplete_files;
  std::size_t unchecked = 0;  ///< references not reported while a file is incomplete
  std::map<std::string_view, std::vector<std::string_view>> candidates;

  void check(const Source& src, std::string_view field, const std::string& id,
             std::string_view kind, std::string_view kind_zh,
             const IdIndex& index) {
    if (id.empty() || index.find(std::string_view(id)) != index.end()) return;
    if (auto r = rejected.find({kind, std::string_view(id)}); r != rejected.end()) {
      r->second.kind_zh = kind_zh;
      ++r->second.references;
      return;
    }
    if (!incomplete_files.empty()) {
      ++unchecked;
      return;
    }
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

  // The notes: one per rejected record that is referred to, one per incomplete file.
  void notes() {
    for (const auto& [key, r] : rejected) {
      if (r.references == 0) continue;
      Diagnostic d;
      d.rule = "L006";
      d.severity = Severity::info;
      d.where = data.locate(r.at);
      d.subject = std::string(key.second);
      d.message = {fmt::format("另有 {} 处引用了{}「{}」，该记录因上述错误未被读入；修正后这些引用即可解析",
                               r.references, r.kind_zh, key.second),
                   fmt::format("{} reference{} to {} '{}', which was rejected here; fixing this record resolves {}",
                               r.references, r.references == 1 ? "" : "s", key.first, key.second,
                               r.references == 1 ? "it" : "them")};
      diags.push_back(std::move(d));
    }
    if (unchecked == 0) return;
    // One note, at the first such file: the count covers them all.
    std::size_t others = incomplete_files.size() - 1;
    Diagnostic d;
    d.rule = "L006";
    d.severity = Severity::info;
    d.where = {std::string(incomplete_files.front()), 0, 0};
    d.message = {fmt::format("{} 处对未知编号的引用未予报告：本文件{}未能完整读入，所缺的记录可能在其中；先修正其错误",
                             unchecked, others ? fmt::format("及另外 {} 个文件", others) : std::string()),
                 fmt::format("{} reference{} to unknown ids not reported: this file{} could not be read whole and "
                             "may hold them; fix {} first",
                             unchecked, unchecked == 1 ? "" : "s",
                             others ? fmt::format(" and {} other{}", others, others == 1 ? "" : "s") : std::string(),
                             others ? "those errors" : "its error")};
    diags.push_back(std::move(d));
  }
};

// A ledger record without a region takes its tour's.
template <class T>
void region_from_tour(const Dataset& data, T& x) {
  if (!x.region.empty()) return;
  if (const Tour* t = data.tour(x.tour)) x.region = t->region;
}

// The problem ledger's references (problems, hazards, leads, public reports, look-backs).
void check_ledger_refs(Dataset& data, RefChecker& refs) {
  auto& l = data.ledger;
  for (auto& p : l.problems) {
    refs.check(p.src, "tour", p.tour, "tour", "巡查", data.tour_index);
    refs.check(p.src, "region", p.region, "region", "地区", data.region_index);
    refs.check(p.src, "hazard", p.hazard, "hazard", "挂牌隐患", data.hazard_index);
    refs.check(p.src, "relapse_of", p.relapse_of, "problem", "问题", data.problem_index);
    for (std::size_t k = 0; k < p.leads.size(); ++k)
      refs.check(p.src, fmt::format("leads[{}]", k), p.leads[k], "lead", "问题线索", data.lead_index);
    region_from_tour(data, p);
  }
  for (auto& h : l.hazards) {
    refs.check(h.src, "region", h.region, "region", "地区", data.region_index);
    refs.check(h.src, "tour", h.tour, "tour", "巡查", data.tour_index);
  }
  for (auto& x : l.leads) {
    refs.check(x.src, "tour", x.tour, "tour", "巡查", data.tour_index);
    refs.check(x.src, "region", x.region, "region", "地区", data.region_index);
    region_from_tour(data, x);
  }
  for (auto& x : l.reports) {
    refs.check(x.src, "tour", x.tour, "tour", "巡查", data.tour_index);
    refs.check(x.src, "region", x.region, "region", "地区", data.region_index);
    region_from_tour(data, x);
  }
  for (auto& x : l.lookbacks) {
    refs.check(x.src, "region", x.region, "region", "地区", data.region_index);
    refs.check(x.src, "tour", x.tour, "tour", "巡查", data.tour_index);
    for (std::size_t k = 0; k < x.items.size(); ++k) {
      refs.check(x.src, fmt::format("items[{}].problem", k), x.items[k].problem, "problem", "问题", data.problem_index);
      refs.check(x.src, fmt::format("items[{}].hazard", k), x.items[k].hazard, "hazard", "挂牌隐患", data.hazard_index);
    }
  }
}

}  // namespace

void check_references(Dataset& data, const std::vector<FileData>& files, std::vector<Diagnostic>& diags) {
  RefChecker refs{data, diags, {}, {}, 0, {}};
  for (std::size_t i = 0; i < files.size(); ++i) {
    for (const auto& r : files[i].rejected) refs.rejected.try_emplace({r.kind, std::string_view(r.id)}, Rejected{r.at, {}, 0});
    if (files[i].incomplete) refs.incomplete_files.push_back(data.files[i]);
  }
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
  refs.notes();
}

}  // namespace xuncha::load::detail
