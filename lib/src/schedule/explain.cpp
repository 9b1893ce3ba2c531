// --explain: why each region went where it went.
#include "solver.hpp"

#include <map>
#include <set>

namespace xuncha::schedule::detail {

void Solver::explain() {
  // Why each region went where it went.
  std::map<int, long long> load;
  for (int k = 0; k < K_; ++k) load[year_of_round(k)] = at(round_load_, k);
  for (const auto& r : regions_) {
    const Region& reg = at(data_.regions, r.data_index);
    std::vector<int> chosen;
    std::set<int> possible;
    for (const auto& pat : r.patterns)
      for (int k : pat) possible.insert(year_of_round(k));
    for (int it : r.items)
      if (at(items_, it).slot >= 0) chosen.push_back(year_of_round(at(items_, it).round));
    std::sort(chosen.begin(), chosen.end());
    std::string last_zh = r.last ? fmt::format("上次省级巡查 {} 年", r.last) : "无省级巡查记录";
    std::string last_en = r.last ? fmt::format("last provincial tour {}", r.last) : "no provincial tour on record";
    std::string sc_zh = r.council.empty() ? "" : fmt::format("，国务院安委会 {} 年巡查", years_text(r.council));
    std::string sc_en = r.council.empty() ? "" : fmt::format(", State Council in {}", years_text(r.council));
    std::string fixed_zh = r.fixed.empty() ? "" : fmt::format("，已定 {} 年", years_text(r.fixed));
    std::string fixed_en = r.fixed.empty() ? "" : fmt::format(", already set for {}", years_text(r.fixed));
    // A season (policy months_by_class or the region's months): only those months are planned.
    if (r.months != 0xFFFu) {
      fixed_zh += fmt::format("，只在 {} 月进驻", months_text(r.months, true));
      fixed_en += fmt::format(", on site only in months {}", months_text(r.months, false));
    }
    if (!r.blocked->empty()) {
      fixed_zh += fmt::format("，{} 不进驻", blocked_text(*r.blocked, true));
      fixed_en += fmt::format(", never on site in {}", blocked_text(*r.blocked, false));
    }
    Message why;
    if (r.items.empty() && !r.last && r.fixed.empty() && r.coverage_last + pol_.coverage_years > H_) {
      // Never toured: due in its first possible year, which lies after the horizon.
      int first = r.coverage_last + pol_.coverage_years;
      why = {fmt::format("首个可巡查的年份为 {} 年，在本期之后", first),
             fmt::format("its first possible year is {}, after the horizon", first)};
    } else if (r.items.empty()) {
      why = {"期内无需再安排", "no further tour needed in the horizon"};
    } else if (r.patterns.size() == 1) {
      why = {"唯一可行的年份", "the only years that keep it covered"};
    } else {
      int earliest = *possible.begin();
      if (chosen.front() == earliest)
        why = {fmt::format("风险权重 {}，尽早安排", r.risk), fmt::format("risk {}: as early as possible", r.risk)};
      else
        why = {fmt::format("{} 年已较满（{} 个巡查日），为平衡各轮推后", earliest, load[earliest]),
               fmt::format("{} was fuller ({} tour-days): later to balance the rounds", earliest, load[earliest])};
    }
    std::string extra_zh, extra_en;
    int needed = r.items.empty() ? 0 : r.fewest;
    int more = size_of(chosen) - needed;
    if (more > 0) {
      // Coverage needs `needed`; the extra tour is a fallback, never "needed" (issue 25, item 8).
      extra_zh = fmt::format("，另多安排 {} 次（按最少次数未找到可行安排）", more);
      extra_en = fmt::format(", and {} more planned (no schedule with the fewest tours was found)", more);
    }
    if (r.beyond_horizon > 0) {
      int n = r.beyond_horizon;
      extra_zh += fmt::format("（其中 {} 次使 {} 年以后仍能按期覆盖：期末之后的下一轮来不及）", n, H_);
      extra_en += fmt::format(" ({} of them so that it stays coverable after {}: the next round after the horizon comes too late)",
                              n, H_);
    }
    res_.explanations.push_back(
        {reg.id,
         {fmt::format("{}（{}）：{}{}{}；可选年份 {}；需 {} 次{}；安排在 {}：{}", reg.name, reg.id, last_zh, sc_zh, fixed_zh,
                      years_text({possible.begin(), possible.end()}), needed, extra_zh, years_text(chosen), why.zh),
          fmt::format("{}: {}{}{}; possible years {}; {} {} needed{}; placed in {}: {}", reg.id, last_en, sc_en,
                      fixed_en, years_text({possible.begin(), possible.end()}), needed, needed == 1 ? "tour" : "tours",
                      extra_en, years_text(chosen), why.en)},
         size_of(chosen), needed});
  }
}

}  // namespace xuncha::schedule::detail
