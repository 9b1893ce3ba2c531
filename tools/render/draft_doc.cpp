// Markers in drafted documents: what the team must still write or supply.
#include "render/draft_doc.hpp"

namespace xuncha::cli::draft {

std::vector<std::string> find_markers(std::string_view text) {
  static constexpr std::string_view open = "【", close = "】";
  static constexpr std::string_view kinds[] = {"待填写", "待补充", "To write", "Missing"};
  std::vector<std::string> out;
  std::size_t at = 0;
  while ((at = text.find(open, at)) != std::string_view::npos) {
    std::size_t end = text.find(close, at + open.size());
    if (end == std::string_view::npos) break;
    std::string_view inner = text.substr(at + open.size(), end - at - open.size());
    bool is_marker = false;
    for (auto k : kinds) is_marker = is_marker || inner.substr(0, k.size()) == k;
    if (is_marker) {
      out.emplace_back(text.substr(at, end + close.size() - at));
      at = end + close.size();
    } else {
      at += open.size();
    }
  }
  return out;
}

std::vector<std::string> Document::markers() const {
  std::vector<std::string> out;
  auto add = [&](std::string_view s) {
    for (auto& m : find_markers(s)) out.push_back(std::move(m));
  };
  for (const auto& b : blocks) {
    if (!b.svg.empty()) continue;
    if (!b.is_table) {
      add(b.text());
      continue;
    }
    for (const auto& h : b.table.header) add(h);
    for (const auto& r : b.table.rows)
      for (const auto& c : r) add(c);
  }
  return out;
}

}  // namespace xuncha::cli::draft
