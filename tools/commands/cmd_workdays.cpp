// xuncha workdays: working-day arithmetic on the mainland-China calendar.
#include "app/app.hpp"

#include <fmt/format.h>

namespace xuncha::cli {
namespace {

struct WorkdaysOptions {
  std::string action;
  std::vector<std::string> args;
};

Date parse_date_arg(const std::string& text, std::string_view what) {
  DateError why{};
  auto d = parse_iso_date(text, &why);
  if (!d)
    throw UsageError(fmt::format("{} 需要一个真实存在的日期 YYYY-MM-DD，收到「{}」", what, text),
                     fmt::format("{} expects a real date YYYY-MM-DD, got '{}'", what, text));
  return *d;
}

// Years outside the calendar are an error unless --allow-uncovered (then a warning on stderr).
void require_covered(Context& ctx, const Calendar& cal, Date a, Date b) {
  if (auto y = cal.first_uncovered(a, b)) uncovered_year(ctx, cal, *y);
}

std::string kind_text(const Context& ctx, Calendar::DayKind k) {
  auto i = static_cast<std::size_t>(k);
  return std::string(ctx.zh ? day_kind_zh[i] : day_kind_en[i]);
}
std::string_view kind_key(Calendar::DayKind k) { return day_kind_keys[static_cast<std::size_t>(k)]; }

// The json envelope, the action, then its members.
std::string envelope(const Context& ctx, std::string_view action, const Json& members) {
  Json j = json_envelope(ctx, "workdays");
  j["action"] = std::string(action);
  for (const auto& [k, v] : members.items()) j[k] = v;
  return json_dump(j);
}

int run_workdays(Context& ctx, const WorkdaysOptions& o) {
  bool json = ctx.global.format == "json";
  require_format(ctx, "workdays", {"text", "json"});
  auto loaded = load_inputs(ctx, {});
  if (!loaded.result.ok()) {
    report_input_errors(ctx, loaded.result.diagnostics);
    return 2;
  }
  const Calendar& cal = loaded.calendar;
  auto need = [&](std::size_t n, std::string_view usage_zh, std::string_view usage) {
    if (o.args.size() != n)
      throw UsageError(fmt::format("用法：xuncha workdays {}（需要 {} 个参数，收到 {} 个）", usage_zh, n, o.args.size()),
                       fmt::format("usage: xuncha workdays {} ({} arguments, got {})", usage, n, o.args.size()));
  };
  if (o.action == "add") {
    need(2, "add 日期 工作日数", "add DATE N");
    Date d = parse_date_arg(o.args[0], "add");
    int n = 0;
    try {
      std::size_t used = 0;
      n = std::stoi(o.args[1], &used);
      if (used != o.args[1].size() || n < -100000 || n > 100000) throw std::invalid_argument("n");
    } catch (const std::exception&) {
      throw UsageError(fmt::format("add 需要一个整数（工作日数），收到「{}」", o.args[1]),
                       fmt::format("add expects a whole number of working days, got '{}'", o.args[1]));
    }
    Date r = cal.add_workdays(d, n);
    require_covered(ctx, cal, std::min(d, r), std::max(d, r));
    ctx.out += json ? envelope(ctx, "add", {{"date", format_iso(d)}, {"workdays", n}, {"result", format_iso(r)}})
                    : format_iso(r) + "\n";
    return 0;
  }
  if (o.action == "between") {
    need(2, "between 起始日期 结束日期", "between A B");
    Date a = parse_date_arg(o.args[0], "between"), b = parse_date_arg(o.args[1], "between");
    require_covered(ctx, cal, std::min(a, b), std::max(a, b));
    int n = cal.workdays_between(a, b);
    ctx.out += json ? envelope(ctx, "between", {{"from", format_iso(a)}, {"to", format_iso(b)}, {"workdays", n}})
                    : std::to_string(n) + "\n";
    return 0;
  }
  if (o.action == "is") {
    need(1, "is 日期", "is DATE");
    Date d = parse_date_arg(o.args[0], "is");
    require_covered(ctx, cal, d, d);
    auto k = cal.kind(d);
    auto name = cal.holiday_name(d);
    bool work = cal.is_workday(d);
    if (json) {
      ctx.out += envelope(ctx, "is",
                          {{"date", format_iso(d)}, {"workday", work}, {"kind", kind_key(k)},
                           {"holiday", name.en.empty() ? Json(nullptr) : Json(ctx.t(name))}});
    } else {
      std::string what = kind_text(ctx, k);
      if (!name.en.empty()) what += ctx.zh ? fmt::format("（{}）", name.zh) : fmt::format(" ({})", name.en);
      ctx.out += fmt::format("{} {}: {}\n", format_iso(d), ctx.zh ? (work ? "上班" : "休息") : (work ? "works" : "off"), what);
    }
    return work ? 0 : 1;
  }
  if (o.action == "list") {
    need(1, "list 年份[-月份]", "list YEAR[-MM]");
    const auto& s = o.args[0];
    int year = 0;
    unsigned month = 0;
    bool ok = (s.size() == 4 || (s.size() == 7 && s[4] == '-')) &&
              std::all_of(s.begin(), s.begin() + 4, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (ok) year = std::stoi(s.substr(0, 4));
    if (ok && s.size() == 7) {
      ok = std::isdigit(static_cast<unsigned char>(s[5])) && std::isdigit(static_cast<unsigned char>(s[6]));
      if (ok) month = static_cast<unsigned>(std::stoi(s.substr(5, 2)));
      ok = ok && month >= 1 && month <= 12;
    }
    if (!ok || year < Calendar::range_first_year || year > Calendar::range_last_year)
      throw UsageError(fmt::format("list 需要 年份 或 年份-月份（如 2026 或 2026-05），收到「{}」", s),
                       fmt::format("list expects YEAR or YEAR-MM, got '{}'", s));
    Date from = month ? Date{date::year{year} / date::month{month} / 1} : Date{date::year{year} / 1 / 1};
    Date to = month ? Date{date::year{year} / date::month{month} / date::last} : Date{date::year{year} / 12 / 31};
    require_covered(ctx, cal, from, to);
    auto items = cal.listed(from, to);
    if (json) {
      Json days = Json::array();
      for (const auto& it : items)
        days.push_back({{"date", format_iso(it.date)}, {"kind", kind_key(it.kind)},
                        {"holiday", it.name.en.empty() ? Json(nullptr) : Json(ctx.t(it.name))}});
      ctx.out += envelope(ctx, "list", {{"days", std::move(days)}});
    } else {
      for (const auto& it : items) {
        std::string what = kind_text(ctx, it.kind);
        date::weekday wd{it.date};
        static constexpr std::string_view wd_en[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
        static constexpr std::string_view wd_zh[] = {"周日", "周一", "周二", "周三", "周四", "周五", "周六"};
        auto w = wd.c_encoding();
        ctx.out += fmt::format("{} {}  {}{}\n", format_iso(it.date), ctx.zh ? wd_zh[w] : wd_en[w], what,
                               it.name.en.empty() ? "" : (ctx.zh ? "（" + it.name.zh + "）" : " (" + it.name.en + ")"));
      }
    }
    return 0;
  }
  throw UsageError(fmt::format("workdays：未知的操作「{}」；可用：add、between、is、list", o.action),
                   fmt::format("workdays: unknown action '{}'; expected add, between, is or list", o.action));
}

}  // namespace

std::function<int(Context&)> setup_workdays(CLI::App& app) {
  auto o = std::make_shared<WorkdaysOptions>();
  app.add_option("action", o->action, "add DATE N | between A B | is DATE | list YEAR[-MM]")
      ->required()
      ->check(CLI::IsMember({"add", "between", "is", "list"}));
  app.add_option("args", o->args, "The action's arguments");
  app.footer("add: the N-th working day after DATE (N = 0: DATE itself; negative N counts back).\n"
             "between: working days in (A, B].  is: exit 0 for a working day, 1 otherwise, with the reason.\n"
             "list: days off and makeup working days.  Formats: text, json.");
  return [o](Context& ctx) { return run_workdays(ctx, *o); };
}

}  // namespace xuncha::cli
