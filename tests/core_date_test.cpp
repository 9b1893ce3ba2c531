#include <doctest/doctest.h>

#include <xuncha/core/date.hpp>
#include <xuncha/core/suggest.hpp>
#include <xuncha/text/width.hpp>

using namespace xuncha;

TEST_CASE("ISO dates are strict") {
  DateError why{};
  CHECK(parse_iso_date("2026-02-28", &why));
  CHECK_FALSE(parse_iso_date("2026-02-30", &why));
  CHECK(why == DateError::impossible);
  CHECK_FALSE(parse_iso_date("2026/3/1", &why));
  CHECK(why == DateError::not_iso);
  CHECK_FALSE(parse_iso_date("2026-3-1", &why));
  CHECK_FALSE(parse_iso_date("0000-01-01", &why));
  CHECK_FALSE(parse_iso_date("9999-12-31", &why));
  CHECK(why == DateError::out_of_range);
  CHECK_FALSE(parse_iso_date("2026-13-01", &why));
  CHECK(why == DateError::impossible);
  CHECK(format_iso(*parse_iso_date("2024-02-29")) == "2024-02-29");
  CHECK(format_zh(*parse_iso_date("2026-04-08")) == "2026年4月8日");
}

TEST_CASE("did you mean") {
  CHECK(closest_match("countys", {"counties", "class", "name"}) == "counties");
  CHECK(closest_match("yjtt", {"yjt", "gat"}) == "yjt");
  CHECK(closest_match("zzzzzz", {"counties", "class"}).empty());
  // Characters, not bytes: one wrong or missing Chinese character is one edit.
  CHECK(edit_distance("下路区", "下陆区", 3) == 1);
  CHECK(closest_match("江汉", {"江岸区", "江汉区", "硚口区"}) == "江汉区");
  CHECK(closest_match("汉阳", {"江岸区", "武昌区"}).empty());
}

TEST_CASE("CJK characters take two columns") {
  CHECK(text::display_width("武汉市") == 6);
  CHECK(text::display_width("abc") == 3);
  CHECK(text::pad("黄石", 6) == "黄石  ");
  text::Table t({"a", "名称"});
  t.add({"武汉市", "x"});
  CHECK(t.render() == "a       名称\n------------\n武汉市  x\n");
}
