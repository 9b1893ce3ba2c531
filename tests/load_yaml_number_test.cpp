// yaml_integer: the integer a plain scalar means in YAML 1.2's core schema, as an editor reads it
// (the `yaml` package of yaml-language-server), so the loader and the schema agree on 0x0D, 13.0, 1e1.
#include <doctest/doctest.h>

#include "load/decoder.hpp"

#include <optional>
#include <string_view>

using xuncha::load::detail::yaml_integer;

namespace {

std::optional<long long> integer(std::string_view text) {
  bool too_large = false;
  return yaml_integer(text, too_large);
}

bool too_large(std::string_view text) {
  bool big = false;
  (void)yaml_integer(text, big);
  return big;
}

}  // namespace

TEST_CASE("yaml_integer: decimal, octal and hex as YAML 1.2 writes them") {
  CHECK(integer("13") == 13);
  CHECK(integer("+13") == 13);
  CHECK(integer("-13") == -13);
  CHECK(integer("013") == 13);  // decimal in YAML 1.2 (octal was YAML 1.1)
  CHECK(integer("0o15") == 13);
  CHECK(integer("0x0D") == 13);
  CHECK(integer("0xd") == 13);
  CHECK_FALSE(integer("0X0D"));  // the core schema's prefixes are lower case
  CHECK_FALSE(integer("-0x0D"));  // and take no sign
  CHECK_FALSE(integer("+-5"));
  CHECK_FALSE(integer("0o8"));
  CHECK_FALSE(integer("0x"));
  CHECK_FALSE(integer(""));
  CHECK_FALSE(integer("13 "));
  CHECK_FALSE(integer("1_000"));
}

TEST_CASE("yaml_integer: floating-point notation of a whole number") {
  CHECK(integer("13.0") == 13);
  CHECK(integer("13.") == 13);
  CHECK(integer("1e1") == 10);
  CHECK(integer("1E+1") == 10);
  CHECK(integer("-2.5e1") == -25);
  CHECK(integer(".0") == 0);
  CHECK(integer("1e-400") == 0);  // too small to tell from 0, as an editor reads it
  CHECK_FALSE(integer("1.5"));
  CHECK_FALSE(integer("."));
  CHECK_FALSE(integer("1e"));
  CHECK_FALSE(integer(".inf"));
  CHECK_FALSE(integer(".nan"));
  CHECK_FALSE(integer("inf"));
}

TEST_CASE("yaml_integer: numbers beyond long long are too large, not text") {
  CHECK(too_large("99999999999999999999"));
  CHECK(too_large("1e30"));
  CHECK(too_large("1e400"));
  CHECK(too_large("0xFFFFFFFFFFFFFFFFFF"));
  CHECK_FALSE(too_large("1.5"));
  CHECK_FALSE(too_large("yes"));
}
