#pragma once
// YAML that every reader reads back as written, YAML 1.1 ones (PyYAML) included.
#include <string>
#include <string_view>

namespace xuncha::cli {

/// A double-quoted scalar that reads back as `s`: `"` and `\` escaped, and every character a
/// YAML reader would refuse or fold (controls, DEL, C1, line breaks, U+FFFE/U+FFFF) written as
/// an escape (`\n`, `\t`, `\e`, `\xHH`, `\N`, `\L`, `\P`, `\uHHHH`); bytes that are not UTF-8
/// become U+FFFD. For ordinary text it is the JSON string.
std::string yaml_quoted(std::string_view s);

/// A scalar as a string: plain when it is a word that no YAML 1.1 or 1.2 reader takes for a
/// number, boolean, null or date (T2027-wuhan), yaml_quoted otherwise (429006, 0420100, no,
/// 2027-05-01, names with spaces or punctuation).
std::string yaml_string(std::string_view s);

/// Text for a `# comment`: line breaks become spaces and characters a YAML reader refuses
/// become U+FFFD, so the comment stays one line and the file stays readable.
std::string yaml_comment(std::string_view s);

}  // namespace xuncha::cli
