// The print frame shared by every printable page (PRINT.md).
#include "render/print_frame.hpp"

#include "render/xml.hpp"

#include <fmt/format.h>

namespace xuncha::cli {

std::string print_frame_css(bool landscape) {
  // Portrait: top 37, binding 28, bottom 35, outer 26 mm; landscape turns them by 90 degrees.
  std::string_view page = landscape ? "size:A4 landscape;margin:28mm 37mm 26mm 35mm;" : "size:A4 portrait;margin:37mm 26mm 35mm 28mm;";
  std::string s = R"(@font-face{font-family:"XBS";src:local("方正小标宋简体"),local("FZXiaoBiaoSong-B05S"),local("Noto Serif CJK SC Bold"),local("NotoSerifCJKsc-Bold");}
)";
  // Chromium replaces its own header and footer only when the page defines the margin boxes:
  // all of them, empty, then the page number in the outer bottom corner of each side.
  s += fmt::format("@page{{{}", page);
  for (auto box : {"top-left-corner", "top-left", "top-center", "top-right", "top-right-corner", "bottom-left-corner",
                   "bottom-left", "bottom-center", "bottom-right", "bottom-right-corner"})
    s += fmt::format("@{}{{content:\"\";}}", box);
  s += "}\n";
  s += fmt::format("@page:right{{@bottom-right{{content:\"— \" counter(page) \" —\";font-family:{};font-size:14pt;vertical-align:top;padding:7mm 14pt 0 0;}}}}\n",
                   font_songti);
  s += fmt::format("@page:left{{@bottom-left{{content:\"— \" counter(page) \" —\";font-family:{};font-size:14pt;vertical-align:top;padding:7mm 0 0 14pt;}}}}\n",
                   font_songti);
  s += "*{box-sizing:border-box;}\nhtml{-webkit-print-color-adjust:exact;print-color-adjust:exact;}\n";
  s += fmt::format("body{{margin:0;color:#000;font-family:{};font-size:12pt;line-height:1.35;}}\n", font_fangsong);
  s += fmt::format(".hei{{font-family:{};font-weight:normal;}}\n.kai{{font-family:{};}}\n", font_heiti, font_kaiti);
  s += R"(h1{font-family:"XBS","Noto Serif CJK SC",serif;font-weight:normal;font-size:22pt;text-align:center;margin:0.6em 0 0.3em;}
)";
  // Tables over several pages (PRINT.md): the header row repeats, a row never splits, and neither
  // the first row nor the last is left alone on a page (tests/print_pages.sh checks it).
  s += "thead{display:table-header-group;}\ntr,th,td{break-inside:avoid;}\n"
       "tbody>tr:first-child{break-after:avoid;}\ntbody>tr:last-child{break-before:avoid;}\n";
  s += fmt::format("@media screen{{body{{max-width:{};margin:1em auto;padding:0 1em;}}}}\n", landscape ? "297mm" : "210mm");
  return s;
}

std::string print_page_open(bool zh, std::string_view title, std::string_view page_css, bool landscape) {
  return fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{}{}</style>\n</head>\n<body>\n",
                     zh ? "zh-CN" : "en", xml_escape(title), print_frame_css(landscape), page_css);
}

}  // namespace xuncha::cli
