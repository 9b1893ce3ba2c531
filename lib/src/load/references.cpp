// References across files: every id a record names must exist (with a "did you mean").
#include "decoder.hpp"

#include <xuncha/core/suggest.hpp>

#include <algorithm>
#include <map>
#include <optional>

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

// A record of a kind whose id is lost (missing, not a valid id, a duplicate): references to an
// unknown id of that kind may be meant for it.
struct Lost {
  Mark at;
  std::string_view id;  ///< as written ("p 002"; for a duplicate, the id it repeats)
  std::string_view kind_zh;
  std::size_t references = 0;
  std::vector<std::string_view> examples;  ///< the first few ids referred to
};

// "p 002" was meant to be "p002": the same text without blanks, or a near one.
bool near_id(std::string_view written, std::string_view id) {
  std::string squeezed;
  for (char c : written)
    if (c != ' ' && c != '\t') squeezed += c;
  return squeezed == id || (!squeezed.empty() && closest_match(id, {std::string_view(squeezed)}) == squeezed);
}

// Keeps the first few distinct ids a note will name.
void add_example(std::vector<std::string_view>& examples, std::string_view id) {
  if (examples.size() < 3 && std::find(examples.begin(), examples.end(), id) == examples.end()) examples.push_back(id);
}

std::string examples_text(const std::vector<std::string_view>& ids, std::size_t total) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "'" : ", '") + std::string(id) + "'";
  return total > ids.size() ? out + ", ..." : out;
}

struct RefChecker {
  const Dataset& data;
  std::vector<Diagnostic>& diags;
  std::map<std::pair<std::string_view, std::string_view>, Rejected> rejected;  ///< (kind, id)
  std::map<std::string_view, std::vector<Lost>> lost;                           ///< by kind
  std::vector<std::string_view> incomplete_files;  ///< YAML files not read whole
  std::vector<std::string_view> spreadsheets;      ///< spreadsheets beside the data, not read
  std::size_t unchecked = 0;  ///< references not reported while a file is incomplete
  std::vector<std::string_view> unchecked_examples;
  std::map<std::string_view, std::vector<std::string_view>> candidates;

  /// The people who could hold `role` by their record (rank, expert entry): a "did you mean"
  /// for a team's leader offers a bureau-level cadre, never a deputy whose id is one letter off.
  std::map<std::size_t, std::vector<std::string_view>> role_candidates;
  const std::vector<std::string_view>* fitting(std::size_t role) {
    auto [it, fresh] = role_candidates.try_emplace(role);
    if (fresh)
      for (const auto& p : data.people) {
        bool fits = false;
        switch (static_cast<Role>(role)) {
          case Role::leader: fits = p.rank >= Rank::deputy_bureau && !p.expert; break;
          case Role::deputy: fits = (p.rank == Rank::division || p.rank == Rank::deputy_division) && !p.expert; break;
          case Role::liaison:
          case Role::member: fits = !p.expert; break;
          case Role::expert: fits = p.expert.has_value(); break;
        }
        if (fits) it->second.push_back(p.id);
      }
    return it->second.empty() ? nullptr : &it->second;
  }

  void check(const Source& src, std::string_view field, const std::string& id,
             std::string_view kind, std::string_view kind_zh,
             const IdIndex& index, std::optional<std::size_t> role = std::nullopt) {
    if (id.empty() || index.find(std::string_view(id)) != index.end()) return;
    if (auto r = rejected.find({kind, std::string_view(id)}); r != rejected.end()) {
      r->second.kind_zh = kind_zh;
      ++r->second.references;
      return;
    }
    pending.push_back({kind, kind_zh, id, data.locate(src.field(field)), src.path + "." + std::string(field), &index,
                       role ? fitting(*role) : nullptr});
  }

  // The unknown references, decided per id once all are known (how often an id is referred to
  // tells a repeated reference to a lost record from a one-off typo).
  struct Pending {
    std::string_view kind, kind_zh;
    std::string id;
    Location where;
    std::string yaml_path;
    const IdIndex* index;
    const std::vector<std::string_view>* slot = nullptr;  ///< ids that fit the slot (a team role), if known
  };
  std::vector<Pending> pending;

