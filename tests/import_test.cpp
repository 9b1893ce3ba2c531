// The spreadsheet importer (lib/src/import/): CSV encodings and separators, xlsx read back from
// the project's own writer, office value forms, header recognition, ids and refusals.
#include <doctest/doctest.h>

#include <xuncha/import/importer.hpp>

#include "import/text.hpp"
#include "import/values.hpp"
#include "render/xlsx.hpp"

using namespace xuncha;
using namespace xuncha::import;

namespace {

Workbook csv(std::string_view text, std::string name = "roster.csv") {
  auto r = read_csv(text, std::move(name));
  REQUIRE(r.ok());
  return *r.book;
}

const Field* field(const Record& r, std::string_view key) {
  for (const auto& f : r.fields)
    if (f.key == key) return &f;
  return nullptr;
}

std::string text_of(const Record& r, std::string_view key) {
  const Field* f = field(r, key);
  return f ? f->value.text : std::string("<none>");
}

}  // namespace

TEST_CASE("import: CSV encodings, separators, line ends and quotes") {
  auto a = csv("\xEF\xBB\xBF姓名,单位\r\n张三,省应急厅\r\n");
  CHECK(a.encoding == "UTF-8 (BOM)");
  REQUIRE(a.sheets.at(0).rows.size() == 2);
  CHECK(a.sheets[0].rows[1].cells[0].text == "张三");
  CHECK(a.sheets[0].rows[1].number == 2);

  // 姓名,单位 / 张三,应急厅 in GBK, as Excel on Chinese Windows saves it.
  auto g = csv("\xD0\xD5\xC3\xFB,\xB5\xA5\xCE\xBB\n\xD5\xC5\xC8\xFD,\xD3\xA6\xBC\xB1\xCC\xFC\n");
  CHECK(g.encoding == "GB18030");
  CHECK(g.sheets[0].rows[0].cells[0].text == "姓名");
  CHECK(g.sheets[0].rows[1].cells[1].text == "应急厅");

  auto t = csv("姓名\t单位\n张三\t\"a\tb\"\n");
  CHECK(t.separator == '\t');
  CHECK(t.sheets[0].rows[1].cells[1].text == "a\tb");
  auto s = csv("姓名;单位;备注\n张三;x;\"两行\n备注\"\n李四;y;z\n");
  CHECK(s.separator == ';');
  CHECK(s.sheets[0].rows[1].cells[2].text == "两行\n备注");
  CHECK(s.sheets[0].rows[2].number == 4);  // the line the record starts on
  CHECK(csv("a,\"b\"\"c\"\n").sheets[0].rows[0].cells[1].text == "b\"c");

  CHECK_FALSE(read_csv("a,\"open\n", "x.csv").ok());
  CHECK_FALSE(read_csv(std::string_view("\xFF\xFE\x00a", 4), "x.csv").ok());
}

