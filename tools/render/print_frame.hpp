#pragma once
// The one print frame of every printable page (schedule, team plan, ledger, drafted documents):
// A4 with the GB/T 9704-2012 margins, the font stacks of PRINT.md, page numbers "— 1 —" on the
// outer side, and every page-margin box defined, so that a print with the browser's default
// settings shows no browser header or footer (date, title, file:// address, "1/3").
#include <string>
#include <string_view>

namespace xuncha::cli {

/// Font stacks (PRINT.md): office fonts first, then Debian's stand-ins.
inline constexpr std::string_view font_fangsong =
    R"("FangSong_GB2312","仿宋_GB2312","FangSong","仿宋","STFangsong","华文仿宋","Noto Serif CJK SC","Source Han Serif SC","AR PL UMing CN",serif)";
inline constexpr std::string_view font_heiti =
    R"("SimHei","黑体","Heiti SC","STHeiti","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif)";
inline constexpr std::string_view font_kaiti =
    R"("KaiTi_GB2312","楷体_GB2312","KaiTi","楷体","STKaiti","Kaiti SC","AR PL UKai CN",serif)";
inline constexpr std::string_view font_songti =
    R"("SimSun","宋体","Songti SC","STSong","Noto Serif CJK SC","Source Han Serif SC",serif)";

/// The shared page rules: @font-face "XBS" (小标宋), @page (A4 portrait or landscape, margins,
/// empty margin boxes, page numbers), body font and colours, the .hei/.kai classes and the h1
/// title (2号 小标宋, never faux-bold). A page adds its own rules after these.
std::string print_frame_css(bool landscape);

/// The page up to and including <body>: doctype, <html lang>, charset, title, the frame's
/// rules followed by `page_css`.
std::string print_page_open(bool zh, std::string_view title, std::string_view page_css, bool landscape);

}  // namespace xuncha::cli
