// The integer a plain scalar means in YAML 1.2's core schema, as editors read it (yaml_integer).
#include "decoder.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace xuncha::load::detail {

std::optional<long long> yaml_integer(std::string_view t, bool& too_large) {
  too_large = false;
  auto digits = [](std::string_view s, auto ok) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) { return ok(static_cast<unsigned char>(c)); });
  };
  auto dec = [](unsigned char c) { return c >= '0' && c <= '9'; };
  auto parse = [&](std::string_view s, int base) -> std::optional<long long> {
    long long v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
    if (ec == std::errc::result_out_of_range) too_large = true;
    if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
    return v;
  };
  if (t.starts_with("0o") && digits(t.substr(2), [](unsigned char c) { return c >= '0' && c <= '7'; }))
    return parse(t.substr(2), 8);
  if (t.starts_with("0x") && digits(t.substr(2), [](unsigned char c) { return std::isxdigit(c) != 0; }))
    return parse(t.substr(2), 16);
  std::string_view body = t;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) body.remove_prefix(1);
  if (digits(body, dec)) return parse(t[0] == '+' ? t.substr(1) : t, 10);
  // [-+]? ( .D+ | D+ (. D*)? ) ([eE] [-+]? D+)?  with a dot or an exponent.
  std::size_t i = 0, n = body.size(), int_digits = 0, frac_digits = 0;
  while (i < n && dec(static_cast<unsigned char>(body[i]))) ++i, ++int_digits;
  bool dot = i < n && body[i] == '.';
  if (dot)
    for (++i; i < n && dec(static_cast<unsigned char>(body[i]));) ++i, ++frac_digits;
  if (int_digits == 0 && frac_digits == 0) return std::nullopt;
  bool exponent = i < n && (body[i] == 'e' || body[i] == 'E');
  if (exponent) {
    ++i;
    if (i < n && (body[i] == '+' || body[i] == '-')) ++i;
    std::size_t from = i;
    while (i < n && dec(static_cast<unsigned char>(body[i]))) ++i;
    if (i == from) return std::nullopt;
  }
  if (i != n || (!dot && !exponent)) return std::nullopt;
  std::string text(t[0] == '+' ? t.substr(1) : t);
  double d = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (p != text.data() + text.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    // Too small to tell from 0 (1e-400 is 0, as an editor reads it), or too large.
    if (text.find("e-") != std::string::npos || text.find("E-") != std::string::npos) return 0;
    too_large = true;
    return std::nullopt;
  }
  if (ec != std::errc{}) return std::nullopt;
  if (std::fabs(d) >= 9.2e18) {
    too_large = true;
    return std::nullopt;
  }
  if (d != std::floor(d)) return std::nullopt;
  return static_cast<long long>(d);
}

}  // namespace xuncha::load::detail
