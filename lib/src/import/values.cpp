// One cell read as a column's type (values.hpp): dates in every office form, yes/no words,
// coded fields by their words, lists and small records in one cell.
#include "values.hpp"

#include "text.hpp"

#include <fmt/format.h>

#include <cmath>

namespace xuncha::import {
namespace {

std::string expected(const Column& col) {
  std::string words;
  for (const auto& c : col.choices) {
    if (!words.empty()) words += "、";
    words += c.words.front();
  }
  return words;
}

std::optional<Date> read_date(const Cell& c) {
  switch (c.type) {
    case Cell::Type::date: return c.date;
    case Cell::Type::number: {
      double x = c.number;
      if (x == std::floor(x) && x >= 19000101 && x <= 21991231) return parse_date_text(fmt::format("{}", static_cast<long long>(x)));
      if (x >= 1 && x < 200000) return date_of_serial(x);
      return std::nullopt;
    }
    case Cell::Type::text: return parse_date_text(c.text);
    default: return std::nullopt;
  }
}

Message date_why(const std::string& v) {
  return {fmt::format("“{}”不是日期（应为 2026-03-01、2026/3/1、2026.3.1、2026年3月1日、20260301 或 Excel 日期）", v),
          fmt::format("'{}' is not a date (expected 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301 or an Excel date)", v)};
}

Value text_value(std::string s) {
  Value v;
  v.type = Value::Type::text;
  v.text = std::move(s);
  return v;
}

// One part of a line in a records cell.
std::optional<Value> read_part(const Column& part, const std::string& text, Message& why) {
  return read_value(part, text.empty() ? Cell{} : Cell::of_text(text), why);
}

}  // namespace

bool operator==(const Value& a, const Value& b) {
  if (a.type != b.type) return false;
  switch (a.type) {
    case Value::Type::text: return a.text == b.text;
    case Value::Type::integer: return a.integer == b.integer;
    case Value::Type::boolean: return a.boolean == b.boolean;
    case Value::Type::date: return a.date == b.date;
    case Value::Type::list: return a.items == b.items;
    case Value::Type::map: return a.fields == b.fields;
  }
  return false;
}

std::string cell_text(const Cell& c) {
  switch (c.type) {
    case Cell::Type::empty: return {};
    case Cell::Type::text:
    case Cell::Type::error: return c.text;
    case Cell::Type::boolean: return c.number != 0 ? "是" : "否";
    case Cell::Type::date: return format_iso(c.date);
    case Cell::Type::number:
      if (!c.text.empty()) return c.text;
      if (c.number == std::floor(c.number) && std::fabs(c.number) < 1e15) return fmt::format("{}", static_cast<long long>(c.number));
      return fmt::format("{}", c.number);
  }
  return {};
}

std::optional<std::string_view> find_choice(const Column& col, std::string_view text) {
  return choice_for(col, normalize_header(text));
}

namespace {
// "4、5、6", "4-6、9-10", "4月至6月", "4—6": months in order, each once; nullopt when a part is no month.
std::optional<std::vector<int>> parse_months(std::string s) {
  std::erase(s, ' ');
  for (std::string_view sep : {"至", "到", "—", "–", "～", "~"})
    for (auto p = s.find(sep); p != std::string::npos; p = s.find(sep, p)) s.replace(p, sep.size(), "-");
  for (auto p = s.find("月"); p != std::string::npos; p = s.find("月", p)) s.erase(p, std::string_view("月").size());
  std::vector<bool> in(13, false);
  bool any = false;
  for (const auto& item : split_list(s)) {
    auto dash = item.find('-');
    auto number = [](std::string_view t) -> int {
      if (t.empty() || t.size() > 2 || t.find_first_not_of("0123456789") != std::string_view::npos) return 0;
      int m = std::stoi(std::string(t));
      return m >= 1 && m <= 12 ? m : 0;
    };
    std::string_view v = item;
    int a = number(dash == std::string::npos ? v : v.substr(0, dash));
    int b = dash == std::string::npos ? a : number(v.substr(dash + 1));
    if (!a || !b || b < a) return std::nullopt;
    for (int m = a; m <= b; ++m) in[static_cast<std::size_t>(m)] = true;
    any = true;
  }
  if (!any) return std::nullopt;
  std::vector<int> out;
  for (int m = 1; m <= 12; ++m)
    if (in[static_cast<std::size_t>(m)]) out.push_back(m);
  return out;
}

// "06-01", "6-1", "6月1日", "6.1", "6/1" as "06-01"; nullopt when it is no day of a (leap) year.
std::optional<std::string> parse_month_day(std::string s) {
  std::erase(s, ' ');
  for (auto p = s.find("日"); p != std::string::npos; p = s.find("日", p)) s.erase(p, std::string_view("日").size());
  for (auto p = s.find("月"); p != std::string::npos; p = s.find("月", p)) s.replace(p, std::string_view("月").size(), "-");
  for (char& ch : s)
    if (ch == '.' || ch == '/') ch = '-';
  auto dash = s.find('-');
  if (dash == std::string::npos || dash == 0 || dash > 2 || s.size() - dash - 1 < 1 || s.size() - dash - 1 > 2 ||
      s.find_first_not_of("0123456789-") != std::string::npos || s.find('-', dash + 1) != std::string::npos)
    return std::nullopt;
  unsigned m = static_cast<unsigned>(std::stoi(s.substr(0, dash))), d = static_cast<unsigned>(std::stoi(s.substr(dash + 1)));
  if (!date::year_month_day{date::year{2024}, date::month{m}, date::day{d}}.ok()) return std::nullopt;
  return fmt::format("{:02}-{:02}", m, d);
}
}  // namespace

std::optional<Value> read_value(const Column& col, const Cell& c, Message& why) {
  why = {};
  if (c.empty()) return std::nullopt;
  if (c.type == Cell::Type::error) {
    why = {fmt::format("单元格是公式错误 {}", c.text), fmt::format("the cell holds the formula error {}", c.text)};
    return std::nullopt;
  }
  std::string raw = cell_text(c);
  switch (col.type) {
    case ValueType::text:
    case ValueType::name: {
      std::string s = col.type == ValueType::name ? clean_name(raw) : clean_text(raw);
      if (s.empty()) return std::nullopt;
      return text_value(std::move(s));
    }
    case ValueType::category: {
      std::string s = clean_text(raw);
      if (s.empty()) return std::nullopt;
      Value v;
      v.type = Value::Type::boolean;
      v.boolean = s.find("专家") != std::string::npos || normalize_header(s) == "expert";
      return v;
    }
    case ValueType::integer: {
      long long n = 0;
      bool ok = false;
      if (c.type == Cell::Type::number && c.number == std::floor(c.number) && std::fabs(c.number) < 1e15) {
        n = static_cast<long long>(c.number);
        ok = true;
      } else if (c.type == Cell::Type::text) {
        std::string s = clean_text(raw);
        if (s.ends_with(".0")) s.resize(s.size() - 2);
        ok = !s.empty() && s.size() <= 15 && s.find_first_not_of("0123456789") == std::string::npos;
        if (ok) n = std::stoll(s);
      }
      if (!ok || n < col.lo || n > col.hi) {
        why = {fmt::format("“{}”不是 {}—{} 的整数", raw, col.lo, col.hi),
               fmt::format("'{}' is not a whole number from {} to {}", raw, col.lo, col.hi)};
        return std::nullopt;
      }
      Value v;
      v.type = Value::Type::integer;
      v.integer = n;
      return v;
    }
    case ValueType::boolean: {
      std::optional<bool> b;
      if (c.type == Cell::Type::boolean) b = c.number != 0;
      else if (c.type == Cell::Type::number && (c.number == 0 || c.number == 1)) b = c.number != 0;
      else if (c.type == Cell::Type::text) b = parse_bool_text(raw);
      if (!b) {
        why = {fmt::format("“{}”不是是/否（应为 是、否、√、×、Y、N、有、无）", raw),
               fmt::format("'{}' is not a yes/no (expected 是, 否, √, ×, Y, N, yes, no, 有, 无)", raw)};
        return std::nullopt;
      }
      Value v;
      v.type = Value::Type::boolean;
      v.boolean = *b;
      return v;
    }
    case ValueType::date: {
      auto d = read_date(c);
      if (!d) {
        why = date_why(raw);
        return std::nullopt;
      }
      Value v;
      v.type = Value::Type::date;
      v.date = *d;
      return v;
    }
    case ValueType::month_list: {
      auto months = parse_months(clean_text(raw));
      if (!months) {
        why = {fmt::format("“{}”不是月份（应为 1—12，以顿号分隔，可写范围：4、5、6 或 4-6、9-10）", raw),
               fmt::format("'{}' is not a list of months (1-12, separated by 、 or commas; runs allowed: 4-6, 9-10)", raw)};
        return std::nullopt;
      }
      Value v;
      v.type = Value::Type::list;
      for (int m : *months) {
        Value mv;
        mv.type = Value::Type::integer;
        mv.integer = m;
        v.items.push_back(mv);
      }
      return v;
    }
    case ValueType::month_day: {
      std::optional<std::string> md;
      if (c.type == Cell::Type::date) {
        date::year_month_day ymd{c.date};
        md = fmt::format("{:02}-{:02}", static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
      } else {
        md = parse_month_day(clean_text(raw));
      }
      if (!md) {
        why = {fmt::format("“{}”不是月-日（应为 06-01、6月1日 之类）", raw),
               fmt::format("'{}' is not a month and day (expected 06-01, 6月1日 or the like)", raw)};
        return std::nullopt;
      }
      return text_value(std::move(*md));
    }
    case ValueType::date_range: {
      auto r = parse_date_range(raw);
      if (!r) {
        why = {fmt::format("“{}”不是起止日期（应为 2026年3月1日-15日、2026.3.1-3.15、2026-03-01至2026-03-15 之类）", raw),
               fmt::format("'{}' is not a period (expected 2026年3月1日-15日, 2026.3.1-3.15, 2026-03-01至2026-03-15 or the like)", raw)};
        return std::nullopt;
      }
      Value v;
      v.type = Value::Type::map;
      Value a, b;
      a.type = b.type = Value::Type::date;
      a.date = r->first;
      b.date = r->second;
      v.fields.push_back({"start", a});
      v.fields.push_back({"end", b});
      return v;
    }
    case ValueType::choice: {
      std::string s = clean_text(raw);
      auto code = find_choice(col, s);
      if (!code) {
        why = {fmt::format("“{}”不是可选的值（应为 {}）", s, expected(col)),
               fmt::format("'{}' is not one of the choices ({})", s, expected(col))};
        return std::nullopt;
      }
      // Codes that are numbers (a hazard's grade 1-4) are written as numbers.
      if (!code->empty() && code->find_first_not_of("0123456789") == std::string_view::npos) {
        Value v;
        v.type = Value::Type::integer;
        v.integer = std::stoll(std::string(*code));
        return v;
      }
      return text_value(std::string(*code));
    }
    case ValueType::list:
    case ValueType::choice_list:
    case ValueType::date_list: {
      Value v;
      v.type = Value::Type::list;
      for (const auto& item : split_list(raw)) {
        if (col.type == ValueType::list) {
          v.items.push_back(text_value(item));
        } else if (col.type == ValueType::choice_list) {
          auto code = find_choice(col, item);
          if (!code) {
            why = {fmt::format("“{}”不是可选的值（应为 {}，以顿号分隔）", item, expected(col)),
                   fmt::format("'{}' is not one of the choices ({}; separate them with 、 or commas)", item, expected(col))};
            return std::nullopt;
          }
          v.items.push_back(text_value(std::string(*code)));
        } else {
          auto d = parse_date_text(item);
          if (!d) {
            why = date_why(item);
            return std::nullopt;
          }
          Value dv;
          dv.type = Value::Type::date;
          dv.date = *d;
          v.items.push_back(std::move(dv));
        }
      }
      if (v.items.empty()) return std::nullopt;
      return v;
    }
    case ValueType::records: {
      Value list;
      list.type = Value::Type::list;
      // Items on their own lines (or after ; or ；), parts between | or ｜; the text itself
      // keeps its full-width punctuation.
      std::string f = raw;
      for (std::string_view wide : {"；", "｜"})
        for (auto p = f.find(wide); p != std::string::npos; p = f.find(wide, p)) f.replace(p, wide.size(), wide == "；" ? ";" : "|");
      std::size_t start = 0;
      int line_no = 0;
      while (start <= f.size()) {
        auto nl = f.find_first_of("\n;", start);
        std::string line = clean_text(f.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        start = nl == std::string::npos ? f.size() + 1 : nl + 1;
        if (line.empty()) continue;
        ++line_no;
        std::vector<std::string> parts;
        std::size_t p = 0;
        for (;;) {
          auto bar = line.find('|', p);
          parts.push_back(clean_text(line.substr(p, bar == std::string::npos ? std::string::npos : bar - p)));
          if (bar == std::string::npos) break;
          p = bar + 1;
        }
        if (parts.size() > col.parts.size()) {
          why = {fmt::format("第 {} 项“{}”多于 {} 段（{}）", line_no, line, col.parts.size(), col.note),
                 fmt::format("item {} '{}' has more than {} parts separated by |", line_no, line, col.parts.size())};
          return std::nullopt;
        }
        Value rec;
        rec.type = Value::Type::map;
        for (std::size_t k = 0; k < col.parts.size(); ++k) {
          const Column& part = col.parts[k];
          std::string text = k < parts.size() ? parts[k] : std::string{};
          Message pw;
          auto pv = read_part(part, text, pw);
          if (!pv && !pw.zh.empty()) {
            why = {fmt::format("第 {} 项的{}：{}", line_no, part.zh, pw.zh), fmt::format("item {}, {}: {}", line_no, part.en, pw.en)};
            return std::nullopt;
          }
          if (!pv && part.required) {
            why = {fmt::format("第 {} 项“{}”缺少{}（{}）", line_no, line, part.zh, col.note),
                   fmt::format("item {} '{}' lacks its {} (parts separated by |)", line_no, line, part.en)};
            return std::nullopt;
          }
          if (pv) rec.fields.push_back({std::string(part.field), std::move(*pv)});
        }
        list.items.push_back(std::move(rec));
      }
      if (list.items.empty()) return std::nullopt;
      return list;
    }
  }
  return std::nullopt;
}

}  // namespace xuncha::import
