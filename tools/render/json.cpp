// JSON output: built with nlohmann-json, invalid UTF-8 replaced, one envelope.
#include "render/json.hpp"

namespace xuncha::cli {

Json json_envelope(const Context& ctx, std::string_view output) {
  Json j;
  j["tool"] = "xuncha";
  j["version"] = XUNCHA_VERSION;
  j["output"] = std::string(output);
  j["schema_version"] = json_schema_version;
  if (output_is_dated(output)) j["as_of"] = format_iso(ctx.as_of);
  return j;
}

bool output_is_dated(std::string_view output) {
  return output != "workdays" && output != "rule" && output != "config" && output != "diff";
}

std::string json_dump(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string json_string(std::string_view s) {
  return Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace xuncha::cli
