// iCalendar (RFC 5545): content lines, and the schedule and deadlines as calendars.
#include "ics.hpp"

#include <fmt/format.h>

namespace xuncha::cli::ics {

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

std::string line(std::string_view content) {
  std::string out;
  std::size_t col = 0;
  for (std::size_t i = 0; i < content.size();) {
    auto c = static_cast<unsigned char>(content[i]);
    std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    len = std::min(len, content.size() - i);
    if (col + len > 75) {
      out += "\r\n ";
      col = 1;
    }
    out.append(content.substr(i, len));
    col += len;
    i += len;
  }
  return out + "\r\n";
}

std::string date_value(std::string_view iso) {
  std::string out;
  for (char c : iso)
    if (c != '-') out += c;
  return out;
}

}  // namespace xuncha::cli::ics

namespace xuncha::cli {

std::string schedule_ics(const Context& ctx, const ScheduleView& v) {
  std::string stamp = ics::date_value(format_iso(ctx.as_of)) + "T000000Z";
  std::string out;
  out += ics::line("BEGIN:VCALENDAR");
  out += ics::line("VERSION:2.0");
  out += ics::line("PRODID:-//xuncha//schedule " XUNCHA_VERSION "//EN");
  out += ics::line("CALSCALE:GREGORIAN");
  out += ics::line("X-WR-CALNAME:" + ics::escape(schedule_title(ctx, v)));
  for (const auto& t : v.result.tours) {
    if (!t.start || !t.end) continue;
    std::string name = region_name(v, t.region);
    out += ics::line("BEGIN:VEVENT");
    out += ics::line("UID:" + t.id + "@xuncha");
    out += ics::line("DTSTAMP:" + stamp);
    out += ics::line("DTSTART;VALUE=DATE:" + ics::date_value(format_iso(*t.start)));
    out += ics::line("DTEND;VALUE=DATE:" + ics::date_value(format_iso(*t.end + date::days{1})));
    out += ics::line("SUMMARY:" + ics::escape(ctx.zh ? fmt::format("巡查{}（{}）", name, team_label(ctx, t))
                                                     : fmt::format("Inspection tour: {} ({})", name, team_label(ctx, t))));
    out += ics::line("END:VEVENT");
    struct Due {
      std::string_view key, zh, en;
      Date date;
    };
    const Due dues[] = {{"report", "报送巡查报告", "report due", t.report_due},
                        {"plan", "报送整改方案（估计）", "rectification plan due (estimate)", t.plan_due},
                        {"results", "报送整改结果（估计）", "rectification results due (estimate)", t.results_due}};
    for (const auto& d : dues) {
      out += ics::line("BEGIN:VTODO");
      out += ics::line(fmt::format("UID:{}-{}@xuncha", t.id, d.key));
      out += ics::line("DTSTAMP:" + stamp);
      out += ics::line("DUE;VALUE=DATE:" + ics::date_value(format_iso(d.date)));
      // A date in a year the working-day calendar does not cover is counted with weekends only.
      bool beyond = beyond_calendar(v, d.date);
      out += ics::line("SUMMARY:" + ics::escape(ctx.zh ? fmt::format("{}：{}{}", name, d.zh, beyond ? "（按周末估算）" : "")
                                                       : fmt::format("{}: {}{}", t.region, d.en,
                                                                     beyond ? " (estimated: weekends only)" : "")));
      out += ics::line("RELATED-TO:" + t.id + "@xuncha");
      out += ics::line("END:VTODO");
    }
  }
  out += ics::line("END:VCALENDAR");
  return out;
}

std::string deadlines_ics(const Context& ctx, const Dataset& data, const std::vector<deadlines::Row>& rows,
                          const std::string& extra) {
  std::string out;
  out += ics::line("BEGIN:VCALENDAR");
  out += ics::line("VERSION:2.0");
  out += ics::line("PRODID:-//xuncha//deadlines " XUNCHA_VERSION "//EN");
  out += ics::line("CALSCALE:GREGORIAN");
  std::string stamp = ics::date_value(format_iso(ctx.as_of)) + "T000000Z";
  for (const auto& r : rows) {
    if (!r.due) continue;
    const Region* reg = data.region(r.tour->region);
    out += ics::line("BEGIN:VTODO");
    out += ics::line(fmt::format("UID:{}-{}@xuncha", r.tour->id, milestone_names[static_cast<std::size_t>(r.step)]));
    out += ics::line("DTSTAMP:" + stamp);
    out += ics::line("DUE;VALUE=DATE:" + ics::date_value(format_iso(*r.due)));
    out += ics::line("SUMMARY:" + ics::escape(fmt::format("{} {} {}", r.tour->id, reg ? reg->name : r.tour->region,
                                                          std::string(ctx.zh ? milestone_zh[static_cast<std::size_t>(r.step)] : milestone_names[static_cast<std::size_t>(r.step)]))));
    if (r.done) {
      out += ics::line("STATUS:COMPLETED");
      out += ics::line("COMPLETED:" + ics::date_value(format_iso(*r.done)) + "T000000Z");
    } else {
      out += ics::line("STATUS:NEEDS-ACTION");
    }
    out += ics::line("END:VTODO");
  }
  out += extra;
  out += ics::line("END:VCALENDAR");
  return out;
}

}  // namespace xuncha::cli
