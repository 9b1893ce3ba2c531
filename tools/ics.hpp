#pragma once
#include <string>
#include <string_view>

namespace xuncha::cli::ics {

/// Escapes a TEXT value per RFC 5545 3.3.11 (backslash, semicolon, comma, newline).
std::string escape(std::string_view s);

/// Folds a content line at 75 octets (never inside a UTF-8 sequence) and ends it with CRLF.
std::string line(std::string_view content);

/// `YYYYMMDD` from an ISO date text.
std::string date_value(std::string_view iso);

}  // namespace xuncha::cli::ics
