#pragma once
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <xuncha/calendar/calendar.hpp>
#include <xuncha/load/loader.hpp>
#include <xuncha/rules/policy_check.hpp>

namespace xuncha::test {

/// A file's bytes.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Loads YAML texts given as (name, text) pairs.
inline load::LoadResult load_texts(std::vector<std::pair<std::string, std::string>> texts, unsigned jobs = 1) {
  std::vector<load::InputFile> in;
  for (auto& [name, text] : texts) in.push_back({name, text, load::InputRole::data});
  load::LoadOptions opts;
  opts.jobs = jobs;
  auto r = load::load(std::move(in), opts);
  // As the tools do: policy settings naming rules or deadline steps are checked above the loader.
  auto policy = rules::validate_policy(r.data);
  r.diagnostics.insert(r.diagnostics.end(), policy.begin(), policy.end());
  sort_diagnostics(r.diagnostics);
  return r;
}

/// Rule ids of the diagnostics, in output order.
inline std::vector<std::string> rule_ids(const std::vector<Diagnostic>& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags) out.push_back(d.rule);
  return out;
}

inline const Calendar& china() {
  static const Calendar cal(Calendar::bundled_years());
  return cal;
}

inline Date day(const char* s) { return *parse_iso_date(s); }

}  // namespace xuncha::test
