// Word documents (.docx): the parts DOCUMENTS.md lists, zipped with libzip into memory. Every
// entry has the same fixed DOS time (1980-01-01 00:00) so that a document is byte-identical
// across runs and time zones.
#include "render/docx.hpp"

#include "base/context.hpp"
#include "render/xml.hpp"

#include <xuncha/text/width.hpp>

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <memory>

namespace xuncha::cli {
namespace {

constexpr std::string_view ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view xml_decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// GB/T 9704 in twips (1 mm = 56.7 twips): A4 11906 × 16838; margins top 37, binding (left) 28,
// bottom 35, outer (right) 26 mm. 22 lines in the 225 mm type area: a line pitch of 28.95 pt.
constexpr int page_w = 11906, page_h = 16838;
constexpr int m_top = 2098, m_left = 1588, m_bottom = 1984, m_right = 1474;
constexpr int line_pitch = 579;

constexpr std::string_view content_types = R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>
)";

constexpr std::string_view package_rels = R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>
)";

constexpr std::string_view document_rels = R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>
</Relationships>
)";

// Odd and even footers differ (page numbers on the outer side).
constexpr std::string_view settings = R"(<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:defaultTabStop w:val="420"/>
<w:evenAndOddHeaders/>
<w:characterSpacingControl w:val="compressPunctuation"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
</w:settings>
)";

// Fonts: the names office machines have; Word, WPS and LibreOffice substitute the nearest.
constexpr std::string_view fangsong = "仿宋_GB2312", heiti = "黑体", kaiti = "楷体_GB2312", xbs = "方正小标宋简体",
                           songti = "宋体";

std::string fonts(std::string_view east, std::string_view latin = "Times New Roman") {
  return fmt::format("<w:rFonts w:ascii=\"{1}\" w:hAnsi=\"{1}\" w:eastAsia=\"{0}\" w:cs=\"{1}\"/>", east, latin);
}

std::string para_style(std::string_view id, std::string_view name, std::string_view ppr, std::string_view rpr,
                       bool is_default = false) {
  return fmt::format("<w:style w:type=\"paragraph\"{} w:styleId=\"{}\"><w:name w:val=\"{}\"/>{}<w:qFormat/>"
                     "<w:pPr>{}</w:pPr><w:rPr>{}</w:rPr></w:style>\n",
                     is_default ? " w:default=\"1\"" : "", id, name, is_default ? "" : "<w:basedOn w:val=\"Normal\"/>",
                     ppr, rpr);
}

std::string styles_xml() {
  const std::string exact = fmt::format("<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{}\" w:lineRule=\"exact\"/>", line_pitch);
  const std::string indent = "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>";
  const std::string flush = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>";
  std::string s = fmt::format("<w:styles xmlns:w=\"{}\">\n", ns_w);
  s += fmt::format("<w:docDefaults><w:rPrDefault><w:rPr>{}<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" "
                   "w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>{}</w:pPr></w:pPrDefault></w:docDefaults>\n",
                   fonts(fangsong), exact);
  // Inside <w:pPr> WordprocessingML fixes the order (keepNext, pageBreakBefore, snapToGrid,
  // spacing, ind, jc, outlineLvl); Word refuses a document that breaks it.
  const std::string free = "<w:snapToGrid w:val=\"0\"/>";
  const std::string single = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>";
  const std::string centre = "<w:jc w:val=\"center\"/>";
  s += para_style("Normal", "Normal", exact + "<w:jc w:val=\"both\"/>", fonts(fangsong) + "<w:sz w:val=\"32\"/>", true);
  s += para_style("Body", "Body Text", indent, "");
  s += para_style("Title", "Title", free + "<w:spacing w:before=\"0\" w:after=\"579\" w:line=\"700\" w:lineRule=\"exact\"/>" + flush + centre,
                  fonts(xbs) + "<w:b w:val=\"0\"/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>");
  s += para_style("Subtitle", "Subtitle", flush + centre, fonts(kaiti));
  s += para_style("Addressee", "Salutation", flush, "");
  s += para_style("Heading1", "heading 1", "<w:keepNext/>" + indent + "<w:outlineLvl w:val=\"0\"/>", fonts(heiti) + "<w:b w:val=\"0\"/>");
  s += para_style("Heading2", "heading 2", "<w:keepNext/>" + indent + "<w:outlineLvl w:val=\"1\"/>", fonts(kaiti) + "<w:b w:val=\"0\"/>");
  s += para_style("Heading3", "heading 3", "<w:keepNext/>" + indent + "<w:outlineLvl w:val=\"2\"/>", "");
  s += para_style("Signature", "Signature", flush + "<w:jc w:val=\"right\"/>", "");
  s += para_style("Attachment", "Attachment", "<w:keepNext/><w:pageBreakBefore/>" + flush, fonts(heiti));
  s += para_style("Recipient", "Recipient", "<w:keepNext/>" + flush, fonts(heiti));
  s += para_style("Note", "Note", free + "<w:spacing w:before=\"120\" w:after=\"0\" w:line=\"360\" w:lineRule=\"auto\"/>" + flush,
                  "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>");
  s += para_style("Caption", "caption", free + "<w:spacing w:before=\"60\" w:after=\"0\" w:line=\"360\" w:lineRule=\"auto\"/>" + flush + centre,
                  "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>");
  s += para_style("ChartText", "Chart Text", free + "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"220\" w:lineRule=\"exact\"/>" + flush + centre,
                  "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>");
  s += para_style("TableText", "Table Text", free + single + flush + centre, "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>");
  s += para_style("TableHeader", "Table Header", free + single + flush + centre, fonts(heiti) + "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>");
  s += fmt::format("<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
                   "<w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/>{}</w:pPr><w:rPr>{}<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>\n",
                   flush, fonts(songti));
  s += "<w:style w:type=\"character\" w:styleId=\"Marker\"><w:name w:val=\"Marker\"/><w:rPr><w:highlight w:val=\"yellow\"/></w:rPr></w:style>\n";
  s += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
       "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"60\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
       "<w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\n";
  return s + "</w:styles>\n";
}

