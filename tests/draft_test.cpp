// xuncha draft's building blocks: markers, the .docx writer read back by the project's own
// reader (byte-identical twice), and -f docx refused on a terminal like xlsx.
#include <doctest/doctest.h>

#include "app/app.hpp"
#include "render/docx.hpp"

#include <sstream>

using namespace xuncha;

TEST_CASE("draft: markers are found in both languages, other brackets are not") {
  auto m = cli::draft::find_markers("一【待填写：原因分析】二【注】三【待补充：值班电话】【To write: causes】【Missing: phone】【待填写");
  REQUIRE(m.size() == 4);
  CHECK(m[0] == "【待填写：原因分析】");
  CHECK(m[1] == "【待补充：值班电话】");
  CHECK(m[2] == "【To write: causes】");
  CHECK(m[3] == "【Missing: phone】");
  CHECK(cli::draft::find_markers("没有标记").empty());
}

TEST_CASE("draft: a .docx reads back paragraph by paragraph and is the same bytes twice") {
  cli::draft::Document d;
  d.kind = "report";
  d.title = "关于<测试>&的报告";
  d.add(cli::draft::Style::title, d.title);
  d.add(cli::draft::Style::heading1, "一、情况");
  d.add(cli::draft::Style::body, {{"原因：", false}, {"【待填写：原因分析】", true}});
  d.add_table({{"序号", "问题"}, {{"1", "有限空间 \"作业\""}}});
  auto bytes = cli::docx_document(d, true);
  CHECK(bytes.substr(0, 2) == "PK");
  CHECK(bytes == cli::docx_document(d, true));
  auto paras = cli::docx_paragraphs(bytes, "t.docx");
  REQUIRE(paras.size() == 8);  // 3 paragraphs, 4 table cells, the empty paragraph after the table
  CHECK(paras[0] == "关于<测试>&的报告");
  CHECK(paras[2] == "原因：【待填写：原因分析】");
  CHECK(paras[6] == "有限空间 \"作业\"");
  CHECK(paras[7].empty());
  CHECK(d.markers() == std::vector<std::string>{"【待填写：原因分析】"});
  CHECK_THROWS_AS(cli::docx_paragraphs("not a zip", "x.docx"), cli::UsageError);
}

TEST_CASE("draft: a chart is a grid table in the docx, with its caption and legend; a copy starts a page") {
  cli::draft::Document d;
  d.kind = "annual";
  d.title = "总结";
  d.add_table({{"步骤"}, {{"报告"}}});
  cli::draft::Grid g;
  g.rows = {{{"地区"}, {"0%", cli::draft::Fill::none, 2}}, {{"武汉市"}, {"", cli::draft::Fill::black}, {"", cli::draft::Fill::grey}}};
  g.widths = {4, 1, 1};
  g.legend = "图例";
  d.add_chart("<svg/>", g, "图1　测试");
  d.add(cli::draft::Style::recipient, "送：省委组织部");
  d.blocks.back().new_page = true;
  auto paras = cli::docx_paragraphs(cli::docx_document(d, true), "t.docx");
  // The table's two cells, the paragraph keeping the tables apart, the grid's five cells, the
  // caption, the legend, the recipient.
  REQUIRE(paras.size() == 11);
  CHECK(paras[2].empty());
  CHECK(paras[3] == "地区");
  CHECK(paras[4] == "0%");
  CHECK(paras[8] == "图1　测试");
  CHECK(paras[9] == "图例");
  CHECK(paras[10] == "送：省委组织部");
  auto bytes = cli::docx_document(d, true);
  CHECK(bytes == cli::docx_document(d, true));
}

TEST_CASE("draft: -f docx to a terminal is a usage error, as xlsx is") {
  cli::Environment env;
  env.today = *parse_iso_date("2026-11-30");
  env.stdout_tty = true;
  std::ostringstream out, err;
  int code = cli::run({"draft", "report", XUNCHA_SOURCE_DIR "/examples/province", "--tour", "T2025-wuhan", "-f", "docx"}, env, out, err);
  CHECK(code == 2);
  CHECK(out.str().empty());
  CHECK(err.str().find("-o FILE.docx") != std::string::npos);
}
