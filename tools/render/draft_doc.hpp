#pragma once
// A drafted document (xuncha draft), independent of its format: paragraphs in the styles of a
// 公文 (title, headings 一、（一）1., body, signature) and tables. The html, docx and json
// renderers all read this one value, so the three say the same thing.
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
};
inline constexpr std::string_view style_names[] = {"title", "subtitle", "addressee", "heading1", "heading2",
                                                   "heading3", "body", "signature", "attachment", "note"};

/// A piece of a paragraph; a marker (【待填写：…】, 【待补充：…】) stands out in every format.
struct Span {
  std::string text;
  bool marker = false;
};

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

/// One paragraph, one table or one chart (an inline SVG drawn by the html page only; the docx
/// leaves it out, the json names it by its caption, the spans).
struct Block {
  Style style = Style::body;
  std::vector<Span> spans;
  bool is_table = false;
  Table table;
  std::string svg;  ///< a chart: the <svg> element, black and white

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

  void add(Style style, std::vector<Span> spans) { blocks.push_back({style, std::move(spans), false, {}, {}}); }
  void add(Style style, std::string text) { add(style, std::vector<Span>{{std::move(text), false}}); }
  void add_table(Table t) {
    Block b;
    b.is_table = true;
    b.table = std::move(t);
    blocks.push_back(std::move(b));
  }
  void add_chart(std::string svg, std::string caption) {
    Block b;
    b.style = Style::note;
    b.spans = {{std::move(caption), false}};
    b.svg = std::move(svg);
    blocks.push_back(std::move(b));
  }
  /// The markers left in the document, in order.
  std::vector<std::string> markers() const;
};

/// The markers (【待填写：…】, 【待补充：…】, 【To write: …】, 【Missing: …】) found in `text`.
std::vector<std::string> find_markers(std::string_view text);

}  // namespace xuncha::cli::draft
