// Source's packed field marks (lib/src/model/model.cpp) and the YAML tree's chunked storage
// (lib/include/xuncha/load/yaml_tree.hpp): what they hold reads back as it was put in.
#include <doctest/doctest.h>

#include <xuncha/load/yaml_tree.hpp>
#include <xuncha/model/source.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace xuncha;

TEST_CASE("field marks: pairs read back in order, any key length and any number") {
  Source src;
  src.at = {7, 100, 3};
  std::string long_key(300, 'k');
  std::vector<std::pair<std::string, Mark>> put{{"id", {0, 1, 1}},
                                                {"members[2]", {3, 127, 128}},
                                                {long_key, {0xFFFFFFFFu, 0x80000000u, 16384}},
                                                {"", {1, 0, 0}}};
  for (const auto& [key, mark] : put) src.fields.emplace_back(key, mark);
  std::size_t i = 0;
  for (auto [key, mark] : src.fields) {
    REQUIRE(i < put.size());
    CHECK(key == put[i].first);
    CHECK(mark.file == put[i].second.file);
    CHECK(mark.line == put[i].second.line);
    CHECK(mark.column == put[i].second.column);
    ++i;
  }
  CHECK(i == put.size());
  CHECK(src.field("members[2]").line == 127);
  CHECK(src.field(long_key).column == 16384);
  CHECK(src.field("absent").line == 100);  // the record's own mark
  CHECK(Source{}.fields.empty());
}

TEST_CASE("YAML tree chunks: items keep their place as they grow; release frees whole chunks only") {
  load::Chunks<std::uint32_t> c;
  const std::size_t n = 3 * load::Chunks<std::uint32_t>::chunk + 5;
  for (std::size_t i = 0; i < n; ++i) c.push_back(static_cast<std::uint32_t>(i));
  const std::uint32_t* first = &c[0];
  for (std::size_t i = 0; i < 1000; ++i) c.push_back(0);
  CHECK(&c[0] == first);
  CHECK(c[n - 1] == n - 1);
  // [10, 2 chunks + 10): only the second chunk lies wholly inside; the first and third stay.
  c.release(10, 2 * load::Chunks<std::uint32_t>::chunk + 10);
  CHECK(c[9] == 9);
  CHECK(c[load::Chunks<std::uint32_t>::chunk - 1] == load::Chunks<std::uint32_t>::chunk - 1);
  CHECK(c[2 * load::Chunks<std::uint32_t>::chunk] == 2 * load::Chunks<std::uint32_t>::chunk);
}
