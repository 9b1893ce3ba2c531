#pragma once
// A drafted document (xuncha draft), independent of its format: paragraphs in the styles of a
// 公文 (title, headings 一、（一）1., body, signature) and tables. The html, docx and json
// renderers all read this one value, so the three say the same thing.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xuncha::cli::draft {

/// The paragraph styles of GB/T 9704 documents (DOCUMENTS.md).
enum class Style {
  title,       ///< 2号 小标宋, centred
  subtitle,    ///< 楷体, centred (a line under the title)
  addressee,   ///< 主送机关, flush left
  heading1,    ///< 一、 黑体
  heading2,    ///< （一） 楷体
  heading3,    ///< 1. 仿宋
  body,        ///< 3号 仿宋, first line indented two characters
  signature,   ///< issuer and date, right-aligned
  attachment,  ///< "附件1", 黑体 flush left, starts a new page
  note,        ///< a small note (under a table, on the first page)
  recipient,   ///< the head of one copy of a document sent to several bodies, 黑体 flush left
};
inline constexpr std::string_view style_names[] = {"title", "subtitle", "addressee", "heading1", "heading2",
                                                   "heading3", "body", "signature", "attachment", "note", "recipient"};

/// A piece of a paragraph; a marker (【待填写：…】, 【待补充：…】) stands out in every format.
struct Span {
  std::string text;
  bool marker = false;
};

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

/// How a chart's cell is filled where the chart is drawn as a table (docx): black and white only.
enum class Fill : std::uint8_t { none, black, hatched, grey };
inline constexpr std::string_view fill_names[] = {"none", "black", "hatched", "grey"};

struct GridCell {
  std::string text;
  Fill fill = Fill::none;
  int span = 1;  ///< columns the cell takes
};

/// A chart drawn as a table of small cells whose fills carry the picture (Word, WPS and
/// LibreOffice all open and print it): rows[0] is the header; each row starts with its label;
/// `widths` are the columns' relative widths (label first); `legend` says what the fills mean.
struct Grid {
  std::vector<std::vector<GridCell>> rows;
  std::vector<int> widths;
  std::string legend;
};

/// One paragraph, one table or one chart (an inline SVG on the html page; a grid table with its
/// caption and legend in the docx; the json gives the caption as text, the legend and the grid).
struct Block {
  Style style = Style::body;
  std::vector<Span> spans;
  bool is_table = false;
  Table table;
  std::string svg;  ///< a chart: the <svg> element, black and white
  Grid grid;        ///< a chart: the same picture as a grid (docx, json)
  bool new_page = false;  ///< starts a new page (the next copy of a document)

  /// The paragraph's text, markers included.
  std::string text() const {
    std::string s;
    for (const auto& x : spans) s += x.text;
    return s;
  }
};

struct Document {
  std::string kind;   ///< report, feedback, announcement, ...
  std::string title;  ///< also the html page title
  bool landscape = false;
  std::vector<Block> blocks;
  /// A document sent to several bodies: one copy each, in this order, each headed by a
  /// Style::recipient block (the copies after the first start a new page).
  std::vector<std::string> copies;
  /// Said when part of the document was generated rather than read from the data (a team plan
  /// the staff planner made); empty otherwise.
  std::string generated;

  void add(Style style, std::vector<Span> spans) { blocks.push_back({style, std::move(spans), false, {}, {}, {}, false}); }
  void add(Style style, std::string text) { add(style, std::vector<Span>{{std::move(text), false}}); }
  void add_table(Table t) {
    Block b;
    b.is_table = true;
    b.table = std::move(t);
    blocks.push_back(std::move(b));
  }
  void add_chart(std::string svg, Grid grid, std::string caption) {
    Block b;
    b.style = Style::note;
    b.spans = {{std::move(caption), false}};
    b.svg = std::move(svg);
    b.grid = std::move(grid);
    blocks.push_back(std::move(b));
  }
  /// The markers left in the document, in order.
  std::vector<std::string> markers() const;
};

/// The markers (【待填写：…】, 【待补充：…】, 【To write: …】, 【Missing: …】) found in `text`.
std::vector<std::string> find_markers(std::string_view text);

}  // namespace xuncha::cli::draft
