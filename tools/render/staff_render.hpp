#pragma once
// Renderers of the team plan (xuncha staff): text, yaml, json, csv, html, xlsx.
#include "base/context.hpp"
#include "render/json.hpp"
#include "base/terminal.hpp"

#include <xuncha/staff/staff.hpp>

#include <string>
#include <vector>

namespace xuncha::cli {

struct StaffView {
  const Dataset& data;
  const staff::Result& result;
  const staff::Options& options;
  bool explain = false;
  bool schedule_given = false;     ///< the tours came from --schedule (the yaml repeats them with their teams)
  const Json* diff = nullptr;      ///< --keep: the changes against the earlier plan (xuncha diff's json)
};

inline const std::vector<std::string> staff_formats{"text", "yaml", "json", "csv", "html", "xlsx"};

/// The footnote on the per-person days cap (policy staff_max_days), shown under every team plan.
Message day_cap_note(const Policy& p);

std::string staff_text(const Context& ctx, const StaffView& v);
std::string staff_yaml(const Context& ctx, const StaffView& v);
std::string staff_json(const Context& ctx, const StaffView& v);
std::string staff_csv(const Context& ctx, const StaffView& v);
std::string staff_html(const Context& ctx, const StaffView& v);
/// One sheet, a row per seat of each tour, as the csv (dates are dates, roles in the language).
std::string staff_xlsx(const Context& ctx, const StaffView& v);

}  // namespace xuncha::cli
