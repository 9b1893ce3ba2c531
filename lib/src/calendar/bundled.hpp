#pragma once
// The bundled calendar as compiled-in tables, generated at build time from data/cn-calendar.yaml
// by cmake/calendar_data.cmake (no YAML is parsed at start-up).
#include <span>

namespace xuncha::detail {

struct BundledDate {
  short year;
  unsigned char month, day;
};

struct BundledYear {
  int year;
  std::span<const BundledDate> holidays;
  std::span<const BundledDate> workdays;
};

std::span<const BundledYear> bundled_calendar();

}  // namespace xuncha::detail
