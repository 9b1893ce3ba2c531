// xuncha import --into (tools/commands/import_merge.cpp): records updated field by field, new ones
// appended in the file's indentation, the rest and every comment kept byte for byte.
#include <doctest/doctest.h>

#include "commands/import_merge.hpp"

using namespace xuncha;

namespace {

import::Record person(std::string id, std::vector<std::pair<std::string, std::string>> texts) {
  import::Record r;
  r.id = id;
  r.source_zh = "roster.xlsx!人员名册!第7行";
  r.source_en = "roster.xlsx!人员名册!row 7";
  import::Value idv;
  idv.text = id;
  r.fields.push_back({"id", idv});
  for (auto& [k, v] : texts) {
    import::Value x;
    x.text = v;
    r.fields.push_back({k, x});
  }
  return r;
}

}  // namespace

TEST_CASE("import --into: update by id, add, keep") {
  const std::string text =
      "# 人员\n"
      "kind: people\n"
      "version: 1\n"
      "people:\n"
      "  # 厅级干部\n"
      "  - id: p001\n"
      "    name: 王建华            # 一级巡视员\n"
      "    unit: yjt\n"
      "    rank: 正厅\n"
      "    serving: true\n"
      "  - id: p002\n"
      "    name: 刘国强\n"
      "    unit: yjt\n"
      "    rank: 副厅\n"
      "    expert:\n"
      "      pool_id: ZJ-1\n";
  auto m = cli::merge_records(text, "people", {person("p002", {{"name", "刘国强"}, {"rank", "正厅"}}), person("p003", {{"name", "新人"}, {"unit", "gat"}})}, true);
  REQUIRE(m.ok);
  CHECK(m.updated == std::vector<std::string>{"p002"});
  CHECK(m.added == std::vector<std::string>{"p003"});
  CHECK(m.kept == std::vector<std::string>{"p001"});
  REQUIRE(m.changes.size() == 1);
  CHECK(m.changes[0].field == "rank");
  CHECK(m.changes[0].before == "副厅");
  CHECK(m.changes[0].after == "正厅");
  // p001 and its comments untouched; p002 rewritten with its expert kept; p003 appended.
  CHECK(m.text.find("  # 厅级干部\n  - id: p001\n    name: 王建华            # 一级巡视员\n") != std::string::npos);
  CHECK(m.text.find("  - id: p002\n    name: 刘国强\n    unit: yjt\n    rank: 正厅\n    expert:\n      pool_id: ZJ-1\n") != std::string::npos);
  CHECK(m.text.ends_with("  # 来源：roster.xlsx!人员名册!第7行\n  - id: p003\n    name: 新人\n    unit: gat\n"));

  // The same sheet again: nothing changes.
  auto again = cli::merge_records(m.text, "people", {person("p002", {{"name", "刘国强"}, {"rank", "正厅"}})}, true);
  REQUIRE(again.ok);
  CHECK(again.changes.empty());
  CHECK(again.text == m.text);
}

TEST_CASE("import --into: flow items at column 0") {
  const std::string text = "kind: leads\nversion: 1\nleads:\n- {id: X1, tour: T1, nature: crime}\n- {id: X2, tour: T1,\n  nature: crime}\n";
  import::Record r = person("X2", {{"tour", "T2"}});
  auto m = cli::merge_records(text, "leads", {r, person("X3", {{"tour", "T1"}})}, false);
  REQUIRE(m.ok);
  CHECK(m.text == "kind: leads\nversion: 1\nleads:\n- {id: X1, tour: T1, nature: crime}\n- id: X2\n  tour: T2\n  nature: crime\n"
                  "# source: roster.xlsx!人员名册!row 7\n- id: X3\n  tour: T1\n");
}

TEST_CASE("import --into: the empty list xuncha init writes") {
  const std::string text = "# 人员\nkind: people\nversion: 1\npeople: []\n# end\n";
  auto m = cli::merge_records(text, "people", {person("p001", {{"name", "王五"}})}, true);
  REQUIRE(m.ok);
  CHECK(m.added == std::vector<std::string>{"p001"});
  CHECK(m.text == "# 人员\nkind: people\nversion: 1\npeople:\n  # 来源：roster.xlsx!人员名册!第7行\n  - id: p001\n    name: 王五\n# end\n");
}
