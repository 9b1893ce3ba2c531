#pragma once
// Escaping for XML and HTML.
#include <string>
#include <string_view>

namespace xuncha::cli {

/// Escapes & < > " ' for HTML and XML text and attributes.
std::string xml_escape(std::string_view s);

}  // namespace xuncha::cli
