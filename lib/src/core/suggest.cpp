#include <xuncha/core/suggest.hpp>

#include <algorithm>
#include <cctype>

namespace xuncha {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > limit) return limit + 1;
  std::vector<std::size_t> row(a.size() + 1);
  for (std::size_t i = 0; i <= a.size(); ++i) row[i] = i;
  for (std::size_t j = 1; j <= b.size(); ++j) {
    std::size_t diag = row[0];
    row[0] = j;
    std::size_t best = row[0];
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t up = row[i];
      auto ca = std::tolower(static_cast<unsigned char>(a[i - 1]));
      auto cb = std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[i] = std::min({row[i] + 1, row[i - 1] + 1, diag + (ca == cb ? 0u : 1u)});
      diag = up;
      best = std::min(best, row[i]);
    }
    if (best > limit) return limit + 1;
  }
  return row[a.size()];
}

namespace {

// Characters two texts share at their ends: a tie-break between candidates equally near, since
// a typo seldom touches both ends (p0025 is nearer p025 than p002).
std::size_t shared_ends(std::string_view a, std::string_view b) {
  std::size_t front = 0, back = 0;
  while (front < a.size() && front < b.size() && a[front] == b[front]) ++front;
  while (back < a.size() - front && back < b.size() - front && a[a.size() - 1 - back] == b[b.size() - 1 - back]) ++back;
  return front + back;
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  // Allow roughly one typo per three characters, at least one, at most three.
  std::size_t limit = std::clamp<std::size_t>((word.size() + 1) / 3, 1, 3);
  std::string_view best;
  std::size_t best_d = limit + 1, best_ends = 0;
  for (auto c : candidates) {
    if (c == word) continue;
    auto d = edit_distance(word, c, limit);
    if (d > limit) continue;
    auto ends = shared_ends(word, c);
    if (d < best_d || (d == best_d && (ends > best_ends || (ends == best_ends && !best.empty() && c < best)))) {
      best_d = d;
      best = c;
      best_ends = ends;
    }
  }
  return best_d <= limit ? std::string(best) : std::string();
}

}  // namespace xuncha
