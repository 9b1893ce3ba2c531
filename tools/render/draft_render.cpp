// xuncha draft's html and json: one reading of draft::Document each.
#include "render/draft_render.hpp"

#include "render/json.hpp"
#include "render/print_frame.hpp"
#include "render/xml.hpp"

#include <fmt/format.h>

namespace xuncha::cli {
namespace {

// GB/T 9704 body: 3号 仿宋 (16 pt), 22 lines of 28 characters in the 156 × 225 mm type area:
// a line pitch of 225/22 mm and letters spaced to fill 156 mm with 28 characters.
constexpr std::string_view css = R"(body{font-size:16pt;line-height:10.227mm;letter-spacing:-0.07mm;}
p{margin:0;text-align:justify;}
p.body,p.h1,p.h2,p.h3{text-indent:2em;}
p.h1,p.attachment,p.recipient,th{font-family:"SimHei","黑体","Heiti SC","STHeiti","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;font-weight:normal;}
p.h2,p.subtitle{font-family:"KaiTi_GB2312","楷体_GB2312","KaiTi","楷体","STKaiti","Kaiti SC","AR PL UKai CN",serif;}
p.h1,p.h2,p.h3{break-after:avoid;}
h1{line-height:1.4;margin:0 0 10.227mm;}
p.subtitle{text-align:center;}
p.signature{text-align:right;}
p.attachment,.newpage{break-before:page;}
p.note{font-size:12pt;line-height:1.5;}
.mark{border:1pt solid #000;padding:0 2pt;}
table{border-collapse:collapse;width:100%;font-size:12pt;line-height:1.35;margin:0.3em 0;}
th,td{border:0.5pt solid #000;padding:2pt 3pt;text-align:center;vertical-align:middle;overflow-wrap:break-word;}
thead{display:table-header-group;}
tr{break-inside:avoid;}
figure{margin:0.3em 0;break-inside:avoid;}
figure svg{display:block;width:85%;height:auto;margin:0 auto;}
figcaption{font-size:12pt;line-height:1.5;text-align:center;}
)";

std::string spans_html(const std::vector<draft::Span>& spans) {
  std::string s;
  for (const auto& sp : spans)
    s += sp.marker ? "<span class=\"mark\">" + xml_escape(sp.text) + "</span>" : xml_escape(sp.text);
  return s;
}

std::string cell_html(const std::string& text) {
  std::vector<draft::Span> spans;
  std::size_t at = 0;
  for (const auto& m : draft::find_markers(text)) {
    std::size_t p = text.find(m, at);
    spans.push_back({text.substr(at, p - at), false});
    spans.push_back({m, true});
    at = p + m.size();
  }
  spans.push_back({text.substr(at), false});
  return spans_html(spans);
}

}  // namespace

std::string draft_html(const Context& ctx, const draft::Document& doc) {
  std::string o = print_page_open(ctx.zh, doc.title, css, doc.landscape);
  for (const auto& b : doc.blocks) {
    if (!b.svg.empty()) {
      o += "<figure>\n" + b.svg + "\n<figcaption>" + spans_html(b.spans) + "</figcaption>\n</figure>\n";
      continue;
    }
    if (b.is_table) {
      o += "<table>\n<thead><tr>";
      for (const auto& h : b.table.header) o += "<th>" + cell_html(h) + "</th>";
      o += "</tr></thead>\n<tbody>\n";
      for (const auto& r : b.table.rows) {
        o += "<tr>";
        for (const auto& c : r) o += "<td>" + cell_html(c) + "</td>";
        o += "</tr>\n";
      }
      o += "</tbody>\n</table>\n";
      continue;
    }
    if (b.style == draft::Style::title) {
      o += b.new_page ? "<h1 class=\"newpage\">" : "<h1>";
      o += spans_html(b.spans) + "</h1>\n";
      continue;
    }
    static constexpr std::string_view cls[] = {"title", "subtitle", "addressee", "h1", "h2", "h3", "body", "signature",
                                               "attachment", "note", "recipient"};
    static_assert(std::size(cls) == std::size(draft::style_names));
    o += fmt::format("<p class=\"{}{}\">{}</p>\n", cls[static_cast<std::size_t>(b.style)], b.new_page ? " newpage" : "",
                     spans_html(b.spans));
  }
  return o + "</body>\n</html>\n";
}

std::string draft_json(const Context& ctx, const draft::Document& doc) {
  Json j = json_envelope(ctx, "draft");
  j["document"] = doc.kind;
  j["lang"] = ctx.zh ? "zh" : "en";
  j["title"] = doc.title;
  Json blocks = Json::array();
  for (const auto& b : doc.blocks) {
    if (!b.svg.empty()) {
      // The chart as the docx draws it: its grid's cell texts and fills (a cell spanning several
      // columns appears once), and the legend.
      Json rows = Json::array(), fills = Json::array();
      for (const auto& r : b.grid.rows) {
        Json texts = Json::array(), fs = Json::array();
        for (const auto& c : r) {
          texts.push_back(c.text);
          fs.push_back(draft::fill_names[static_cast<std::size_t>(c.fill)]);
        }
        rows.push_back(std::move(texts));
        fills.push_back(std::move(fs));
      }
      blocks.push_back({{"type", "chart"}, {"text", b.text()}, {"legend", b.grid.legend}, {"rows", rows}, {"fills", fills}});
      continue;
    }
    if (b.is_table) {
      Json rows = Json::array();
      for (const auto& r : b.table.rows) rows.push_back(r);
      blocks.push_back({{"type", "table"}, {"header", b.table.header}, {"rows", rows}});
    } else {
      blocks.push_back({{"type", "paragraph"}, {"style", draft::style_names[static_cast<std::size_t>(b.style)]}, {"text", b.text()}});
    }
    if (b.new_page) blocks.back()["new_page"] = true;
  }
  if (!doc.copies.empty()) j["copies"] = doc.copies;
  if (!doc.generated.empty()) j["generated"] = doc.generated;
  j["blocks"] = std::move(blocks);
  j["markers"] = doc.markers();
  return json_dump(j);
}

}  // namespace xuncha::cli