// "— 1 —", right on odd pages, left on even ones.
std::string footer_xml(bool odd) {
  return fmt::format("<w:ftr xmlns:w=\"{0}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:ind w:{1}=\"280\"/><w:jc w:val=\"{1}\"/></w:pPr>"
                     "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
                     "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>\n",
                     ns_w, odd ? "right" : "left");
}

std::string core_xml(const draft::Document& doc) {
  return fmt::format("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                     "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:creator>xuncha</dc:creator>"
                     "</cp:coreProperties>\n",
                     xml_escape(doc.title));
}

std::string run(std::string_view text, bool marker) {
  if (text.empty()) return "";
  return fmt::format("<w:r>{}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                     marker ? "<w:rPr><w:rStyle w:val=\"Marker\"/><w:highlight w:val=\"yellow\"/></w:rPr>" : "", xml_escape(text));
}

std::string style_id(draft::Style s) {
  switch (s) {
    case draft::Style::title: return "Title";
    case draft::Style::subtitle: return "Subtitle";
    case draft::Style::addressee: return "Addressee";
    case draft::Style::heading1: return "Heading1";
    case draft::Style::heading2: return "Heading2";
    case draft::Style::heading3: return "Heading3";
    case draft::Style::body: return "Body";
    case draft::Style::signature: return "Signature";
    case draft::Style::attachment: return "Attachment";
    case draft::Style::note: return "Note";
    case draft::Style::recipient: return "Recipient";
  }
  return "Body";
}

std::string cell(std::string_view text, int width, bool header) {
  std::string runs;
  // Markers in a cell are highlighted too.
  auto ms = draft::find_markers(text);
  std::size_t at = 0;
  for (const auto& m : ms) {
    std::size_t p = text.find(m, at);
    runs += run(text.substr(at, p - at), false) + run(m, true);
    at = p + m.size();
  }
  runs += run(text.substr(at), false);
  return fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                     "<w:p><w:pPr><w:pStyle w:val=\"{}\"/></w:pPr>{}</w:p></w:tc>",
                     width, header ? "TableHeader" : "TableText", runs);
}