TEST_CASE("import: values as offices type them") {
  for (auto s : {"2026-3-1", "2026/3/1", "2026.3.1", "2026年3月1日", "20260301", "２０２６－３－１", " 2026-03-01 ",
                 "2026-03-01 00:00:00"}) {
    CAPTURE(s);
    auto d = parse_date_text(fold_width(s) == s ? s : fold_width(s));
    REQUIRE(d);
    CHECK(format_iso(*d) == "2026-03-01");
  }
  for (auto r : {"2026年3月1日-15日", "2026年3月1日至3月15日", "2026.3.1-3.15", "2026/3/1—2026/3/15", "2026-03-01至2026-03-15",
                 "20260301-20260315", "2026-3-1~15", "2026年3月1日－2026年3月15日"}) {
    CAPTURE(r);
    auto p = parse_date_range(r);
    REQUIRE(p);
    CHECK(format_iso(p->first) == "2026-03-01");
    CHECK(format_iso(p->second) == "2026-03-15");
  }
  CHECK(format_iso(parse_date_range("2026年3月28日-4月3日")->second) == "2026-04-03");
  CHECK_FALSE(parse_date_range("2026年3月1日"));
  CHECK_FALSE(parse_date_range("三月上旬"));
  CHECK_FALSE(parse_date_text("2026-2-30"));
  CHECK_FALSE(parse_date_text("3/1/2026"));
  CHECK_FALSE(parse_date_text("明年"));
  CHECK(format_iso(*date_of_serial(46082)) == "2026-03-01");
  CHECK(format_iso(*date_of_serial(1)) == "1900-01-01");
  CHECK_FALSE(date_of_serial(60));
  CHECK(format_iso(*date_of_serial(44620, true)) == "2026-03-01");  // 46082 - 1462

  for (auto y : {"是", "√", "Y", "y", "有", "TRUE", "1"}) CHECK(parse_bool_text(y) == true);
  for (auto n : {"否", "×", "N", "无", "false", "0"}) CHECK(parse_bool_text(n) == false);
  CHECK_FALSE(parse_bool_text("也许"));

  CHECK(clean_name(" 张　三 ") == "张三");
  CHECK(clean_name("John  Smith") == "John Smith");
  CHECK(clean_text("ＡＢ１２ ") == "AB12");
  CHECK(split_list("检查记录、视频资料，照片;  台账") == std::vector<std::string>{"检查记录", "视频资料", "照片", "台账"});

  const KindSpec& people = *find_kind("people");
  Message why;
  for (auto w : {"正厅", "正厅级", "厅级正职"}) CHECK(read_value(*people.find("rank"), Cell::of_text(w), why)->text == "正厅");
  CHECK(read_value(*people.find("rank"), Cell::of_text("副处长"), why)->text == "副处");
  CHECK_FALSE(read_value(*people.find("rank"), Cell::of_text("部长级"), why));
  CHECK(why.en.find("'部长级' is not one of the choices") == 0);
  CHECK(read_value(*people.find("category"), Cell::of_text("特邀专家"), why)->boolean);
  auto date = read_value(*find_kind("tours")->find("start"), Cell::of_number(46082), why);
  CHECK(format_iso(date->date) == "2026-03-01");
  auto stages = read_value(*find_kind("problems")->find("stages"), Cell::of_text("2021-10-20 | 完成阶段任务 | 2021-10-15\n2027-12-31|形成长效机制"), why);
  REQUIRE(stages);
  REQUIRE(stages->items.size() == 2);
  CHECK(stages->items[1].fields.size() == 2);
}

TEST_CASE("import: a roster under title rows, with synonyms, totals and notes") {
  auto book = csv(
      "湖北省安全生产巡查人员名册,,,,,\n"
      "填报单位：省安委办,,,,,\n"
      "序号,姓名,工作单位,职级,是否在职,备注\n"
      "1,王 建华,省应急厅,正厅级,是,\n"
      "2,李四,省公安厅,处长,√,借调\n"
      ",,,,,\n"
      "3,赵六,省公安厅,部长级,×,\n"
      "4,钱七,,副处,Y,\n"
      "合计,4人,,,,\n");
  ImportOptions opt;
  opt.refs["units"] = {{"yjt", "省应急管理厅"}, {"gat", "省公安厅"}};
  auto r = import_books({book}, opt);
  REQUIRE_FALSE(r.fatal);
  CHECK(r.kind->kind == "people");
  CHECK(r.guessed);
  REQUIRE(r.records.size() == 3);
  CHECK(text_of(r.records[0], "name") == "王建华");
  CHECK(text_of(r.records[0], "unit") == "yjt");
  CHECK(text_of(r.records[0], "rank") == "正厅");
  CHECK(text_of(r.records[1], "rank") == "正处");
  CHECK(r.records[0].id == "p001");
  CHECK(r.records[0].source_zh == "roster.csv!第4行");
  CHECK(r.records[2].fields.size() == 4);  // 部长级 left out of 赵六's record
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].where == "roster.csv:7:4");
  CHECK(r.errors[1].where == "roster.csv:8:3");  // 钱七 has no unit: the row is skipped
  std::size_t skipped = 0;
  for (const auto& s : r.skipped) skipped += s.rows;
  CHECK(skipped == 2);  // the totals row and 钱七

  // The same sheet again gives the same ids.
  auto again = import_books({book}, opt);
  REQUIRE(again.records.size() == r.records.size());
  for (std::size_t i = 0; i < r.records.size(); ++i) CHECK(again.records[i].id == r.records[i].id);
}

