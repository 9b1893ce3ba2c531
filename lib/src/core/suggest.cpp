#include <xuncha/core/suggest.hpp>

#include <algorithm>
#include <cctype>

namespace xuncha {

namespace {

// Code points of UTF-8 text (a byte that starts no valid sequence stands for itself), ASCII
// letters lowered: distances count characters, so one wrong Chinese character is one edit, not
// the two or three bytes it differs in.
std::u32string code_points(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    bool ok = n > 0 && i + n <= s.size();
    for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (!ok) {
      out.push_back(b);
      ++i;
      continue;
    }
    char32_t c = n == 1 ? b : n == 2 ? (b & 0x1Fu) : n == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    out.push_back(c < 0x80 ? static_cast<char32_t>(std::tolower(static_cast<int>(c))) : c);
    i += n;
  }
  return out;
}

std::size_t distance(const std::u32string& x, const std::u32string& y, std::size_t limit) {
  const std::u32string* a = &x;
  const std::u32string* b = &y;
  if (a->size() > b->size()) std::swap(a, b);
  if (b->size() - a->size() > limit) return limit + 1;
  std::vector<std::size_t> row(a->size() + 1);
  for (std::size_t i = 0; i <= a->size(); ++i) row[i] = i;
  for (std::size_t j = 1; j <= b->size(); ++j) {
    std::size_t diag = row[0];
    row[0] = j;
    std::size_t best = row[0];
    for (std::size_t i = 1; i <= a->size(); ++i) {
      std::size_t up = row[i];
      row[i] = std::min({row[i] + 1, row[i - 1] + 1, diag + ((*a)[i - 1] == (*b)[j - 1] ? 0u : 1u)});
      diag = up;
      best = std::min(best, row[i]);
    }
    if (best > limit) return limit + 1;
  }
  return row[a->size()];
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  return distance(code_points(a), code_points(b), limit);
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
  auto w = code_points(word);
  std::size_t limit = std::clamp<std::size_t>((w.size() + 1) / 3, 1, 3);
  std::string_view best;
  std::size_t best_d = limit + 1, best_ends = 0;
  for (auto c : candidates) {
    if (c == word) continue;
    auto d = distance(w, code_points(c), limit);
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
