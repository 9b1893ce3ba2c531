// Wording shared by the drafted documents: dates, markers, names, numbered headings.
#include "documents/draft.hpp"

#include <fmt/format.h>

namespace xuncha::cli {

std::string draft_date(const Context& ctx, Date d) { return ctx.zh ? format_zh(d) : format_iso(d); }

std::string period_name(const Context& ctx, const Period& p) {
  // A round of one year (cadence_years: 1) is named as its year.
  if (!p.round || p.first == p.last) return ctx.zh ? fmt::format("{}年度", p.first) : std::to_string(p.first);
  return ctx.zh ? fmt::format("{}—{}年", p.first, p.last) : fmt::format("{}-{}", p.first, p.last);
}

Message period_where(const Period& p) {
  if (!p.round || p.first == p.last) return {fmt::format("{} 年", p.first), fmt::format("in {}", p.first)};
  return {fmt::format("{}—{} 年这一轮", p.first, p.last), fmt::format("in the {}-{} round", p.first, p.last)};
}

std::string draft_percent(int part, int whole) {
  if (whole == 0) return "—";
  int permille = (part * 1000 + whole / 2) / whole;
  return fmt::format("{}.{}%", permille / 10, permille % 10);
}

std::string draft_range(const Context& ctx, Date a, Date b) {
  if (!ctx.zh) return format_iso(a) + " to " + format_iso(b);
  date::year_month_day x{a}, y{b};
  auto m = [](const date::year_month_day& v) { return static_cast<unsigned>(v.month()); };
  auto dd = [](const date::year_month_day& v) { return static_cast<unsigned>(v.day()); };
  if (x.year() != y.year()) return format_zh(a) + "—" + format_zh(b);
  if (x.month() == y.month()) return fmt::format("{}年{}月{}日—{}日", static_cast<int>(x.year()), m(x), dd(x), dd(y));
  return fmt::format("{}年{}月{}日—{}月{}日", static_cast<int>(x.year()), m(x), dd(x), m(y), dd(y));
}

draft::Span to_write(const Context& ctx, std::string_view zh, std::string_view en) {
  return {ctx.zh ? fmt::format("【待填写：{}】", zh) : fmt::format("【To write: {}】", en), true};
}

draft::Span missing(const Context& ctx, std::string_view zh, std::string_view en) {
  return {ctx.zh ? fmt::format("【待补充：{}】", zh) : fmt::format("【Missing: {}】", en), true};
}

std::string region_name(const Dataset& data, const std::string& id) {
  const Region* r = data.region(id);
  return r ? r->name : id;
}

std::string person_name(const Dataset& data, const std::string& id) {
  const Person* p = data.person(id);
  return p ? p->name : id;
}

std::string where(const Dataset& data, const Source& src) {
  Location l = data.locate(src.at);
  return l.line ? fmt::format("{}:{}", l.file, l.line) : l.file;
}

std::string zh_numeral(int n) {
  static constexpr std::string_view digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 1) return std::to_string(n);
  if (n < 10) return std::string(digits[static_cast<std::size_t>(n)]);
  if (n < 20) return "十" + std::string(digits[static_cast<std::size_t>(n - 10)]);
  if (n < 100)
    return std::string(digits[static_cast<std::size_t>(n / 10)]) + "十" + std::string(digits[static_cast<std::size_t>(n % 10)]);
  return std::to_string(n);
}

std::string heading(const Context& ctx, int level, int n, std::string_view zh, std::string_view en) {
  if (level == 1) return ctx.zh ? fmt::format("{}、{}", zh_numeral(n), zh) : fmt::format("{}. {}", n, en);
  return ctx.zh ? fmt::format("（{}）{}", zh_numeral(n), zh) : fmt::format("({}) {}", n, en);
}

std::string committee(const Context& ctx, const Dataset& data) {
  const auto& p = data.policy.province;
  if (ctx.zh) return p.empty() ? "省安全生产委员会" : p + "安全生产委员会";
  return p.empty() ? "Provincial Work Safety Committee" : "Work Safety Committee of " + p;
}

}  // namespace xuncha::cli
