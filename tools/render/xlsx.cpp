// A generic .xlsx writer (libxlsxwriter), and the text view of a sheet.
#include "render/xlsx.hpp"

#include "base/context.hpp"
#include "base/output_file.hpp"
#include "base/terminal.hpp"
#include "base/utf8.hpp"

#include <xuncha/load/file_read.hpp>

#include <xlsxwriter.h>

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <unistd.h>

namespace xuncha::cli::xlsx {
namespace {

// A string as OOXML stores it (ST_Xstring), so that the XML stays well-formed and Excel shows the
// value as written: characters XML 1.0 forbids (C0 controls but tab and line feed, U+FFFE, U+FFFF)
// and carriage return (which an XML reader turns into a line feed) as _xHHHH_; a literal _xHHHH_
// in the data as _x005F_xHHHH_ (the escaped underscore), so it is not read as an escape; bytes that
// are not UTF-8 as U+FFFD.
std::string ooxml_text(std::string_view s) {
  auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 2, "_x") == 0 && i + 7 <= s.size() && hex(s[i + 2]) && hex(s[i + 3]) && hex(s[i + 4]) &&
        hex(s[i + 5]) && s[i + 6] == '_') {
      out += "_x005F_";  // the underscore, escaped
      ++i;
      continue;
    }
    auto step = utf8::next(s, i);
    i += step.bytes.size();
    char32_t c = step.code_point;
    if (!step.valid) out += "\xEF\xBF\xBD";
    else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0xFFFE || c == 0xFFFF)
      out += fmt::format("_x{:04X}_", static_cast<unsigned>(c));
    else out.append(step.bytes);
  }
  return out;
}

// Excel forbids []:*?/\ in sheet names, a ' at either end, and allows at most 31 characters
// (UTF-16 units; our names are BMP text, so code points); control characters and bytes that are
// not UTF-8 become '_' as well.
std::string sheet_name(const std::string& want, std::set<std::string>& used) {
  std::string clean;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < want.size() && chars < 28;) {  // room for a "~N" suffix
    auto step = utf8::next(want, i);
    i += step.bytes.size();
    char32_t c = step.code_point;
    bool bad = !step.valid || c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFFFE || c == 0xFFFF ||
               (c < 0x80 && std::string_view("[]:*?/\\").find(static_cast<char>(c)) != std::string_view::npos);
    clean += bad ? std::string("_") : std::string(step.bytes);
    ++chars;
  }
  if (clean.empty()) clean = "Sheet";
  if (clean.front() == '\'') clean.front() = '_';
  if (clean.back() == '\'') clean.back() = '_';
  std::string name = clean;
  for (int n = 2; used.count(name); ++n) name = fmt::format("{}~{}", clean, n);
  used.insert(name);
  return name;
}

// libxlsxwriter reports its failures on stderr as well as in its result: while it works, its
// stderr goes nowhere, and the result becomes one clear message of ours.
struct QuietStderr {
  int saved = ::dup(STDERR_FILENO);
  QuietStderr() {
    int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved >= 0 && null >= 0) ::dup2(null, STDERR_FILENO);
    if (null >= 0) ::close(null);
  }
  ~QuietStderr() {
    if (saved >= 0) {
      ::dup2(saved, STDERR_FILENO);
      ::close(saved);
    }
  }
};

std::string temp_folder() {
  const char* dir = std::getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

}  // namespace

