# Turns a text file into a C++ source defining `std::string_view xuncha::detail::bundled_calendar_text()`.
file(READ ${IN} content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
file(WRITE ${OUT} "// Generated from ${IN}; do not edit.\n#include <string_view>\nnamespace xuncha::detail {\nstatic const char data[] = {${bytes} 0};\nstd::string_view bundled_calendar_text() { return {data, sizeof(data) - 1}; }\n}\n")
