#pragma once
// Escaping for XML and HTML.
#include <string>
#include <string_view>

namespace xuncha::cli {

/// Escapes & < > " ' for HTML and XML text and attributes; characters XML 1.0 forbids
/// (other C0 controls, U+FFFE, U+FFFF) and bytes that are not UTF-8 become U+FFFD, so the
/// document stays well-formed whatever the data held.
std::string xml_escape(std::string_view s);

/// xml_escape, and tab, newline and carriage return as character references, which attribute
/// values keep (a parser turns raw ones into spaces).
std::string xml_attribute(std::string_view s);

}  // namespace xuncha::cli