TEST_CASE("import: refusals") {
  ImportOptions opt;
  auto none = import_books({csv("甲,乙\n1,2\n")}, opt);
  REQUIRE(none.fatal);
  CHECK(none.fatal->where == "roster.csv");

  opt.kind = "people";
  auto twice = import_books({csv("姓名,单位,工作单位\n张三,a,b\n")}, opt);
  REQUIRE(twice.fatal);
  CHECK(twice.fatal->where == "roster.csv:1:3");
  CHECK(twice.fatal->message.en.find("both map to the field unit") != std::string::npos);
  opt.map = {{"单位", "-"}};
  CHECK_FALSE(import_books({csv("姓名,单位,工作单位\n张三,a,b\n")}, opt).fatal);

  opt.map = {};
  auto missing = import_books({csv("姓名,职级\n张三,正处\n")}, opt);
  REQUIRE(missing.fatal);
  CHECK(missing.fatal->message.zh.find("工作单位") != std::string::npos);
}

TEST_CASE("import: tours with ids from region and year; problems numbered per tour") {
  ImportOptions opt;
  opt.refs["regions"] = {{"wuhan", "武汉市"}, {"yichang", "宜昌市"}};
  auto tours = import_books({csv("被巡查地区,进驻时间,结束时间,巡查反馈\n武汉市,2026/3/1,2026年3月10日,20260420\n宜昌市,46082,2026.3.15,\n")}, opt);
  REQUIRE_FALSE(tours.fatal);
  CHECK(tours.kind->kind == "tours");
  REQUIRE(tours.records.size() == 2);
  CHECK(tours.records[0].id == "T2026-wuhan");
  const Field* ms = field(tours.records[0], "milestones");
  REQUIRE(ms);
  CHECK(ms->value.fields.at(0).key == "feedback");

  // 巡查时间 as one cell: start and end.
  auto period = import_books({csv("巡查对象,巡查时间\n武汉市,2026年3月1日-15日\n")}, opt);
  REQUIRE(period.records.size() == 1);
  CHECK(period.records[0].id == "T2026-wuhan");
  CHECK(format_iso(field(period.records[0], "end")->value.date) == "2026-03-15");

  opt.kind = "problems";
  auto problems = import_books({csv("巡查,发现时间,问题描述\nT2026-wuhan,2026-3-2,a\nT2026-wuhan,2026-3-3,b\nT2026-yichang,2026-3-4,c\n")}, opt);
  REQUIRE(problems.records.size() == 3);
  CHECK(problems.records[1].id == "P2026-wuhan-02");
  CHECK(problems.records[2].id == "P2026-yichang-01");
}

TEST_CASE("import: xlsx written by the project's own writer reads back") {
  cli::xlsx::Workbook wb;
  cli::xlsx::Sheet s;
  s.name = "人员名册";
  s.title = {"XX省安全生产巡查人员名册"};
  s.header = {"姓名", "单位", "进驻", "人数"};
  s.rows = {{cli::xlsx::Cell::of(std::string("张三")), cli::xlsx::Cell::of(std::string("yjt")),
             cli::xlsx::Cell::of(*parse_iso_date("2026-03-01")), cli::xlsx::Cell::of(3)}};
  s.highlight = {false};
  wb.sheets.push_back(s);
  std::string bytes = cli::xlsx::render(wb);
  CHECK(sniff_format(bytes) == Format::xlsx);
  auto r = read_xlsx(bytes, "roster.xlsx");
  REQUIRE(r.ok());
  const Sheet& sh = r.book->sheets.at(0);
  CHECK(sh.name == "人员名册");
  REQUIRE(sh.rows.size() == 3);
  CHECK(sh.rows[0].cells[0].text == "XX省安全生产巡查人员名册");
  CHECK(sh.rows[2].cells[0].text == "张三");
  CHECK(sh.rows[2].cells[2].type == Cell::Type::date);
  CHECK(format_iso(sh.rows[2].cells[2].date) == "2026-03-01");
  CHECK(sh.rows[2].cells[3].number == 3);
  CHECK(cell_where(*r.book, sh, 2, 3) == "roster.xlsx!人员名册!C3");

  CHECK_FALSE(read_xlsx("PK\x03\x04garbage", "bad.xlsx").ok());
  ReadLimits tiny;
  tiny.max_part_bytes = 100;
  auto bomb = read_xlsx(bytes, "big.xlsx", tiny);
  REQUIRE_FALSE(bomb.ok());
  CHECK(bomb.error.message.en.find("zip bomb") != std::string::npos);
}
