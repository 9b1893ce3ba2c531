#pragma once
// YAML that every reader reads back as written, YAML 1.1 ones (PyYAML) included.
#include <string>
#include <string_view>

namespace xuncha::cli {

/// A scalar as a string: plain when it is a word that no YAML 1.1 or 1.2 reader takes for a
/// number, boolean, null or date (T2027-wuhan), double-quoted otherwise (429006, 0420100, no,
/// 2027-05-01, names with spaces or punctuation).
std::string yaml_string(std::string_view s);

}  // namespace xuncha::cli
