// The team rules' building blocks (xuncha/rules/team_rules.hpp).
#include <xuncha/rules/team_rules.hpp>

#include <fmt/format.h>

namespace xuncha::rules {
namespace {

std::string rank_text(Rank r) {
  return r == Rank::none ? std::string("无职级") : std::string(rank_zh[static_cast<std::size_t>(r)]);
}
std::string rank_text_en(Rank r) {
  return r == Rank::none ? std::string("no rank") : std::string(rank_zh[static_cast<std::size_t>(r)]);
}

}  // namespace

std::string Faults::joined_zh() const {
  std::string s;
  for (const auto& x : zh) s += (s.empty() ? "" : "，") + x;
  return s;
}

std::string Faults::joined_en() const {
  std::string s;
  for (const auto& x : en) s += (s.empty() ? "" : "; ") + x;
  return s;
}

Faults leader_faults(const Person& p) {
  Faults f;
  if (!is_bureau_level(p.rank))
    f.add(fmt::format("职级为{}，不是厅级", rank_text(p.rank)),
          fmt::format("rank {} is not bureau level (正厅/副厅)", rank_text_en(p.rank)));
  if (!p.safety_supervision) f.add("不熟悉安全监管工作", "does not know safety supervision");
  return f;
}

Faults deputy_faults(const Person& p) {
  Faults f;
  if (!is_division_level(p.rank))
    f.add(fmt::format("职级为{}，不是处级", rank_text(p.rank)),
          fmt::format("rank {} is not division level (正处/副处)", rank_text_en(p.rank)));
  if (!p.serving) f.add("不是现职干部", "is not serving");
  if (!p.safety_supervision) f.add("不从事安全监管工作", "does not work in safety supervision");
  return f;
}

bool in_committee(const Dataset& data, const Person& p) {
  const Unit* u = data.unit(p.unit);
  return !u || u->committee_member;  // unknown units are reported by the loader
}

bool from_emergency_management(const Dataset& data, const Person& p) {
  const Unit* u = data.unit(p.unit);
  return !u || u->emergency_management;
}

// Conflict of interest between a person and a region: their unit sits there or they come from it.
Faults conflict(const Dataset& data, const Person& p, const std::string& region) {
  Faults f;
  if (region.empty()) return f;
  const Unit* u = data.unit(p.unit);
  if (u && u->region == region)
    f.add(fmt::format("其单位{}（{}）位于该地区", u->name, u->id),
          fmt::format("their unit {} ({}) sits there", u->name, u->id));
  if (p.home_region == region) f.add("该地区是其家乡", "it is their home region");
  return f;
}

Faults role_faults(const Dataset& data, Role role, const Person& p) {
  Faults f;
  switch (role) {
    case Role::leader: f = leader_faults(p); break;
    case Role::deputy: f = deputy_faults(p); break;
    case Role::liaison:
      if (!from_emergency_management(data, p)) f.add("不是应急管理部门的", "not from the emergency management department");
      break;
    case Role::member: break;
    case Role::expert:
      if (!p.expert) f.add("不在专家库中", "not in the expert pool");
      break;
  }
  if (role != Role::expert && !in_committee(data, p))
    f.add("单位不是省安委会成员单位", "unit is not a safety committee member");
  return f;
}

bool dated(const Tour& t) { return t.start && t.end && !(*t.end < *t.start); }

}  // namespace xuncha::rules
