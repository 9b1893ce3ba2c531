# Writes OUT, a C++ file defining `std::string_view NAME()` that returns the text of IN as it is
# (a raw string literal), so the binary carries the file without an install.
# usage: cmake -DIN=file -DOUT=file.cpp -DNAME=function -P embed_text.cmake
file(READ ${IN} text)
string(FIND "${text}" ")xuncha_text\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw string delimiter )xuncha_text\"")
endif()
file(WRITE ${OUT}.tmp "// Generated from ${IN} by cmake/embed_text.cmake: do not edit.\n#include <string_view>\n\nnamespace xuncha::cli {\n\nstd::string_view ${NAME}() {\n  static constexpr std::string_view text = R\"xuncha_text(${text})xuncha_text\";\n  return text;\n}\n\n}  // namespace xuncha::cli\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
