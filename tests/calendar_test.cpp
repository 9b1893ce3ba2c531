#include <doctest/doctest.h>

#include <xuncha/calendar/calendar.hpp>

using namespace xuncha;

namespace {
Date d(const char* s) { return *parse_iso_date(s); }
const Calendar& cn() {
  static const Calendar cal(Calendar::bundled_years());
  return cal;
}
struct Block {
  const char* first;
  const char* last;
  const char* name;
};
}  // namespace

TEST_CASE("bundled calendar covers 2015-2026 and nothing else") {
  CHECK(cn().first_year() == 2015);
  CHECK(cn().last_year() == 2026);
  CHECK(cn().covers(2015));
  CHECK(cn().covers(2026));
  CHECK_FALSE(cn().covers(2014));
  CHECK_FALSE(cn().covers(2027));
  CHECK(cn().first_uncovered(d("2026-12-30"), d("2027-01-05")) == 2027);
  CHECK_FALSE(cn().first_uncovered(d("2015-01-01"), d("2026-12-31")));
}

TEST_CASE("every Spring Festival and National Day block is off, named, and skipped by add") {
  const Block blocks[] = {
      {"2015-02-18", "2015-02-24", "Spring Festival"}, {"2016-02-07", "2016-02-13", "Spring Festival"},
      {"2017-01-27", "2017-02-02", "Spring Festival"}, {"2018-02-15", "2018-02-21", "Spring Festival"},
      {"2019-02-04", "2019-02-10", "Spring Festival"}, {"2020-01-24", "2020-02-02", "Spring Festival"},
      {"2021-02-11", "2021-02-17", "Spring Festival"}, {"2022-01-31", "2022-02-06", "Spring Festival"},
      {"2023-01-21", "2023-01-27", "Spring Festival"}, {"2024-02-10", "2024-02-17", "Spring Festival"},
      {"2025-01-28", "2025-02-04", "Spring Festival"}, {"2026-02-15", "2026-02-23", "Spring Festival"},
      {"2015-10-01", "2015-10-07", "National Day"},    {"2016-10-01", "2016-10-07", "National Day"},
      {"2017-10-01", "2017-10-08", "Mid-Autumn Festival and National Day"},
      {"2018-10-01", "2018-10-07", "National Day"},    {"2019-10-01", "2019-10-07", "National Day"},
      {"2020-10-01", "2020-10-08", "Mid-Autumn Festival and National Day"},
      {"2021-10-01", "2021-10-07", "National Day"},    {"2022-10-01", "2022-10-07", "National Day"},
      {"2023-09-29", "2023-10-06", "Mid-Autumn Festival and National Day"},
      {"2024-10-01", "2024-10-07", "National Day"},
      {"2025-10-01", "2025-10-08", "Mid-Autumn Festival and National Day"},
      {"2026-10-01", "2026-10-07", "National Day"},
  };
  for (const auto& b : blocks) {
    CAPTURE(b.first);
    Date first = d(b.first), last = d(b.last);
    for (Date x = first; x <= last; x += date::days{1}) {
      CHECK_FALSE(cn().is_workday(x));
      CHECK(cn().kind(x) == Calendar::DayKind::holiday);
      CHECK(cn().holiday_name(x).en == b.name);
    }
    CHECK(cn().workdays_between(first - date::days{1}, last) == 0);
    // The first working day after the block is what "1 working day after" its eve gives.
    Date after = cn().add_workdays(last, 1);
    CHECK(cn().is_workday(after));
    CHECK(cn().workdays_between(last, after) == 1);
  }
}

TEST_CASE("2020 extension: the 2020-02-01 makeup day was cancelled") {
  CHECK_FALSE(cn().is_workday(d("2020-01-31")));
  CHECK_FALSE(cn().is_workday(d("2020-02-01")));
  CHECK_FALSE(cn().is_workday(d("2020-02-02")));
  CHECK(cn().is_workday(d("2020-02-03")));
  CHECK(cn().add_workdays(d("2020-01-23"), 1) == d("2020-02-03"));
  CHECK(cn().is_workday(d("2020-01-19")));  // a makeup Sunday
}

TEST_CASE("2019 Labour Day follows the revised notice") {
  for (auto s : {"2019-05-01", "2019-05-02", "2019-05-03", "2019-05-04"}) {
    CHECK_FALSE(cn().is_workday(d(s)));
    CHECK(cn().holiday_name(d(s)).en == "Labour Day");
  }
  CHECK(cn().is_workday(d("2019-04-28")));  // Sunday, makeup
  CHECK(cn().is_workday(d("2019-05-05")));  // Sunday, makeup
  CHECK(cn().kind(d("2019-05-05")) == Calendar::DayKind::makeup_workday);
  CHECK(cn().add_workdays(d("2019-04-30"), 1) == d("2019-05-05"));
}

