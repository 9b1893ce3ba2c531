// Inline suppression comments (see suppress.hpp).
#include "project/suppress.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace xuncha::cli {
namespace {

Diagnostic warning_at(const load::Suppression& s, std::string rule, Message m) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.severity = Severity::warning;
  d.where = {s.file, s.line, s.column};
  d.message = std::move(m);
  return d;
}

// Lines of each record: (file, first line) -> last line holding one of its fields.
template <class T>
void spans(const Dataset& data, const std::vector<T>& records, std::map<std::pair<std::string, int>, int>& out) {
  for (const auto& r : records) {
    int first = static_cast<int>(r.src.at.line), last = first;
    for (const auto& f : r.src.fields) last = std::max(last, static_cast<int>(f.second.line));
    auto file = data.locate(r.src.at).file;
    auto& l = out[{file, first}];
    l = std::max(l, last);
  }
}

}  // namespace

std::size_t apply_suppressions(const load::LoadResult& loaded, const rules::RuleSelection& selection,
                               std::vector<Diagnostic>& diags) {
  if (loaded.suppressions.empty()) return 0;
  const auto& data = loaded.data;
  std::map<std::pair<std::string, int>, int> records;
  spans(data, data.regions, records);
  spans(data, data.units, records);
  spans(data, data.people, records);
  spans(data, data.appointments, records);
  spans(data, data.teams, records);
  spans(data, data.tours, records);
  std::size_t suppressed = 0;
  std::vector<Diagnostic> extra;
  for (const auto& s : loaded.suppressions) {
    auto span = records.find({s.file, s.line});
    int last = span == records.end() ? s.line : span->second;
    for (const auto& written : s.rules) {
      const auto* info = rules::find_rule(written);
      if (!info) {
        auto hint = rules::suggest_rule(written);
        extra.push_back(warning_at(s, "X002",
                                   {fmt::format("抑制注释中的规则「{}」不存在{}", written, hint.empty() ? "" : fmt::format("（是否想写「{}」？）", hint)),
                                    fmt::format("the suppression names an unknown rule '{}'{}", written,
                                                hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint))}));
        continue;
      }
      std::string id(info->id);
      auto before = diags.size();
      diags.erase(std::remove_if(diags.begin(), diags.end(),
                                 [&](const Diagnostic& d) {
                                   return d.rule == id && d.where.file == s.file && d.where.line >= s.line &&
                                          d.where.line <= last;
                                 }),
                  diags.end());
      if (diags.size() == before) {
        extra.push_back(warning_at(s, "X002",
                                   {fmt::format("未使用的抑制注释：此处没有 {} 问题", id),
                                    fmt::format("unused suppression: no {} finding here", id)}));
      }
      suppressed += before - diags.size();
    }
    if (s.reason.empty())
      extra.push_back(warning_at(s, "X001",
                                 {"抑制注释缺少理由：写成 # xuncha: ignore[编号] -- 理由",
                                  "suppression without a reason: write # xuncha: ignore[ID] -- why"}));
  }
  rules::apply_severities(extra, data.policy, selection);
  diags.insert(diags.end(), extra.begin(), extra.end());
  sort_diagnostics(diags);
  return suppressed;
}

}  // namespace xuncha::cli