std::string table_xml(const draft::Table& t, int text_width) {
  // Column widths in display columns (a CJK character is two): every
  // column first gets its header on at most two lines and short content (a number, 一般, 限期整改) on
  // one line; what is left goes to the columns whose text is longer, in proportion to what they
  // lack; whatever remains, in proportion to the widths so far.
  std::size_t n = t.header.size();
  std::vector<double> want(n), minw(n);
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t content = 0;
    for (const auto& r : t.rows)
      if (c < r.size()) content = std::max(content, text::display_width(r[c]));
    std::size_t head = text::display_width(t.header[c]);
    minw[c] = static_cast<double>(std::max<std::size_t>((head + 1) / 2, std::min<std::size_t>(content, 8)) + 2);
    want[c] = static_cast<double>(std::max(head, content) + 2);
  }
  // Latin letters and digits in 小四 are wider than half a CJK character: 130 twips a column.
  const double avail = static_cast<double>(text_width) / 130.0;
  double sum_min = 0, lack = 0;
  for (std::size_t c = 0; c < n; ++c) sum_min += minw[c], lack += want[c] - minw[c];
  std::vector<double> w = minw;
  if (sum_min < avail && lack > 0) {
    double share = std::min(1.0, (avail - sum_min) / lack);
    for (std::size_t c = 0; c < n; ++c) w[c] += (want[c] - minw[c]) * share;
  }
  double total = 0;
  for (double x : w) total += x;
  std::vector<int> tw(n);
  for (std::size_t c = 0; c < n; ++c) tw[c] = static_cast<int>(static_cast<double>(text_width) * w[c] / std::max(total, 1.0));
  std::string s = "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:jc w:val=\"center\"/><w:tblBorders>";
  for (auto side : {"top", "left", "bottom", "right", "insideH", "insideV"})
    s += fmt::format("<w:{} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>", side);
  s += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>";
  for (int x : tw) s += fmt::format("<w:gridCol w:w=\"{}\"/>", x);
  s += "</w:tblGrid>\n<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
  for (std::size_t c = 0; c < n; ++c) s += cell(t.header[c], tw[c], true);
  s += "</w:tr>\n";
  for (const auto& r : t.rows) {
    s += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    for (std::size_t c = 0; c < n; ++c) s += cell(c < r.size() ? r[c] : std::string(), tw[c], false);
    s += "</w:tr>\n";
  }
  return s + "</w:tbl>\n";
}

// A chart as a table of small cells (draft::Grid): fills as cell shading, which Word, WPS and
// LibreOffice all draw and a black-and-white printer keeps apart: black, a 50% screen (hatched on
// the html page: LibreOffice draws a stripe pattern as its average grey, so the docx uses the grey
// every program draws alike), a 40% screen (the closure bars); the header row repeats and no row splits.
std::string grid_xml(const draft::Grid& g, int text_width) {
  int total = 0;
  for (int w : g.widths) total += w;
  std::vector<int> tw;
  for (int w : g.widths) tw.push_back(text_width * w / std::max(total, 1));
  std::string s = "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:jc w:val=\"center\"/><w:tblBorders>";
  for (auto side : {"top", "left", "bottom", "right", "insideH"})
    s += fmt::format("<w:{} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>", side);
  s += "<w:insideV w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"808080\"/>";
  s += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" "
       "w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>";
  for (int x : tw) s += fmt::format("<w:gridCol w:w=\"{}\"/>", x);
  s += "</w:tblGrid>\n";
  static constexpr std::string_view shade[] = {
      "", "<w:shd w:val=\"solid\" w:color=\"000000\" w:fill=\"000000\"/>",
      "<w:shd w:val=\"pct50\" w:color=\"000000\" w:fill=\"FFFFFF\"/>",
      "<w:shd w:val=\"pct40\" w:color=\"000000\" w:fill=\"FFFFFF\"/>"};
  for (std::size_t r = 0; r < g.rows.size(); ++r) {
    s += r == 0 ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
    std::size_t col = 0;
    for (const auto& c : g.rows[r]) {
      int width = 0;
      for (int k = 0; k < c.span && col + static_cast<std::size_t>(k) < tw.size(); ++k) width += tw[col + static_cast<std::size_t>(k)];
      col += static_cast<std::size_t>(c.span);
      s += fmt::format("<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{}{}<w:vAlign w:val=\"center\"/></w:tcPr>"
                       "<w:p><w:pPr><w:pStyle w:val=\"ChartText\"/></w:pPr>{}</w:p></w:tc>",
                       width, c.span > 1 ? fmt::format("<w:gridSpan w:val=\"{}\"/>", c.span) : "", shade[static_cast<std::size_t>(c.fill)],
                       run(c.text, false));
    }
    s += "</w:tr>\n";
  }
  return s + "</w:tbl>\n";
}

