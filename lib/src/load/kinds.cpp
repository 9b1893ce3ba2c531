// The kind registry: every `kind:` the loader reads, its decoder and its field table.
// A new kind is a decode_<kind>.cpp (field table + decoder, declared in decoder.hpp) and one line
// here; `xuncha schema` and the "expected one of" messages pick it up from this table.
#include "decoder.hpp"

#include <algorithm>

namespace xuncha::load::detail {
namespace {

// Sorted by kind.
const KindEntry registry[] = {
    {"appointments", decode_appointments, appointments_document},
    {"calendar", decode_calendar, calendar_document},
    {"hazards", decode_hazards, hazards_document},
    {"leads", decode_leads, leads_document},
    {"lookbacks", decode_lookbacks, lookbacks_document},
    {"people", decode_people, people_document},
    {"policy", decode_policy, policy_document},
    {"problems", decode_problems, problems_document},
    {"public_reports", decode_public_reports, public_reports_document},
    {"regions", decode_regions, regions_document},
    {"schedule", decode_schedule, schedule_document},
    {"teams", decode_teams, teams_document},
    {"tours", decode_tours, tours_document},
    {"units", decode_units, units_document},
};

}  // namespace

std::span<const KindEntry> kind_registry() { return registry; }

const KindEntry* find_kind(std::string_view kind) {
  for (const auto& k : registry)
    if (k.kind == kind) return &k;
  return nullptr;
}

}  // namespace xuncha::load::detail

namespace xuncha::load {

const std::vector<std::string_view>& known_kinds() {
  static const std::vector<std::string_view> kinds = [] {
    std::vector<std::string_view> out;
    for (const auto& k : detail::kind_registry()) out.push_back(k.kind);
    std::sort(out.begin(), out.end());
    return out;
  }();
  return kinds;
}

}  // namespace xuncha::load
