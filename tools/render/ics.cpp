// iCalendar (RFC 5545): content lines, and the schedule and deadlines as calendars.
#include "render/ics.hpp"

#include "base/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace xuncha::cli::ics {

std::string escape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    auto step = utf8::next(s, i);
    i += step.bytes.size();
    char32_t c = step.code_point;
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out.append(step.bytes);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      // dropped: a CR LF line break is the LF's
    } else if (!step.valid || (c < 0x20 && c != '\t') || c == 0x7F) {
      out += "\xEF\xBF\xBD";  // TEXT holds no control characters (RFC 5545 3.3.11)
    } else {
      out.append(step.bytes);
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
namespace {

// English names of the procedure steps (the data's keys are not words for a calendar).
constexpr std::array<std::string_view, milestone_count> step_en{
    "tour notified", "team trained", "work plan approved", "tour published", "entry announced",
    "report submitted", "report approved", "feedback given", "rectification plan due",
    "rectification results due", "records archived", "look-back review"};

std::string step_text(const Context& ctx, Milestone m) {
  auto i = static_cast<std::size_t>(m);
  return std::string(ctx.zh ? milestone_zh[i] : step_en[i]);
}

// The domain-like part of every UID: one per province, so two provinces' tours with equal ids
// never collide in one calendar. Lowercase hex of the province's name (FNV-1a when long).
std::string uid_domain(const Dataset& data) {
  const std::string& p = data.policy.province;
  std::string label;
  for (char c : p) label += fmt::format("{:02x}", static_cast<unsigned char>(c));
  if (label.empty()) label = "province";
  if (label.size() > 60) {
    std::uint64_t h = 1469598103934665603ull;
    for (char c : p) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    label = fmt::format("{:016x}", h);
  }
  return label + ".xuncha";
}

// A UID's local part: the id with anything but letters, digits and - . _ percent-encoded.
std::string uid(std::string_view id, std::string_view suffix, const std::string& domain) {
  std::string local;
  for (char ch : std::string(id) + std::string(suffix)) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                c == '.' || c == '_';
    local += keep ? std::string(1, ch) : fmt::format("%{:02X}", c);
  }
  return "UID:" + local + "@" + domain;
}

// Revision fields: DTSTAMP and LAST-MODIFIED are --as-of; SEQUENCE counts days from 2000-01-01
// to --as-of, so a plan exported later replaces the events a calendar imported before.
std::string revision(const Context& ctx) {
  std::string stamp = ics::date_value(format_iso(ctx.as_of)) + "T000000Z";
  long long seq = std::max(0LL, static_cast<long long>((ctx.as_of - Date{date::year{2000} / 1 / 1}).count()));
  return ics::line("DTSTAMP:" + stamp) + ics::line("LAST-MODIFIED:" + stamp) +
         ics::line(fmt::format("SEQUENCE:{}", seq));
}

std::string begin_calendar(std::string_view what, const std::string& name) {
  std::string out;
  out += ics::line("BEGIN:VCALENDAR");
  out += ics::line("VERSION:2.0");
  out += ics::line(fmt::format("PRODID:-//xuncha//{} " XUNCHA_VERSION "//EN", what));
  out += ics::line("CALSCALE:GREGORIAN");
  if (!name.empty()) out += ics::line("X-WR-CALNAME:" + ics::escape(name));
  return out;
}

std::string all_day(Date d) { return ics::date_value(format_iso(d)); }

}  // namespace

std::string schedule_ics(const Context& ctx, const ScheduleView& v) {
  std::string domain = uid_domain(v.data);
  std::string rev = revision(ctx);
  std::string out = begin_calendar("schedule", schedule_title(ctx, v));
  for (const auto& t : v.result.tours) {
    if (!t.start || !t.end) continue;
    std::string name = region_name(v, t.region);
    out += ics::line("BEGIN:VEVENT");
    out += ics::line(uid(t.id, "", domain));
    out += rev;
    out += ics::line("DTSTART;VALUE=DATE:" + all_day(*t.start));
    out += ics::line("DTEND;VALUE=DATE:" + all_day(*t.end + date::days{1}));
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
      out += ics::line(uid(t.id, fmt::format("-{}", d.key), domain));
      out += rev;
      out += ics::line("DUE;VALUE=DATE:" + all_day(d.date));
      // A date in a year the working-day calendar does not cover is counted with weekends only.
      bool beyond = beyond_calendar(v, d.date);
      out += ics::line("SUMMARY:" + ics::escape(ctx.zh ? fmt::format("{}：{}{}", name, d.zh, beyond ? "（按周末估算）" : "")
                                                       : fmt::format("{}: {}{}", name, d.en,
                                                                     beyond ? " (estimated: weekends only)" : "")));
      out += ics::line("RELATED-TO:" + uid(t.id, "", domain).substr(4));
      out += ics::line("END:VTODO");
    }
  }
  out += ics::line("END:VCALENDAR");
  return out;
}

std::string ics_deadline(const Context& ctx, const Dataset& data, std::string_view local, Date due,
                         std::optional<Date> done, const std::string& summary, bool events) {
  std::string domain = uid_domain(data);
  std::string rev = revision(ctx);
  std::string out;
  out += ics::line("BEGIN:VTODO");
  out += ics::line(uid(local, "", domain));
  out += rev;
  out += ics::line("DUE;VALUE=DATE:" + all_day(due));
  out += ics::line("SUMMARY:" + ics::escape(summary));
  if (done) {
    out += ics::line("STATUS:COMPLETED");
    out += ics::line("COMPLETED:" + all_day(*done) + "T000000Z");
  } else {
    out += ics::line("STATUS:NEEDS-ACTION");
  }
  out += ics::line("END:VTODO");
  if (!events) return out;
  // The same deadline as an all-day event, for calendar programs that ignore to-dos.
  out += ics::line("BEGIN:VEVENT");
  out += ics::line(uid(local, "-event", domain));
  out += rev;
  out += ics::line("DTSTART;VALUE=DATE:" + all_day(due));
  out += ics::line("DTEND;VALUE=DATE:" + all_day(due + date::days{1}));
  out += ics::line("SUMMARY:" + ics::escape(summary));
  out += ics::line("TRANSP:TRANSPARENT");
  out += ics::line("END:VEVENT");
  return out;
}

std::string deadlines_ics(const Context& ctx, const Dataset& data, const std::vector<deadlines::Row>& rows,
                          bool events, const std::string& extra) {
  std::string out = begin_calendar("deadlines", "");
  for (const auto& r : rows) {
    if (!r.due) continue;
    const Region* reg = data.region(r.tour->region);
    std::string key(milestone_names[static_cast<std::size_t>(r.step)]);
    std::string summary = fmt::format("{} {} {}{}", r.tour->id, reg ? reg->name : r.tour->region, step_text(ctx, r.step),
                                      r.uncovered_year ? ctx.t("（按周末估算）", " (estimated: weekends only)") : "");
    out += ics_deadline(ctx, data, r.tour->id + "-" + key, *r.due, r.done, summary, events);
  }
  out += extra;
  out += ics::line("END:VCALENDAR");
  return out;
}

}  // namespace xuncha::cli