std::string document_xml(const draft::Document& doc) {
  const bool land = doc.landscape;
  const int text_width = land ? page_h - m_top - m_bottom : page_w - m_left - m_right;
  std::string s = fmt::format("<w:document xmlns:w=\"{}\" xmlns:r=\"{}\"><w:body>\n", ns_w, ns_r);
  for (const auto& b : doc.blocks) {
    if (!b.svg.empty()) {
      // A chart: its grid, the caption under it, then the legend. Word joins two tables with
      // nothing between them into one: an empty paragraph keeps a table before the grid apart.
      if (b.grid.rows.empty()) continue;
      if (&b != &doc.blocks.front() && (&b - 1)->is_table) s += "<w:p><w:pPr><w:pStyle w:val=\"Note\"/></w:pPr></w:p>\n";
      s += grid_xml(b.grid, text_width);
      s += "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr>";
      for (const auto& sp : b.spans) s += run(sp.text, sp.marker);
      s += "</w:p>\n";
      s += "<w:p><w:pPr><w:pStyle w:val=\"Note\"/></w:pPr>" + run(b.grid.legend, false) + "</w:p>\n";
      continue;
    }
    if (b.is_table) {
      s += table_xml(b.table, text_width);
      continue;
    }
    s += fmt::format("<w:p><w:pPr><w:pStyle w:val=\"{}\"/>{}</w:pPr>", style_id(b.style), b.new_page ? "<w:pageBreakBefore/>" : "");
    for (const auto& sp : b.spans) s += run(sp.text, sp.marker);
    s += "</w:p>\n";
  }
  // Word wants the body to end with a paragraph, not a table.
  if (!doc.blocks.empty() && doc.blocks.back().is_table) s += "<w:p/>\n";
  // A landscape page turns the margins with it (PRINT.md): top 28, right 35, bottom 26, left 37.
  s += "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/><w:footerReference w:type=\"even\" r:id=\"rId4\"/>";
  if (land)
    s += fmt::format("<w:pgSz w:w=\"{}\" w:h=\"{}\" w:orient=\"landscape\"/><w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" "
                     "w:left=\"{}\" w:header=\"851\" w:footer=\"850\" w:gutter=\"0\"/>",
                     page_h, page_w, m_left, m_bottom, m_right, m_top);
  else
    s += fmt::format("<w:pgSz w:w=\"{}\" w:h=\"{}\"/><w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" "
                     "w:header=\"851\" w:footer=\"1304\" w:gutter=\"0\"/>",
                     page_w, page_h, m_top, m_right, m_bottom, m_left);
  s += fmt::format("<w:docGrid w:type=\"lines\" w:linePitch=\"{}\"/></w:sectPr>\n</w:body></w:document>\n", line_pitch);
  return s;
}

struct ZipDeleter {
  void operator()(zip_t* z) const { zip_discard(z); }
};

[[noreturn]] void zip_failure(const char* what) {
  throw std::runtime_error(fmt::format("docx: {} failed", what));
}

}  // namespace

std::string docx_document(const draft::Document& doc, bool zh) {
  (void)zh;
  // The parts must outlive zip_close, which reads them.
  const std::vector<std::pair<std::string, std::string>> parts{
      {"[Content_Types].xml", std::string(xml_decl) + std::string(content_types)},
      {"_rels/.rels", std::string(xml_decl) + std::string(package_rels)},
      {"docProps/core.xml", std::string(xml_decl) + core_xml(doc)},
      {"word/_rels/document.xml.rels", std::string(xml_decl) + std::string(document_rels)},
      {"word/document.xml", std::string(xml_decl) + document_xml(doc)},
      {"word/styles.xml", std::string(xml_decl) + styles_xml()},
      {"word/settings.xml", std::string(xml_decl) + std::string(settings)},
      {"word/footer1.xml", std::string(xml_decl) + footer_xml(true)},
      {"word/footer2.xml", std::string(xml_decl) + footer_xml(false)},
  };
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!buffer) zip_failure("zip_source_buffer_create");
  zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, &err);
  zip_error_fini(&err);
  if (!z) {
    zip_source_free(buffer);
    zip_failure("zip_open_from_source");
  }
  zip_source_keep(buffer);  // read back after zip_close
  std::unique_ptr<zip_t, ZipDeleter> guard(z);
  for (const auto& [name, text] : parts) {
    zip_source_t* s = zip_source_buffer(z, text.data(), text.size(), 0);
    if (!s) zip_failure("zip_source_buffer");
    zip_int64_t i = zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (i < 0) {
      zip_source_free(s);
      zip_failure("zip_file_add");
    }
    // 1980-01-01 00:00 as a DOS date and time: no clock, no time zone in the bytes.
    if (zip_file_set_dostime(z, static_cast<zip_uint64_t>(i), 0, (1 << 5) | 1, 0) != 0) zip_failure("zip_file_set_dostime");
  }
  if (zip_close(guard.release()) != 0) {
    zip_source_free(buffer);
    zip_failure("zip_close");
  }
  std::string out;
  if (zip_source_open(buffer) != 0) {
    zip_source_free(buffer);
    zip_failure("zip_source_open");
  }
  char chunk[65536];
  zip_int64_t n;
  while ((n = zip_source_read(buffer, chunk, sizeof chunk)) > 0) out.append(chunk, static_cast<std::size_t>(n));
  zip_source_close(buffer);
  zip_source_free(buffer);
  if (n < 0) zip_failure("zip_source_read");
  return out;
}

