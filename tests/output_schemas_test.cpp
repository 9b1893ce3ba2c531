// Every command that offers -f json has an output schema (`xuncha schema --output CMD`) with the
// common envelope; the tests/consumers run validates real outputs against them.
#include <doctest/doctest.h>

#include "app/app.hpp"
#include "app/output_schemas.hpp"

#include <algorithm>

using namespace xuncha;

TEST_CASE("every command with -f json has an output schema with the envelope") {
  const auto& names = cli::output_schema_names();
  for (const auto& c : cli::commands()) {
    // `schema` prints JSON Schemas themselves: its json is the schema, not an output document.
    if (c.name == "schema" || std::find(c.formats.begin(), c.formats.end(), "json") == c.formats.end()) continue;
    CAPTURE(c.name);
    INFO("add the command's json shape to tools/app/output_schemas.cpp");
    REQUIRE(std::find(names.begin(), names.end(), c.name) != names.end());
    auto text = cli::output_schema(c.name);
    REQUIRE(text);
    auto schema = cli::Json::parse(*text);
    CHECK(schema["properties"]["output"]["const"] == std::string(c.name));
    CHECK(schema["additionalProperties"] == false);
    for (const char* key : {"tool", "version", "output", "schema_version"})
      CHECK(std::find(schema["required"].begin(), schema["required"].end(), key) != schema["required"].end());
    CHECK(schema["properties"].contains("as_of") == cli::output_is_dated(c.name));
  }
}

TEST_CASE("an unknown output has no schema") {
  CHECK_FALSE(cli::output_schema("no-such-output"));
  CHECK(cli::output_schema("teams-suggest"));
}
