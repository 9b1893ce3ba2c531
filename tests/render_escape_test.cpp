// Escaping of data values and file names for text, YAML and text tables (tools/base/terminal,
// tools/render/yaml, text::one_line); the other formats are checked by their consumers
// (tests/consumers/run.sh).
#include <doctest/doctest.h>

#include "base/terminal.hpp"
#include "render/yaml.hpp"

#include <xuncha/text/width.hpp>

using namespace xuncha;

TEST_CASE("quote_path: plain names as they are, others quoted the way git does") {
  CHECK(cli::quote_path("data/tours.yaml") == "data/tours.yaml");
  CHECK(cli::quote_path("中文 a#b%c/数据 1.yaml") == "中文 a#b%c/数据 1.yaml");
  CHECK(cli::quote_path("tours\n::error file=x::y\n.yaml") == R"("tours\n::error file=x::y\n.yaml")");
  CHECK(cli::quote_path("a\tb\"c\\d") == R"("a\tb\"c\\d")");
  CHECK(cli::quote_path("e\x1b[2Jf\x7f") == R"("e\033[2Jf\177")");
  CHECK(cli::quote_path("\xd6\xd0.yaml") == R"("\326\320.yaml")");  // GBK bytes, not UTF-8
  CHECK(cli::quote_path("c1\xc2\x9b") == R"("c1\302\233")");
}

TEST_CASE("yaml_quoted: what a YAML reader refuses or folds is escaped; ordinary text is the JSON string") {
  CHECK(cli::yaml_quoted("湖北省") == "\"湖北省\"");
  CHECK(cli::yaml_quoted("a\"b\\c\td") == R"("a\"b\\c\td")");
  CHECK(cli::yaml_quoted("\x1b\x01\x7f\n\r") == R"("\e\x01\x7F\n\r")");
  CHECK(cli::yaml_quoted("\xc2\x85\xe2\x80\xa8\xef\xbf\xbe") == R"("\N\L\uFFFE")");
  CHECK(cli::yaml_quoted("\xff") == "\"\xEF\xBF\xBD\"");
  CHECK(cli::yaml_string("T2027-wuhan") == "T2027-wuhan");
  CHECK(cli::yaml_string("no") == "\"no\"");
  CHECK(cli::yaml_comment("a\nb\x1b" "c") == "a b\xEF\xBF\xBD" "c");
}

TEST_CASE("text tables and one_line: a value never starts a line") {
  CHECK(text::one_line("a\n::error x\r") == R"(a\n::error x\r)");
  text::Table t({"region", "name"});
  t.add({"yichang", "宜昌\n::error file=x::y"});
  std::string out = t.render();
  CHECK(out.find("宜昌\\n::error file=x::y") != std::string::npos);
  CHECK(out.find("\n::") == std::string::npos);
}
