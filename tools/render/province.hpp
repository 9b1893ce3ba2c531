#pragma once
// The province's name in titles: it comes from the data (policy `province:`) and, when the data
// gives none, titles leave it out instead of showing another province's name.
#include <string>
#include <string_view>

namespace xuncha::cli {

/// `name` followed by `sep` ("湖北省" + " "), or nothing when the name is not given.
inline std::string province_prefix(const std::string& name, std::string_view sep = "") {
  return name.empty() ? std::string() : name + std::string(sep);
}

/// `sep` followed by `name` (", " + "湖北省"), or nothing when the name is not given.
inline std::string province_suffix(std::string_view sep, const std::string& name) {
  return name.empty() ? std::string() : std::string(sep) + name;
}

}  // namespace xuncha::cli