  void resolve() {
    std::map<std::pair<std::string_view, std::string_view>, std::size_t> uses;
    for (const auto& p : pending) ++uses[{p.kind, p.id}];
    for (const auto& p : pending) {
      auto& cands = candidates[p.kind];
      if (cands.empty()) cands = keys_of(*p.index);
      auto hint = closest_match(p.id, p.slot ? *p.slot : cands);
      // A record of this kind whose id was lost: the reference is its if the ids are near, or if
      // no existing id is near, or if the same id is referred to again and again (a typo seldom
      // is): then it is likely the id the duplicate or misspelt record was meant to have.
      if (auto l = lost.find(p.kind); l != lost.end()) {
        auto it = std::find_if(l->second.begin(), l->second.end(), [&](const Lost& x) {
          return p.index->find(x.id) == p.index->end() && near_id(x.id, p.id);  // (a duplicate's id exists)
        });
        if (it == l->second.end() && (hint.empty() || uses[{p.kind, p.id}] > 1)) it = l->second.begin();
        if (it != l->second.end()) {
          it->kind_zh = p.kind_zh;
          add_example(it->examples, p.id);
          ++it->references;
          continue;
        }
      }
      if (!incomplete_files.empty() || !spreadsheets.empty()) {
        add_example(unchecked_examples, p.id);
        ++unchecked;
        continue;
      }
      Diagnostic d;
      d.rule = "L006";
      d.where = p.where;
      d.yaml_path = p.yaml_path;
      d.subject = p.id;
      d.message = {fmt::format("引用了不存在的{}「{}」{}", p.kind_zh, p.id,
                               hint.empty() ? "" : fmt::format("（是否想写「{}」？）", hint)),
                   fmt::format("unknown {} '{}'{}", p.kind, p.id,
                               hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint))};
      // A list written with a full-width comma is one id: name the comma, not a near id.
      for (std::string_view comma : {"\uFF0C", "\u3001"}) {
        if (p.id.find(comma) == std::string::npos) continue;
        d.message = {fmt::format("引用了不存在的{}「{}」：其中的「{}」是全角标点，列表项之间请用半角逗号「,」分隔",
                                 p.kind_zh, p.id, comma),
                     fmt::format("unknown {} '{}': it holds a full-width comma '{}'; separate list items with ','",
                                 p.kind, p.id, comma)};
        break;
      }
      diags.push_back(std::move(d));
    }
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
    for (const auto& [kind, records] : lost) {
      for (const auto& l : records) {
      if (l.references == 0) continue;
      Diagnostic d;
      d.rule = "L006";
      d.severity = Severity::info;
      d.where = data.locate(l.at);
      d.message = {fmt::format("另有 {} 处引用了不存在的{}（{}），可能就是指这条编号有误的记录；修正后再检查",
                               l.references, l.kind_zh, examples_text(l.examples, l.references)),
                   fmt::format("{} reference{} to unknown {} ids ({}) may be meant for this record, whose id is "
                               "wrong; fix it and check again",
                               l.references, l.references == 1 ? "" : "s", kind, examples_text(l.examples, l.references))};
      diags.push_back(std::move(d));
      }
    }
    if (unchecked == 0) return;
    if (incomplete_files.empty()) {
      // Only spreadsheets can explain them: the likely cause is data saved in the wrong format.
      Diagnostic d;
      d.rule = "L006";
      d.where = {std::string(spreadsheets.front()), 0, 0};
      d.message = {fmt::format("{} 处引用了不存在的编号（{}）；本电子表格未被读取（xuncha 只读 YAML），这些记录可能在其中："
                               "请按 `xuncha schema` 所述的格式另存为 .yaml",
                               unchecked, examples_text(unchecked_examples, unchecked)),
                   fmt::format("{} reference{} to unknown ids ({}); this spreadsheet is not read (xuncha reads YAML "
                               "only) and may hold them: save it as .yaml in the format `xuncha schema` describes",
                               unchecked, unchecked == 1 ? "" : "s", examples_text(unchecked_examples, unchecked))};
      diags.push_back(std::move(d));
      return;
    }
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
    refs.check(p.src, "from_report", p.from_report, "public report", "群众举报", data.public_report_index);
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

void ledger_notes(const Dataset& data, std::vector<Diagnostic>& notes) {
  const auto& l = data.ledger;
  // Older data keep one evidence field for both the evidence on site and the proof of the fix;
  // while no problem records proof, closure takes evidence for it (R108) and says so once here.
  if (!l.records_proof()) {
    auto first = std::find_if(l.problems.begin(), l.problems.end(), [](const Problem& p) {
      return p.state == ProblemState::closed && !p.evidence.empty();
    });
    if (first != l.problems.end()) {
      Diagnostic d;
      d.severity = Severity::info;
      d.where = data.locate(first->src.field("evidence"));
      d.message = {"问题台账没有记录整改佐证材料（proof）：销号暂以现场证据（evidence）作为整改佐证；请为已销号的问题补记 proof",
                   "the ledger records no proof of rectification (proof): closure takes the evidence kept on site "
                   "(evidence) for it for now; record proof for the closed problems"};
      notes.push_back(std::move(d));
    }
  }
}

void check_references(Dataset& data, const std::vector<FileData>& files, std::vector<Diagnostic>& diags) {
  RefChecker refs{data, diags, {}, {}, {}, {}, 0, {}, {}, {}, {}};
  for (std::size_t i = 0; i < files.size(); ++i) {
    for (const auto& r : files[i].rejected) {
      if (r.lost) refs.lost[r.kind].push_back(Lost{r.at, r.id, {}, 0, {}});
      else refs.rejected.try_emplace({r.kind, std::string_view(r.id)}, Rejected{r.at, {}, 0});
    }
    if (files[i].spreadsheet) refs.spreadsheets.push_back(data.files[i]);
    else if (files[i].incomplete) refs.incomplete_files.push_back(data.files[i]);
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
                   "人员", data.person_index, role);
  }
  for (const auto& t : data.tours) {
    refs.check(t.src, "region", t.region, "region", "地区", data.region_index);
    refs.check(t.src, "team", t.team, "team", "巡查组", data.team_index);
    for (std::size_t k = 0; k < t.results_open.size(); ++k)
      refs.check(t.src, fmt::format("results_report.open[{}]", k), t.results_open[k], "problem", "问题", data.problem_index);
  }
  check_ledger_refs(data, refs);
  refs.resolve();
  refs.notes();
}

}  // namespace xuncha::load::detail
