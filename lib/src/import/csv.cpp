// CSV as offices save it: Excel's "CSV UTF-8" (with a BOM), plain UTF-8, or GBK from Excel on
// Chinese Windows (read as GB18030, its superset); comma, tab or semicolon; CRLF or LF; quoted
// fields with separators, doubled quotes and line breaks.
#include <xuncha/import/sheet.hpp>

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <iconv.h>

namespace xuncha::import {
namespace {

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    if (n == 2 && c < 0xC2) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    if (n == 3) {
      auto c1 = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return false;
    }
    if (n == 4) {
      auto c1 = static_cast<unsigned char>(s[i + 1]);
      if (c > 0xF4 || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return false;
    }
    i += n;
  }
  return true;
}

// GB18030 (a superset of GBK and GB2312) to UTF-8; nothing when a byte sequence is not GB18030.
std::optional<std::string> from_gb18030(std::string_view in, std::size_t& bad_offset) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    bad_offset = 0;
    return std::nullopt;
  }
  std::string out;
  out.resize(in.size() * 2 + 16);
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  std::size_t done = 0;
  bool ok = true;
  while (src_left > 0) {
    char* dst = out.data() + done;
    std::size_t dst_left = out.size() - done;
    std::size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    done = out.size() - dst_left;
    if (r == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        out.resize(out.size() * 2);
        continue;
      }
      ok = false;
      bad_offset = in.size() - src_left;
      break;
    }
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(done);
  return out;
}

// The separator: of comma, tab and semicolon, the one found most often outside quotes in the
// first lines (tab, then semicolon win a tie with comma only when they occur at all).
char find_separator(std::string_view text) {
  std::array<char, 3> seps{',', '\t', ';'};
  std::array<std::size_t, 3> count{};
  bool quoted = false;
  int lines = 0;
  for (std::size_t i = 0; i < text.size() && lines < 20; ++i) {
    char c = text[i];
    if (c == '"') quoted = !quoted;
    else if (!quoted && c == '\n') ++lines;
    else if (!quoted)
      for (std::size_t k = 0; k < seps.size(); ++k)
        if (c == seps[k]) ++count[k];
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < seps.size(); ++k)
    if (count[k] > count[best]) best = k;
  return seps[best];
}

}  // namespace

ReadResult read_csv(std::string_view bytes, std::string file, const ReadLimits& limits) {
  ReadResult res;
  Workbook book;
  book.file = std::move(file);
  book.format = Format::csv;
  std::string converted;
  std::string_view text = bytes;
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
    book.encoding = "UTF-8 (BOM)";
  } else if (valid_utf8(text)) {
    book.encoding = "UTF-8";
  } else {
    std::size_t bad = 0;
    auto utf8 = from_gb18030(text, bad);
    if (!utf8) {
      res.error.message = {fmt::format("既不是 UTF-8 也不是 GBK/GB18030 编码（第 {} 字节起无法解读）", bad + 1),
                           fmt::format("neither UTF-8 nor GBK/GB18030 text (cannot decode from byte {})", bad + 1)};
      return res;
    }
    converted = std::move(*utf8);
    text = converted;
    book.encoding = "GB18030";
  }
  if (text.find('\0') != std::string_view::npos) {
    res.error.message = {"含有 NUL 字节，不是文本表格（CSV）", "holds NUL bytes: not a CSV text file"};
    return res;
  }
  book.separator = find_separator(text);
  const char sep = book.separator;

  Sheet sheet;
  Row row;
  std::string cell;
  bool quoted = false, any = false;
  int line = 1;
  row.number = 1;
  std::size_t cells = 0;
  auto end_cell = [&] {
    if (!cell.empty()) any = true;
    row.cells.push_back(cell.empty() ? Cell{} : Cell::of_text(std::move(cell)));
    cell.clear();
  };
  auto end_row = [&]() -> bool {
    end_cell();
    if (any) {
      cells += row.cells.size();
      if (row.cells.size() > limits.max_columns || cells > limits.max_cells) return false;
      sheet.rows.push_back(std::move(row));
    }
    row = Row{};
    row.number = line;
    any = false;
    return true;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
        else quoted = false;
      } else {
        if (c == '\n') ++line;
        if (c != '\r' || i + 1 >= text.size() || text[i + 1] != '\n') cell += c;
      }
      continue;
    }
    if (c == '"' && cell.find_first_not_of(" ") == std::string::npos) {
      cell.clear();
      quoted = true;
      any = true;
    } else if (c == sep) {
      end_cell();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      if (!end_row()) {
        res.error.message = {"单元格过多", "too many cells"};
        return res;
      }
    } else {
      cell += c;
    }
  }
  if (quoted) {
    res.error.message = {fmt::format("第 {} 行开始的引号未闭合", row.number),
                         fmt::format("the quote opened on line {} is never closed", row.number)};
    res.error.where = std::to_string(row.number);
    return res;
  }
  if (!end_row()) {
    res.error.message = {"单元格过多", "too many cells"};
    return res;
  }
  book.sheets.push_back(std::move(sheet));
  res.book = std::move(book);
  return res;
}

}  // namespace xuncha::import