std::string render(const Workbook& wb) {
  // The workbook is built in a temporary file (libxlsxwriter writes only to files) in $TMPDIR,
  // with libxlsxwriter's own scratch files; a signal removes it (output_file.hpp).
  std::string dir = temp_folder();
  TempFile temp((std::filesystem::path(dir) / "xuncha-XXXXXX.xlsx").string(), 5,
                Message{"工作簿的临时文件（请把 TMPDIR 设为可写的文件夹）",
                        "a temporary file for the workbook (set TMPDIR to a writable folder)"});
  temp.close();
  const std::string& pattern = temp.path();

  lxw_workbook_options opts{};
  opts.constant_memory = LXW_FALSE;
  opts.tmpdir = dir.data();
  QuietStderr quiet;
  lxw_workbook* book = workbook_new_opt(pattern.c_str(), &opts);
  if (!book)
    throw UsageError(fmt::format("无法在 {} 中建立工作簿", quote_path(dir)), fmt::format("cannot start the workbook in {}", quote_path(dir)));

  lxw_doc_properties props{};
  std::string title = ooxml_text(wb.title);
  props.title = title.data();
  std::string author = "xuncha";
  props.author = author.data();
  // Creation time from the as-of date, never the clock: the same input gives the same bytes.
  props.created = static_cast<time_t>(wb.created.time_since_epoch().count()) * 86400;
  workbook_set_properties(book, &props);

  lxw_format* head = workbook_add_format(book);
  format_set_bold(head);
  format_set_bg_color(head, 0xD9E1F2);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_text_wrap(head);
  lxw_format* title_fmt = workbook_add_format(book);
  format_set_bold(title_fmt);
  format_set_font_size(title_fmt, 14);
  lxw_format* plain[2];
  lxw_format* date_fmt[2];
  lxw_format* pct_fmt[2];
  for (int h = 0; h < 2; ++h) {
    plain[h] = workbook_add_format(book);
    date_fmt[h] = workbook_add_format(book);
    pct_fmt[h] = workbook_add_format(book);
    format_set_num_format(date_fmt[h], "yyyy-mm-dd");
    format_set_num_format(pct_fmt[h], "0.0%");
    for (auto* f : {plain[h], date_fmt[h], pct_fmt[h]}) {
      format_set_border(f, LXW_BORDER_THIN);
      format_set_text_wrap(f);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      if (h) format_set_bg_color(f, 0xFFC7CE);
    }
  }

  std::set<std::string> used;
  for (const auto& s : wb.sheets) {
    std::string name = sheet_name(s.name, used);
    lxw_worksheet* ws = workbook_add_worksheet(book, name.c_str());
    if (!ws) throw std::runtime_error(fmt::format("cannot add the sheet '{}'", name));
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    lxw_row_t row = 0;
    for (const auto& line : s.title) worksheet_write_string(ws, row++, 0, ooxml_text(line).c_str(), title_fmt);
    for (std::size_t c = 0; c < s.header.size(); ++c)
      worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), ooxml_text(s.header[c]).c_str(), head);
    worksheet_freeze_panes(ws, row + 1, 0);
    worksheet_repeat_rows(ws, row, row);
    ++row;
    // Drop-down lists for coded columns, so an office filling the sheet picks a word import reads.
    for (std::size_t c = 0; c < s.validation.size(); ++c) {
      if (s.validation[c].empty()) continue;
      std::vector<std::string> texts;
      for (const auto& v : s.validation[c]) texts.push_back(ooxml_text(v));
      std::vector<const char*> list;
      for (const auto& t : texts) list.push_back(t.c_str());
      list.push_back(nullptr);
      lxw_data_validation dv{};
      dv.validate = LXW_VALIDATION_TYPE_LIST;
      dv.value_list = const_cast<char**>(list.data());
      dv.ignore_blank = LXW_VALIDATION_ON;
      dv.show_error = LXW_VALIDATION_ON;
      dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
      auto last = static_cast<lxw_row_t>(row + s.rows.size() + 1000);
      worksheet_data_validation_range(ws, row, static_cast<lxw_col_t>(c), last, static_cast<lxw_col_t>(c), &dv);
    }
    for (std::size_t c = 0; c < s.widths.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), s.widths[c], nullptr);
    for (std::size_t r = 0; r < s.rows.size(); ++r, ++row) {
      int h = r < s.highlight.size() && s.highlight[r] ? 1 : 0;
      for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
        const Cell& cell = s.rows[r][c];
        auto col = static_cast<lxw_col_t>(c);
        switch (cell.kind) {
          case Cell::Kind::empty: worksheet_write_blank(ws, row, col, plain[h]); break;
          case Cell::Kind::text: worksheet_write_string(ws, row, col, ooxml_text(cell.text).c_str(), plain[h]); break;
          case Cell::Kind::number: worksheet_write_number(ws, row, col, cell.number, plain[h]); break;
          case Cell::Kind::percent: worksheet_write_number(ws, row, col, cell.number, pct_fmt[h]); break;
          case Cell::Kind::date: {
            auto ymd = date::year_month_day{cell.date};
            lxw_datetime dt{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                            static_cast<int>(static_cast<unsigned>(ymd.day())), 0, 0, 0};
            worksheet_write_datetime(ws, row, col, &dt, date_fmt[h]);
            break;
          }
        }
      }
    }
  }
  int saved_errno = 0;
  lxw_error err = workbook_close(book);
  if (err != LXW_NO_ERROR) saved_errno = errno;
  if (err != LXW_NO_ERROR)
    throw UsageError(fmt::format("无法在 {} 中写出工作簿：{}{}", quote_path(dir), lxw_strerror(err),
                                 saved_errno ? fmt::format("（{}）", system_reason(saved_errno).zh) : std::string()),
                     fmt::format("cannot write the workbook in {}: {}{}", quote_path(dir), lxw_strerror(err),
                                 saved_errno ? fmt::format(" ({})", system_reason(saved_errno).en) : std::string()));
  Message why;
  auto bytes = load::read_regular_file(pattern, std::size_t(-1) / 2, why);
  if (!bytes)
    throw UsageError(fmt::format("无法读回工作簿 {}：{}", quote_path(pattern), why.zh),
                     fmt::format("cannot read back the workbook {}: {}", quote_path(pattern), why.en));
  return std::move(*bytes);
}

}  // namespace xuncha::cli::xlsx

namespace xuncha::cli::xlsx {

text::Table text_table(const Sheet& s, std::vector<bool> right) {
  if (right.empty()) {
    right.assign(s.header.size(), false);
    for (const auto& row : s.rows)
    for (std::size_t c = 0; c < row.size() && c < right.size(); ++c)
        if (row[c].kind != Cell::Kind::text && row[c].kind != Cell::Kind::empty) right[c] = true;
  }
  text::Table t(s.header, right);
  for (const auto& row : s.rows) {
    std::vector<std::string> cells;
    for (const auto& c : row) {
      switch (c.kind) {
        case Cell::Kind::empty: cells.emplace_back("-"); break;
        case Cell::Kind::text: cells.push_back(c.text); break;
        case Cell::Kind::number:
          cells.push_back(c.number == static_cast<double>(static_cast<long long>(c.number))
                              ? fmt::format("{}", static_cast<long long>(c.number))
                              : fmt::format("{}", c.number));
          break;
        case Cell::Kind::percent: cells.push_back(fmt::format("{:.1f}%", c.number * 100)); break;
        case Cell::Kind::date: cells.push_back(format_iso(c.date)); break;
      }
    }
    t.add(std::move(cells));
  }
  return t;
}

}  // namespace xuncha::cli::xlsx