namespace {

// Undoes the five predefined entities and numeric character references of XML text.
std::string xml_unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos) {
      out += s[i];
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp") out += '&';
    else if (ent == "lt") out += '<';
    else if (ent == "gt") out += '>';
    else if (ent == "quot") out += '"';
    else if (ent == "apos") out += '\'';
    else if (!ent.empty() && ent[0] == '#') {
      // A malformed reference (&#;, &#xZZ;, out of range) is kept as written.
      unsigned long cp = 0;
      try {
        cp = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X') ? std::stoul(std::string(ent.substr(2)), nullptr, 16)
                                                                : std::stoul(std::string(ent.substr(1)));
      } catch (const std::exception&) {
        cp = 0x110000;
      }
      if (cp > 0x10FFFF) {
        out += s.substr(i, semi - i + 1);
        i = semi;
        continue;
      }
      if (cp < 0x80) out += static_cast<char>(cp);
      else if (cp < 0x800) out += static_cast<char>(0xC0 | (cp >> 6)), out += static_cast<char>(0x80 | (cp & 0x3F));
      else if (cp < 0x10000)
        out += static_cast<char>(0xE0 | (cp >> 12)), out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
            out += static_cast<char>(0x80 | (cp & 0x3F));
      else
        out += static_cast<char>(0xF0 | (cp >> 18)), out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += s.substr(i, semi - i + 1);
    }
    i = semi;
  }
  return out;
}

}  // namespace

std::vector<std::string> docx_paragraphs(std::string_view bytes, const std::string& name) {
  auto unreadable = [&](std::string_view why_zh, std::string_view why_en) {
    return UsageError(fmt::format("{}：不是可读取的 Word 文档（.docx）：{}", name, why_zh),
                      fmt::format("{}: not a readable Word document (.docx): {}", name, why_en));
  };
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : nullptr;
  zip_error_fini(&err);
  if (!z) {
    if (src) zip_source_free(src);
    throw unreadable("不是 zip 文件", "not a zip file");
  }
  std::unique_ptr<zip_t, ZipDeleter> guard(z);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, "word/document.xml", 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
    throw unreadable("缺少 word/document.xml", "no word/document.xml");
  // A bound against zip bombs: a drafted document's main part is far below this.
  constexpr zip_uint64_t limit = 256u << 20;
  if (st.size > limit) throw unreadable("word/document.xml 超过 256 MB", "word/document.xml is larger than 256 MB");
  zip_file_t* f = zip_fopen(z, "word/document.xml", 0);
  if (!f) throw unreadable("无法打开 word/document.xml", "cannot open word/document.xml");
  std::string xml;
  char chunk[65536];
  zip_int64_t n;
  while ((n = zip_fread(f, chunk, sizeof chunk)) > 0) {
    xml.append(chunk, static_cast<std::size_t>(n));
    if (xml.size() > limit) break;
  }
  zip_fclose(f);
  if (n < 0 || xml.size() > limit) throw unreadable("word/document.xml 读取失败", "word/document.xml could not be read");
  // Paragraphs (<w:p>, <w:p ...>) and the text of their <w:t> elements; an edited document may
  // split one marker over several runs, so markers are looked for in the paragraph's whole text.
  std::vector<std::string> out;
  std::string cur;
  bool in_p = false;
  std::size_t i = 0;
  while ((i = xml.find('<', i)) != std::string::npos) {
    std::size_t end = xml.find('>', i);
    if (end == std::string::npos) break;
    std::string_view tag(xml.data() + i + 1, end - i - 1);
    auto is = [&](std::string_view name_) {
      return tag.substr(0, name_.size()) == name_ && (tag.size() == name_.size() || tag[name_.size()] == ' ' ||
                                                      tag[name_.size()] == '/' || tag[name_.size()] == '>');
    };
    if (is("w:p")) {
      in_p = true;
      cur.clear();
      if (tag.back() == '/') out.emplace_back(), in_p = false;
    } else if (is("/w:p")) {
      if (in_p) out.push_back(cur);
      in_p = false;
    } else if (is("w:t") && tag.back() != '/') {
      std::size_t close = xml.find("</w:t>", end);
      if (close == std::string::npos) break;
      cur += xml_unescape(std::string_view(xml).substr(end + 1, close - end - 1));
      end = close + 5;
    } else if (is("w:tab") || is("w:br")) {
      cur += ' ';
    }
    i = end + 1;
  }
  return out;
}

}  // namespace xuncha::cli