TEST_CASE("makeup Saturdays and Sundays count; ordinary weekends do not") {
  CHECK(cn().is_workday(d("2026-01-04")));  // Sunday
  CHECK(cn().is_workday(d("2026-02-28")));  // Saturday
  CHECK(cn().is_workday(d("2026-10-10")));  // Saturday
  CHECK_FALSE(cn().is_workday(d("2026-11-28")));
  CHECK(cn().kind(d("2026-11-29")) == Calendar::DayKind::weekend);
  CHECK(cn().add_workdays(d("2026-02-13"), 1) == d("2026-02-14"));  // makeup Saturday
}

TEST_CASE("add and between are inverse; N = 0 is the day itself; negative counts back") {
  CHECK(cn().add_workdays(d("2026-11-29"), 0) == d("2026-11-29"));
  CHECK(cn().add_workdays(d("2026-11-13"), 15) == d("2026-12-04"));
  CHECK(cn().add_workdays(d("2023-09-18"), 15) == d("2023-10-13"));  // across National Day
  CHECK(cn().workdays_between(d("2023-09-18"), d("2023-10-13")) == 15);
  CHECK(cn().add_workdays(d("2026-10-09"), -1) == d("2026-10-08"));
  CHECK(cn().add_workdays(d("2026-10-08"), -1) == d("2026-09-30"));
  CHECK(cn().add_workdays(d("2026-10-12"), -2) == d("2026-10-09"));
  CHECK(cn().workdays_between(d("2026-10-12"), d("2026-10-09")) == -2);
  for (int n = 0; n < 400; n += 7) {
    Date x = cn().add_workdays(d("2019-12-20"), n);
    CHECK(cn().workdays_between(d("2019-12-20"), x) == n);
  }
}

TEST_CASE("months: same day, clamped to the month end, rolled to a working day") {
  CHECK(add_months_clamped(d("2025-12-31"), 2) == d("2026-02-28"));
  CHECK(add_months_clamped(d("2023-12-31"), 2) == d("2024-02-29"));  // leap year
  CHECK(add_months_clamped(d("2024-02-29"), 12) == d("2025-02-28"));
  CHECK(add_months_clamped(d("2024-08-31"), 1) == d("2024-09-30"));
  // 2026-02-28 is a makeup Saturday: a working day, so no roll.
  CHECK(cn().add_months(d("2025-12-31"), 2, true) == d("2026-02-28"));
  // 2026-08-29 is a Saturday: rolls to Monday 2026-08-31 (Civil Code art. 203).
  CHECK(cn().add_months(d("2026-06-29"), 2, true) == d("2026-08-31"));
  CHECK(cn().add_months(d("2026-06-29"), 2, false) == d("2026-08-29"));
  // Lands in National Day: rolls past the whole holiday.
  CHECK(cn().add_months(d("2026-08-01"), 2, true) == d("2026-10-08"));
}

TEST_CASE("a --calendar year adds coverage and replaces a notice year") {
  std::vector<CalendarYear> years = Calendar::bundled_years();
  years.push_back({2027, {d("2027-01-01")}, {}});
  years.push_back({2026, {}, {}});  // a local override of 2026 without its holidays
  Calendar cal(years);
  CHECK(cal.covers(2027));
  CHECK_FALSE(cal.is_workday(d("2027-01-01")));
  CHECK(cal.is_workday(d("2026-10-05")));
  CHECK(cal.kind(d("2026-10-10")) == Calendar::DayKind::weekend);
}

#include <xuncha/load/loader.hpp>

#include "test_util.hpp"


TEST_CASE("the compiled-in calendar tables are data/cn-calendar.yaml as the loader reads it") {
  std::vector<load::InputFile> inputs{
      {"cn-calendar.yaml", xuncha::test::read_file(XUNCHA_SOURCE_DIR "/data/cn-calendar.yaml"), load::InputRole::calendar}};
  auto loaded = load::load(std::move(inputs));
  REQUIRE(loaded.ok());
  const auto& compiled = Calendar::bundled_years();
  REQUIRE(compiled.size() == loaded.data.calendar_years.size());
  for (std::size_t i = 0; i < compiled.size(); ++i) {
    CAPTURE(compiled[i].year);
    CHECK(compiled[i].year == loaded.data.calendar_years[i].year);
    CHECK(compiled[i].holidays == loaded.data.calendar_years[i].holidays);
    CHECK(compiled[i].workdays == loaded.data.calendar_years[i].workdays);
  }
}
